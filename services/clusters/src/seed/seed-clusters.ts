import type { UnitOfWork } from '@klynge/platform';
import type { DataSource } from 'typeorm';
import { ClusterEntity } from '../clusters/cluster.entity';
import { ClusterService } from '../clusters/cluster.service';
import { slugify } from '../validation';
import { SEED_CLUSTERS } from './seed-data';

const NCE_ENDED = '2019-01-01';
const NCE_ENDED_REASON =
  'NCE stopped being a level with the cluster programmes that started on 1 January 2019; the level after is not in the sources';

/**
 * Loads the demo clusters through the same use cases as the API, so their events reach the other
 * services. Idempotent: a cluster whose slug is registered already is left as it is.
 */
export async function seedClusters(dataSource: DataSource, unitOfWork: UnitOfWork): Promise<string[]> {
  const clusters = new ClusterService(unitOfWork);
  const added: string[] = [];
  for (const seed of SEED_CLUSTERS) {
    if (await dataSource.getRepository(ClusterEntity).existsBy({ slug: slugify(seed.name) })) continue;
    const [first, ...later] = seed.levels;
    const cluster = await clusters.register(
      {
        name: seed.name,
        level: first!.level,
        levelSince: `${first!.year}-01-01`,
        levelReason: first!.reason,
        countyCode: seed.countyCode,
        ...(seed.town ? { town: seed.town } : {}),
        ...(seed.description ? { description: seed.description } : {}),
      },
      { levelSincePrecision: 'YEAR' },
    );
    for (const change of later) {
      await clusters.changeLevel(
        cluster.id,
        { level: change.level, effectiveFrom: `${change.year}-01-01`, reason: change.reason },
        { precision: 'YEAR' },
      );
    }
    // NCE stopped being a level when the new cluster programmes started on 1 January 2019
    // (seed 004): an NCE period ends there, and what came next is not in the sources.
    if (seed.levels.at(-1)!.level === 'NCE') {
      await clusters.endLevel(cluster.id, { effectiveFrom: NCE_ENDED, reason: NCE_ENDED_REASON });
    }
    added.push(seed.name);
  }
  return added;
}
