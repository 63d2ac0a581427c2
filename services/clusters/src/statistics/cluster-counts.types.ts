import type { ClusterLevel } from '@klynge/contracts';
import { Field, Int, ObjectType } from 'type-graphql';
import { ClusterLevelEnum, CountyType } from '../clusters/cluster.types';

@ObjectType('LevelCount', { description: 'How many clusters hold one level today.' })
export class LevelCountType {
  @Field(() => ClusterLevelEnum, { description: 'The level.' })
  level!: ClusterLevel;

  @Field(() => Int, { description: 'How many clusters hold it today.' })
  clusters!: number;
}

@ObjectType('CountyCount', { description: 'How many clusters have their home in one county.' })
export class CountyCountType {
  @Field(() => CountyType, { description: 'The county.' })
  county!: CountyType;

  @Field(() => Int, { description: 'How many clusters have their home there, whatever their level.' })
  clusters!: number;
}

@ObjectType('LevelCountyCount', { description: 'How many clusters in one county hold one level today.' })
export class LevelCountyCountType {
  @Field(() => ClusterLevelEnum, { description: 'The level.' })
  level!: ClusterLevel;

  @Field(() => CountyType, { description: 'The county.' })
  county!: CountyType;

  @Field(() => Int, { description: 'How many clusters in the county hold the level today.' })
  clusters!: number;
}

@ObjectType('ClusterCounts', { description: 'How many clusters hold each level today, by county.' })
export class ClusterCountsType {
  @Field(() => Int, { description: 'Every cluster in the registry.' })
  total!: number;

  @Field(() => Int, {
    description:
      'Clusters whose level today is not known: no record or source covers today (their last level ended, e.g. NCE after 2018, or only a term or a rule ends it).',
  })
  levelUnknown!: number;

  @Field(() => Int, { description: 'Clusters whose county is not known: their sources name none, or several. Not in byCounty.' })
  countyUnknown!: number;

  @Field(() => Int, {
    description: 'Clusters with a level period no source gives the start year of: those periods are not counted in clusterLevelsByYear.',
  })
  undatedLevels!: number;

  @Field(() => [LevelCountType], { description: 'Per level held today, by level; levels no cluster holds are left out.' })
  byLevel!: LevelCountType[];

  @Field(() => [CountyCountType], {
    description: 'Per county, by county code; counties with no cluster, and clusters whose county is not known, are left out.',
  })
  byCounty!: CountyCountType[];

  @Field(() => [LevelCountyCountType], {
    description:
      'Per level held today and county, by level then county code; clusters whose level is not known and empty pairs are left out.',
  })
  byLevelAndCounty!: LevelCountyCountType[];
}

@ObjectType('LevelYearCount', {
  description: 'How many clusters held one level at the end of one year (today, for this year): a point of the levels-over-time series.',
})
export class LevelYearCountType {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => ClusterLevelEnum, { description: 'The level.' })
  level!: ClusterLevel;

  @Field(() => Int, {
    description:
      'How many clusters held it on 31 December of the year (today, for this year), by their recorded and reported periods (a reported end may be a term or a rule: see ClusterLevelPeriod.endedBy); zero when none did. Periods no source dates are not counted (ClusterCounts.undatedLevels).',
  })
  clusters!: number;
}
