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

  @Field(() => Int, { description: 'Clusters whose level today is not known (their last level ended, e.g. NCE after 2018).' })
  levelUnknown!: number;

  @Field(() => [LevelCountType], { description: 'Per level held today, by level; levels no cluster holds are left out.' })
  byLevel!: LevelCountType[];

  @Field(() => [CountyCountType], { description: 'Per county, by county code; counties with no cluster are left out.' })
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

  @Field(() => Int, { description: 'How many clusters held it on 31 December of the year (today, for this year); zero when none did.' })
  clusters!: number;
}
