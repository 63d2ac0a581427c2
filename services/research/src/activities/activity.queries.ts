import { alignByKey, groupByKey, nok, type RequestContext } from '@klynge/platform';
import type { DataSource } from 'typeorm';
import type { ActivityType, ApplicationTypeType, CallRecord, OfferBound } from './activity.types';

const ACTIVITY_COLUMNS = 'code, name, main_activity AS "mainActivity", instrument';
const CALL_COLUMNS = `id, activity_code AS "activityCode", application_type AS "applicationType", title,
  to_char(opens_on, 'YYYY-MM-DD') AS "opensOn", to_char(deadline, 'YYYY-MM-DD') AS deadline, continuous_intake AS "continuousIntake",
  to_char(decision_by, 'YYYY-MM-DD') AS "decisionBy", to_char(earliest_start, 'YYYY-MM-DD') AS "earliestStart",
  to_char(latest_start, 'YYYY-MM-DD') AS "latestStart", amount_offered::text AS "amountOffered", amount_bound AS "amountBound"`;

type CallRow = Omit<CallRecord, 'amountOffered'> & { amountOffered: string | null; amountBound: OfferBound | null };
const toCall = (row: CallRow): CallRecord => ({ ...row, amountOffered: row.amountOffered === null ? null : nok(row.amountOffered) });

/** Funding activities, application types and calls. */
export class ActivityQueries {
  constructor(private readonly dataSource: DataSource) {}

  activities(): Promise<ActivityType[]> {
    return this.dataSource.query(
      `SELECT ${ACTIVITY_COLUMNS} FROM research_funding_activities ORDER BY instrument NULLS LAST, main_activity NULLS LAST, name`,
    );
  }

  activity(context: RequestContext, code: string): Promise<ActivityType | null> {
    return context.loaders
      .get<string, ActivityType | null>('research.activityByCode', async (codes) =>
        alignByKey(
          codes,
          await this.dataSource.query<ActivityType[]>(
            `SELECT ${ACTIVITY_COLUMNS} FROM research_funding_activities WHERE code = ANY($1::text[])`,
            [codes],
          ),
          (activity) => activity.code,
        ),
      )
      .load(code);
  }

  applicationTypes(): Promise<ApplicationTypeType[]> {
    return this.dataSource.query('SELECT code, name, description FROM research_application_types ORDER BY name');
  }

  async calls(): Promise<CallRecord[]> {
    const rows = await this.dataSource.query<CallRow[]>(
      `SELECT ${CALL_COLUMNS} FROM research_calls ORDER BY opens_on DESC NULLS LAST, title`,
    );
    return rows.map(toCall);
  }

  async call(id: string): Promise<CallRecord | null> {
    const [row] = await this.dataSource.query<CallRow[]>(`SELECT ${CALL_COLUMNS} FROM research_calls WHERE id = $1`, [id]);
    return row ? toCall(row) : null;
  }

  callsOfActivity(context: RequestContext, code: string): Promise<CallRecord[]> {
    return context.loaders
      .get<string, CallRecord[]>('research.callsOfActivity', async (codes) =>
        groupByKey(
          codes,
          (
            await this.dataSource.query<CallRow[]>(
              `SELECT ${CALL_COLUMNS} FROM research_calls WHERE activity_code = ANY($1::text[]) ORDER BY opens_on DESC NULLS LAST`,
              [codes],
            )
          ).map(toCall),
          (call) => call.activityCode!,
        ),
      )
      .load(code);
  }
}
