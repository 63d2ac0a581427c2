import type { Caller, UnitOfWork } from '@klynge/platform';
import type { DataSource } from 'typeorm';
import { CallService } from '../activities/activity.service';
import { SEED_ACTIVITIES, SEED_APPLICATION_TYPES, SEED_CALLS } from './seed-data';

/** The demo data is loaded by the operator who starts the service, as an admin would enter it. */
const SEED_CALLER: Caller = { subject: 'seed', roles: ['admin'] };

/**
 * Loads the funding activities, application types and calls of the domain notes; calls through the
 * same use case as the API. Idempotent: what is there already is left alone.
 */
export async function seedResearch(dataSource: DataSource, unitOfWork: UnitOfWork): Promise<string[]> {
  const added: string[] = [];
  for (const activity of SEED_ACTIVITIES) {
    const rows = await dataSource.query<unknown[]>(
      `INSERT INTO research_funding_activities (code, name, main_activity, instrument) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO NOTHING RETURNING code`,
      [activity.code, activity.name, activity.mainActivity, activity.instrument],
    );
    if (rows.length > 0) added.push(activity.name);
  }
  for (const type of SEED_APPLICATION_TYPES) {
    const rows = await dataSource.query<unknown[]>(
      'INSERT INTO research_application_types (code, name, description) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING RETURNING code',
      [type.code, type.name, type.description],
    );
    if (rows.length > 0) added.push(type.name);
  }
  const calls = new CallService(unitOfWork);
  for (const call of SEED_CALLS) {
    if ((await dataSource.query<unknown[]>('SELECT 1 FROM research_calls WHERE title = $1', [call.title])).length > 0) continue;
    await calls.record(call, () => SEED_CALLER);
    added.push(call.title);
  }
  return added;
}
