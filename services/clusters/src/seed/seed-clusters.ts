import { clusterFacts } from '@klynge/nic-facts';
import type { UnitOfWork } from '@klynge/platform';
import type { DataSource } from 'typeorm';
import { ClusterEntity } from '../clusters/cluster.entity';
import { ClusterService } from '../clusters/cluster.service';
import { reportedClusters } from '../clusters/reported-history';
import { slugify } from '../validation';

/**
 * Loads the demo clusters: every cluster of the sourced register (@klynge/nic-facts) that held a
 * level of the programme, with its level periods as the pages report them and each page kept
 * (reported-history.ts says how the register is read). Nothing else: no sectors, municipality,
 * manager or organisation numbers, which no page gives. Through the registry's use case, so the
 * events reach the other services. Idempotent: a cluster whose slug is registered already is
 * left as it is.
 */
export async function seedClusters(dataSource: DataSource, unitOfWork: UnitOfWork): Promise<string[]> {
  const clusters = new ClusterService(unitOfWork);
  const added: string[] = [];
  for (const reported of reportedClusters(clusterFacts())) {
    if (await dataSource.getRepository(ClusterEntity).existsBy({ slug: slugify(reported.name) })) continue;
    await clusters.registerReported(reported);
    added.push(reported.name);
  }
  return added;
}
