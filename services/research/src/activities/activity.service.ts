import { randomUUID } from 'node:crypto';
import {
  BadUserInputError,
  type Caller,
  dateWithin,
  optionalIsoDate,
  optionalText,
  requiredText,
  type UnitOfWork,
  wholeAmount,
} from '@klynge/platform';
import { CallRecorded } from '../research.events';
import type { RecordCallInput } from './activity.types';

/** Calls for proposals, recorded as Forskningsrådet announces them. */
export class CallService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async record(input: RecordCallInput, authorize: () => Caller): Promise<{ id: string }> {
    const title = requiredText('title', input.title, 300);
    const applicationType = optionalText('applicationType', input.applicationType, 200);
    const opensOn = optionalIsoDate('opensOn', input.opensOn);
    const deadline = optionalIsoDate('deadline', input.deadline);
    if (deadline !== null && opensOn !== null) dateWithin('deadline', deadline, { notBefore: [opensOn, 'the day it opens'] });
    if (input.continuousIntake && deadline !== null)
      throw new BadUserInputError('deadline', 'A call with continuous intake has no deadline');
    const decisionBy = optionalIsoDate('decisionBy', input.decisionBy);
    const earliestStart = optionalIsoDate('earliestStart', input.earliestStart);
    const latestStart = optionalIsoDate('latestStart', input.latestStart);
    if (earliestStart !== null && latestStart !== null)
      dateWithin('latestStart', latestStart, { notBefore: [earliestStart, 'the earliest start'] });
    const amountOffered =
      input.amountOffered === null || input.amountOffered === undefined ? null : wholeAmount('amountOffered', input.amountOffered);
    if ((amountOffered === null) !== (input.amountBound === null || input.amountBound === undefined)) {
      throw new BadUserInputError('amountBound', 'amountBound goes with amountOffered: give both or neither');
    }
    authorize();
    const id = randomUUID();
    const call = {
      callId: id,
      activityCode: input.activityCode ?? null,
      applicationType,
      title,
      opensOn,
      deadline,
      continuousIntake: input.continuousIntake,
      decisionBy,
      earliestStart,
      latestStart,
      amountOffered: amountOffered?.toString() ?? null,
      amountBound: input.amountBound ?? null,
    };
    await this.unitOfWork.run(async ({ manager, publish }) => {
      if (input.activityCode) {
        const known = await manager.query<unknown[]>('SELECT 1 FROM research_funding_activities WHERE code = $1', [input.activityCode]);
        if (known.length === 0) throw new BadUserInputError('activityCode', `${input.activityCode} is not a funding activity`);
      }
      await manager.query(
        `INSERT INTO research_calls (id, activity_code, application_type, title, opens_on, deadline, continuous_intake, decision_by,
           earliest_start, latest_start, amount_offered, amount_bound)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          call.callId,
          call.activityCode,
          call.applicationType,
          call.title,
          call.opensOn,
          call.deadline,
          call.continuousIntake,
          call.decisionBy,
          call.earliestStart,
          call.latestStart,
          call.amountOffered,
          call.amountBound,
        ],
      );
      await publish(CallRecorded, { subject: id, data: call });
    });
    return { id };
  }
}
