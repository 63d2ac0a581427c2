import { GrantAwarded } from '@klynge/contracts';
import { eventConsumer } from '@klynge/platform';
import type { ClusterService } from '../clusters/cluster.service';

/**
 * The funding service's grants: a cluster-programme grant gives its cluster the granted level,
 * from the grant's start, for the grant's period. The platform records each event as consumed
 * in the same transaction, so a second delivery changes nothing.
 */
export function programmeGrantsConsumer(clusters: ClusterService) {
  return eventConsumer('programme-grants').on(GrantAwarded, async (event, transaction) => {
    await clusters.recordProgrammeGrant(transaction, event.data);
  });
}
