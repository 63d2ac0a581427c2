import { MAX_YEAR_SPAN, yearRange } from '@klynge/platform';
import { Arg, Int, Query, Resolver } from 'type-graphql';
import type { ClusterCountsQueries } from './cluster-counts.queries';
import { ClusterCountsType, LevelYearCountType } from './cluster-counts.types';

@Resolver()
export class ClusterCountsResolver {
  constructor(private readonly queries: ClusterCountsQueries) {}

  @Query(() => ClusterCountsType, { description: 'How many clusters there are: in all, per level held today and per county.' })
  clusterCounts(): Promise<ClusterCountsType> {
    return this.queries.counts();
  }

  @Query(() => [LevelYearCountType], {
    description:
      'Clusters per level over time, from the level histories: for every year from fromYear to toYear and every level, how many clusters held it at the end of the year (today, for this year), zero-filled; ordered by year, then level.',
  })
  clusterLevelsByYear(
    @Arg('fromYear', () => Int, { nullable: true, description: 'The first year (1800 to 2200; by default the first a level was held).' })
    fromYear?: number,
    @Arg('toYear', () => Int, {
      nullable: true,
      description: `The last year (by default this year); at most ${MAX_YEAR_SPAN} years after fromYear.`,
    })
    toYear?: number,
  ): Promise<LevelYearCountType[]> {
    const span = yearRange(fromYear, toYear);
    return this.queries.levelsByYear(span.fromYear, span.toYear);
  }
}
