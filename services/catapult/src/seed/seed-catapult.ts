import type { Caller, UnitOfWork } from '@klynge/platform';
import { clusterIdsByName } from '@klynge/read-models';
import type { DataSource } from 'typeorm';
import { SchemeService } from '../scheme/scheme.service';
import { NODES_SELECTED_ON, SEED_ALLOCATIONS, SEED_CENTRES, SEED_NODES } from './seed-data';

/** The demo data is loaded by the operator who starts the service, as an admin would enter it. */
const SEED_CALLER: Caller = { subject: 'seed', roles: ['admin'] };
const asSeed = () => SEED_CALLER;

const clustersBehindCentres = [...new Set(SEED_CENTRES.flatMap((centre) => centre.clusters))];

/**
 * Loads Norsk katapult's centres, nodes and allocations through the same use cases as the API.
 * A centre waits until the clusters behind it have reached this service (from the clusters
 * service's events). Idempotent: what is there already is left alone.
 */
export async function seedCatapult(dataSource: DataSource, unitOfWork: UnitOfWork): Promise<string[]> {
  const scheme = new SchemeService(unitOfWork);
  const added: string[] = [];
  const clusters = await clusterIdsByName(dataSource, clustersBehindCentres);
  for (const { clusters: behind, ...centre } of SEED_CENTRES) {
    if (await exists(dataSource, 'catapult_centres', centre.name)) continue;
    if (!behind.every((name) => clusters.has(name))) continue;
    await scheme.designateCentre(
      {
        ...centre,
        alsoKnownAs: [...centre.alsoKnownAs],
        locations: [...centre.locations],
        hostOrganizations: [...centre.hostOrganizations],
        partnerOrganizations: [...centre.partnerOrganizations],
        clusterIds: behind.flatMap((name) => clusters.get(name)!),
      },
      asSeed,
    );
    added.push(centre.name);
  }
  for (const node of SEED_NODES) {
    if (await exists(dataSource, 'catapult_nodes', node.host)) continue;
    await scheme.selectNode(
      {
        name: node.host,
        host: { name: node.host },
        locations: [...node.locations],
        selectedOn: NODES_SELECTED_ON.date,
        selectedOnPrecision: NODES_SELECTED_ON.precision,
      },
      asSeed,
    );
    added.push(node.host);
  }
  const [{ count }] = await dataSource.query<[{ count: number }]>('SELECT count(*)::int AS count FROM catapult_allocations');
  if (count === 0) {
    const centres = await dataSource.query<{ id: string; name: string }[]>('SELECT id, name FROM catapult_centres');
    const centreIds = (names: readonly string[]) => names.map((name) => centres.find((centre) => centre.name === name)?.id);
    // The 2018 allocation to two centres waits for them.
    if (SEED_ALLOCATIONS.every((allocation) => centreIds(allocation.centres).every((id) => id !== undefined))) {
      for (const { centres: to, ...allocation } of SEED_ALLOCATIONS) {
        await scheme.recordAllocation({ ...allocation, centreIds: centreIds(to) as string[] }, asSeed);
        added.push(`${allocation.year}: NOK ${allocation.amount} (${allocation.recipient})`);
      }
    }
  }
  return added;
}

/** Whether the clusters behind the centres have reached this service's directory. */
export async function catapultSeedReady(dataSource: DataSource): Promise<boolean> {
  const clusters = await clusterIdsByName(dataSource, clustersBehindCentres);
  return clustersBehindCentres.every((name) => clusters.has(name));
}

async function exists(dataSource: DataSource, table: 'catapult_centres' | 'catapult_nodes', name: string): Promise<boolean> {
  return (await dataSource.query<unknown[]>(`SELECT 1 FROM ${table} WHERE name = $1`, [name])).length > 0;
}
