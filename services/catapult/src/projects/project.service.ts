import { randomUUID } from 'node:crypto';
import { orgNumberInput } from '@klynge/contracts';
import {
  BadUserInputError,
  type Caller,
  ConflictError,
  dateWithin,
  isoDate,
  isUuid,
  norwegianDate,
  NotFoundError,
  requiredText,
  type UnitOfWork,
} from '@klynge/platform';
import { ProjectCompleted, ProjectStarted } from '../catapult.events';
import type { CompleteProjectInput, StartProjectInput } from './project.types';

/**
 * A company's project at a centre: started, then completed. `authorize` is given the project's
 * centre, whose staff may write it, and runs before anything is written.
 */
export class ProjectService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async start(input: StartProjectInput, authorize: (centreId: string) => Caller): Promise<{ id: string }> {
    if (!isUuid(input.centreId)) throw new BadUserInputError('centreId', `${input.centreId} is not a catapult centre`);
    const centreId = input.centreId.toLowerCase();
    const orgNumber = orgNumberInput('orgNumber', input.orgNumber);
    const title = requiredText('title', input.title, 200);
    const startedOn = dateWithin('startedOn', isoDate('startedOn', input.startedOn), { notAfter: [norwegianDate(new Date()), 'today'] });
    const services = [...new Set((input.services ?? []).map((service, index) => requiredText(`services[${index}]`, service, 100)))];
    const caller = authorize(centreId);
    const id = randomUUID();
    await this.unitOfWork.run(async ({ manager, publish }) => {
      const [centre] = await manager.query<{ designated_on: string; last_open: string | null }[]>(
        `SELECT to_char(designated_on, 'YYYY-MM-DD') AS designated_on, to_char(closed_on - 1, 'YYYY-MM-DD') AS last_open
         FROM catapult_centres WHERE id = $1 FOR SHARE`,
        [centreId],
      );
      if (!centre) throw new BadUserInputError('centreId', `${centreId} is not a catapult centre`);
      dateWithin('startedOn', startedOn, {
        notBefore: [centre.designated_on, 'when the centre was designated'],
        notAfter: [centre.last_open, 'the last day before the centre closed'],
      });
      await manager.query(
        `INSERT INTO catapult_projects (id, centre_id, org_number, title, started_on, services, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, centreId, orgNumber, title, startedOn, services, caller.subject],
      );
      await publish(ProjectStarted, { subject: id, data: { projectId: id, centreId, orgNumber, title, startedOn, services } });
    });
    return { id };
  }

  async complete(input: CompleteProjectInput, authorize: (centreId: string) => Caller): Promise<{ id: string }> {
    if (!isUuid(input.projectId)) throw new NotFoundError('CatapultProject', input.projectId, 'projectId');
    const endedOn = dateWithin('endedOn', isoDate('endedOn', input.endedOn), { notAfter: [norwegianDate(new Date()), 'today'] });
    await this.unitOfWork.run(async ({ manager, publish }) => {
      const [project] = await manager.query<{ centre_id: string; org_number: string; started_on: string; ended_on: string | null }[]>(
        `SELECT centre_id, org_number, to_char(started_on, 'YYYY-MM-DD') AS started_on, ended_on
         FROM catapult_projects WHERE id = $1 FOR UPDATE`,
        [input.projectId],
      );
      if (!project) throw new NotFoundError('CatapultProject', input.projectId, 'projectId');
      authorize(project.centre_id);
      if (project.ended_on !== null) throw new ConflictError('The project is already completed', 'projectId');
      dateWithin('endedOn', endedOn, { notBefore: [project.started_on, 'the day it started'] });
      await manager.query('UPDATE catapult_projects SET ended_on = $2 WHERE id = $1', [input.projectId, endedOn]);
      await publish(ProjectCompleted, {
        subject: input.projectId,
        data: { projectId: input.projectId, centreId: project.centre_id, orgNumber: project.org_number, endedOn },
      });
    });
    return { id: input.projectId };
  }
}
