import { randomUUID } from 'node:crypto';
import { CompanyEnrolled, EnrolmentCompleted, EnrolmentDropped, ModuleCompleted, orgNumberInput } from '@klynge/contracts';
import {
  BadUserInputError,
  type Caller,
  ConflictError,
  isoDate,
  isUuid,
  NotFoundError,
  optionalIsoDate,
  type Ownership,
  type Transaction,
  translateConstraintErrors,
  type UnitOfWork,
} from '@klynge/platform';
import { programmesById } from '../programmes/programme.queries';
import { lockProgramme, ownerOf } from '../programmes/programme.service';
import type { EnrolCompanyInput, EnrolmentType } from './enrolment.types';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Enrolments. Enrolling locks the programme row and counts its enrolments in a later statement
 * (a fresh snapshot), so concurrent enrolments cannot overfill it.
 */
export class EnrolmentService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async enrol(input: EnrolCompanyInput, authorize: (owner: Ownership) => Caller): Promise<EnrolmentType> {
    const orgNumber = orgNumberInput('orgNumber', input.orgNumber);
    const enrolledOn = optionalIsoDate('enrolledOn', input.enrolledOn) ?? today();
    const id = randomUUID();
    return translateConstraintErrors(
      { enrolments_once_per_programme: () => new ConflictError(`${orgNumber} is enrolled in this programme already`, 'orgNumber') },
      () =>
        this.unitOfWork.run(async (tx) => {
          const programme = await lockProgramme(tx, input.programmeId, 'programmeId');
          authorize(await ownerOf(tx, programme));
          if (programme.status !== 'OPEN' && programme.status !== 'RUNNING') {
            throw new ConflictError(`The programme is ${programme.status}; it takes enrolments while OPEN or RUNNING`, 'programmeId');
          }
          const [{ taken }] = await tx.manager.query<[{ taken: number }]>(
            `SELECT count(*)::int AS taken FROM enrolments WHERE programme_id = $1 AND status <> 'DROPPED'`,
            [programme.id],
          );
          if (programme.capacity !== null && taken >= programme.capacity) {
            throw new ConflictError(`The programme is full: all ${programme.capacity} places are taken`, 'programmeId');
          }
          // Only organisations the clusters service has registered: their names and counties
          // are its to give, and a dashboard asking for them must get them.
          const [known] = await tx.manager.query<unknown[]>('SELECT 1 FROM organization_directory WHERE org_number = $1', [orgNumber]);
          if (!known) {
            throw new BadUserInputError(
              'orgNumber',
              `${orgNumber} is not a registered organisation (register it in the cluster registry first; it is known here moments later)`,
            );
          }
          const [{ member }] = await tx.manager.query<[{ member: boolean }]>(
            `SELECT EXISTS (SELECT 1 FROM membership_directory WHERE org_number = $1 AND joined_on <= $2
                              AND (left_on IS NULL OR left_on >= $2)) AS member`,
            [orgNumber, enrolledOn],
          );
          await tx.manager.query(
            `INSERT INTO enrolments (id, programme_id, org_number, member_of_cluster, status, enrolled_on)
             VALUES ($1, $2, $3, $4, 'ENROLLED', $5)`,
            [id, programme.id, orgNumber, member, enrolledOn],
          );
          await tx.publish(CompanyEnrolled, {
            subject: id,
            data: { enrolmentId: id, programmeId: programme.id, orgNumber, enrolledOn, memberOfCluster: member },
          });
          return (await enrolmentsById(tx, [id]))[0]!;
        }),
    );
  }

  completeModule(enrolmentId: string, moduleId: string, completedOnInput: string, authorize: (owner: Ownership) => Caller) {
    const completedOn = isoDate('completedOn', completedOnInput);
    return this.unitOfWork.run(async (tx) => {
      const enrolment = await lockEnrolment(tx, enrolmentId, authorize);
      if (enrolment.status !== 'ENROLLED') throw new ConflictError(`The enrolment is ${enrolment.status}`, 'enrolmentId');
      notBeforeEnrolment(enrolment, 'completedOn', completedOn);
      const [module] = await tx.manager.query<{ id: string }[]>(
        'SELECT m.id FROM modules m JOIN enrolments e ON e.programme_id = m.programme_id WHERE e.id = $1 AND m.id::text = $2',
        [enrolment.id, moduleId],
      );
      if (!module) throw new NotFoundError('Module', moduleId, 'moduleId');
      const completed = await tx.manager.query<unknown[]>(
        `INSERT INTO enrolment_modules (enrolment_id, module_id, completed_on) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING 1`,
        [enrolment.id, module.id, completedOn],
      );
      const [after] = await enrolmentsById(tx, [enrolment.id]);
      // Completing a module again changes nothing, so it says nothing.
      if (completed.length > 0) {
        await tx.publish(ModuleCompleted, {
          subject: enrolment.id,
          data: {
            enrolmentId: enrolment.id,
            programmeId: enrolment.programmeId,
            moduleId: module.id,
            orgNumber: enrolment.orgNumber,
            completedOn,
            modulesCompleted: after!.modulesCompleted,
          },
        });
      }
      return after!;
    });
  }

  complete(enrolmentId: string, completedOnInput: string, authorize: (owner: Ownership) => Caller) {
    const completedOn = isoDate('completedOn', completedOnInput);
    return this.unitOfWork.run(async (tx) => {
      const enrolment = await lockEnrolment(tx, enrolmentId, authorize);
      if (enrolment.status !== 'ENROLLED') throw new ConflictError(`The enrolment is ${enrolment.status}`, 'enrolmentId');
      notBeforeEnrolment(enrolment, 'completedOn', completedOn);
      await tx.manager.query(`UPDATE enrolments SET status = 'COMPLETED', completed_on = $2 WHERE id = $1`, [enrolment.id, completedOn]);
      await tx.publish(EnrolmentCompleted, {
        subject: enrolment.id,
        data: {
          enrolmentId: enrolment.id,
          programmeId: enrolment.programmeId,
          orgNumber: enrolment.orgNumber,
          completedOn,
          modulesCompleted: enrolment.modulesCompleted,
        },
      });
      return (await enrolmentsById(tx, [enrolment.id]))[0]!;
    });
  }

  drop(enrolmentId: string, droppedOnInput: string, authorize: (owner: Ownership) => Caller) {
    const droppedOn = isoDate('droppedOn', droppedOnInput);
    return this.unitOfWork.run(async (tx) => {
      const enrolment = await lockEnrolment(tx, enrolmentId, authorize);
      if (enrolment.status !== 'ENROLLED') throw new ConflictError(`The enrolment is ${enrolment.status}`, 'enrolmentId');
      notBeforeEnrolment(enrolment, 'droppedOn', droppedOn);
      await tx.manager.query(`UPDATE enrolments SET status = 'DROPPED', dropped_on = $2 WHERE id = $1`, [enrolment.id, droppedOn]);
      await tx.publish(EnrolmentDropped, {
        subject: enrolment.id,
        data: {
          enrolmentId: enrolment.id,
          programmeId: enrolment.programmeId,
          orgNumber: enrolment.orgNumber,
          droppedOn,
          modulesCompleted: enrolment.modulesCompleted,
        },
      });
      return (await enrolmentsById(tx, [enrolment.id]))[0]!;
    });
  }
}

/** Nothing about an enrolment happens before it began. */
function notBeforeEnrolment(enrolment: EnrolmentRecord, field: string, date: string): void {
  if (date < enrolment.enrolledOn)
    throw new BadUserInputError(field, `${field} must not be before ${enrolment.enrolledOn}, when the company enrolled`);
}

export interface EnrolmentRecord extends EnrolmentType {
  programmeId: string;
}

export const ENROLMENT_COLUMNS = `e.id, e.programme_id AS "programmeId", e.org_number AS "orgNumber", e.status,
  e.member_of_cluster AS "memberOfCluster", e.enrolled_on::text AS "enrolledOn", e.completed_on::text AS "completedOn",
  e.dropped_on::text AS "droppedOn",
  (SELECT count(*)::int FROM enrolment_modules em WHERE em.enrolment_id = e.id) AS "modulesCompleted"`;

async function enrolmentsById(tx: Transaction, ids: string[]): Promise<EnrolmentRecord[]> {
  return tx.manager.query(`SELECT ${ENROLMENT_COLUMNS} FROM enrolments e WHERE e.id = ANY($1::uuid[])`, [ids]);
}

async function lockEnrolment(tx: Transaction, id: string, authorize: (owner: Ownership) => Caller): Promise<EnrolmentRecord> {
  const valid = isUuid(id);
  if (valid) await tx.manager.query('SELECT 1 FROM enrolments WHERE id = $1 FOR UPDATE', [id]);
  const [enrolment] = valid ? await enrolmentsById(tx, [id]) : [];
  if (!enrolment) throw new NotFoundError('Enrolment', id, 'enrolmentId');
  const [programme] = await programmesById(tx.manager, [enrolment.programmeId]);
  authorize(await ownerOf(tx, programme!));
  return enrolment;
}
