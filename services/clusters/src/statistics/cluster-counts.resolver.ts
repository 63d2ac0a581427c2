import { Query, Resolver } from 'type-graphql';
import type { ClusterCountsQueries } from './cluster-counts.queries';
import { ClusterCountsType } from './cluster-counts.types';

@Resolver()
export class ClusterCountsResolver {
  constructor(private readonly queries: ClusterCountsQueries) {}

  @Query(() => ClusterCountsType, { description: 'How many clusters there are: in all, per level held today and per county.' })
  clusterCounts(): Promise<ClusterCountsType> {
    return this.queries.counts();
  }
}
