import type { Caller, UnitOfWork } from '@klynge/platform';
import type { DataSource } from 'typeorm';
import { ProgrammeService } from '../programmes/programme.service';
import { SEED_PROGRAMMES } from './seed-data';

/** The demo data is loaded by the operator who starts the service, as an admin would enter it. */
const SEED_CALLER: Caller = { subject: 'seed', roles: ['admin'] };

/**
 * Plans the demo programmes through the same use cases as the API. Hosts are found by name in
 * the clusters this service has heard of; a programme whose hosts are not known yet (the clusters
 * service has not run since seeding) waits for the next run. Idempotent.
 */
export async function seedCompetence(dataSource: DataSource, unitOfWork: UnitOfWork): Promise<string[]> {
  const programmes = new ProgrammeService(unitOfWork);
  const added: string[] = [];
  for (const { hosts, ...programme } of SEED_PROGRAMMES) {
    if ((await dataSource.query<unknown[]>('SELECT 1 FROM competence_programmes WHERE name = $1', [programme.name])).length) continue;
    const known = await dataSource.query<{ cluster_id: string }[]>('SELECT cluster_id FROM cluster_directory WHERE name = ANY($1)', [hosts]);
    if (known.length !== hosts.length) continue;
    await programmes.plan(
      {
        ...programme,
        themes: [...programme.themes],
        hostClusterIds: known.map((host) => host.cluster_id),
        acceptedHostLevels: ['ARENA', 'ARENA_PRO', 'NCE', 'GCE'],
      },
      () => SEED_CALLER,
    );
    added.push(programme.name);
  }
  return added;
}

/** Whether every host of the demo programmes has reached this service's read model. */
export async function competenceSeedReady(dataSource: DataSource): Promise<boolean> {
  const hosts = [...new Set(SEED_PROGRAMMES.flatMap((programme) => programme.hosts))];
  const [{ known }] = await dataSource.query<[{ known: number }]>('SELECT count(*)::int AS known FROM cluster_directory WHERE name = ANY($1)', [hosts]);
  return known === hosts.length;
}
