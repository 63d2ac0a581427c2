import { Query, Resolver } from 'type-graphql';
import type { ClusterCountsQueries } from './cluster-counts.queries';
import { ClusterCountsType } from './cluster-counts.types';

@Resolver()
export class ClusterCountsResolver {
  constructor(private readonly queries: ClusterCountsQueries) {}

  @Query(() => ClusterCountsType)
  clusterCounts(): Promise<ClusterCountsType> {
    return this.queries.counts();
  }
}
