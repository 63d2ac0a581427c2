import type { Caller, UnitOfWork } from '@klynge/platform';
import type { DataSource } from 'typeorm';
import { ProgrammeService } from '../programmes/programme.service';
import { SEED_PROGRAMMES } from './seed-data';

/** The demo data is loaded by the operator who starts the service, as an admin would enter it. */
const SEED_CALLER: Caller = { subject: 'seed', roles: ['admin'] };

/**
 * Plans the demo programmes through the same use cases as the API. Hosts are found by name in
 * the clusters this service has heard of; a programme whose hosts or funding programme are not
 * known yet (the clusters or funding service has not run since seeding) waits for the next run.
 * Idempotent.
 */
export async function seedCompetence(dataSource: DataSource, unitOfWork: UnitOfWork): Promise<string[]> {
  const programmes = new ProgrammeService(unitOfWork);
  const added: string[] = [];
  for (const { hosts, fundedByGrantTo, ...programme } of SEED_PROGRAMMES) {
    if ((await dataSource.query<unknown[]>('SELECT 1 FROM competence_programmes WHERE name = $1', [programme.name])).length) continue;
    const known = await dataSource.query<{ cluster_id: string }[]>('SELECT cluster_id FROM cluster_directory WHERE name = ANY($1)', [
      hosts,
    ]);
    if (known.length !== hosts.length || !(await fundingProgrammeKnown(dataSource, programme.fundingProgrammeCode))) continue;
    const grantId = fundedByGrantTo === undefined ? undefined : await grantTo(dataSource, programme.fundingProgrammeCode, fundedByGrantTo);
    if (grantId === null) continue;
    const planned = await programmes.plan(
      {
        ...programme,
        themes: [...programme.themes],
        hostClusterIds: known.map((host) => host.cluster_id),
        // Which levels may host them, the notes do not say.
        acceptedHostLevels: null,
        periodEndPrecision: programme.periodEndPrecision ?? 'DAY',
        ...(grantId === undefined ? {} : { grantId }),
      },
      () => SEED_CALLER,
    );
    if (grantId !== undefined) await programmes.changeStatus(planned.id, 'OPEN', () => SEED_CALLER);
    added.push(programme.name);
  }
  return added;
}

/** Whether every host and funding programme of the demo programmes has reached this service's read models. */
export async function competenceSeedReady(dataSource: DataSource): Promise<boolean> {
  const hosts = [...new Set(SEED_PROGRAMMES.flatMap((programme) => programme.hosts))];
  const [{ known }] = await dataSource.query<[{ known: number }]>(
    'SELECT count(*)::int AS known FROM cluster_directory WHERE name = ANY($1)',
    [hosts],
  );
  if (known !== hosts.length) return false;
  for (const { fundingProgrammeCode, fundedByGrantTo } of SEED_PROGRAMMES) {
    if (!(await fundingProgrammeKnown(dataSource, fundingProgrammeCode))) return false;
    if (fundedByGrantTo !== undefined && (await grantTo(dataSource, fundingProgrammeCode, fundedByGrantTo)) === null) return false;
  }
  return true;
}

/** The grant under `fundingProgrammeCode` that went to the cluster called `clusterName`, once both have arrived here. */
async function grantTo(dataSource: DataSource, fundingProgrammeCode: string, clusterName: string): Promise<string | null> {
  const [grant] = await dataSource.query<{ grant_id: string }[]>(
    `SELECT g.grant_id FROM awarded_grants g JOIN cluster_directory c ON c.cluster_id = ANY(g.cluster_ids)
     WHERE g.programme_code = $1 AND c.name = $2`,
    [fundingProgrammeCode, clusterName],
  );
  return grant?.grant_id ?? null;
}

async function fundingProgrammeKnown(dataSource: DataSource, code: string): Promise<boolean> {
  return (await dataSource.query<unknown[]>('SELECT 1 FROM funding_programme_directory WHERE programme_code = $1', [code])).length === 1;
}
