import type { ClusterLevel } from '@klynge/contracts';
import { Field, Int, ObjectType } from 'type-graphql';
import { ClusterLevelEnum, CountyType } from '../clusters/cluster.types';

@ObjectType('LevelCount')
export class LevelCountType {
  @Field(() => ClusterLevelEnum)
  level!: ClusterLevel;

  @Field(() => Int)
  clusters!: number;
}

@ObjectType('CountyCount')
export class CountyCountType {
  @Field(() => CountyType)
  county!: CountyType;

  @Field(() => Int)
  clusters!: number;
}

@ObjectType('LevelCountyCount')
export class LevelCountyCountType {
  @Field(() => ClusterLevelEnum)
  level!: ClusterLevel;

  @Field(() => CountyType)
  county!: CountyType;

  @Field(() => Int)
  clusters!: number;
}

@ObjectType('ClusterCounts', { description: 'How many clusters hold each level today, by county.' })
export class ClusterCountsType {
  @Field(() => Int)
  total!: number;

  @Field(() => Int, { description: 'Clusters whose level today is not known (their last level ended, e.g. NCE after 2018).' })
  levelUnknown!: number;

  @Field(() => [LevelCountType])
  byLevel!: LevelCountType[];

  @Field(() => [CountyCountType])
  byCounty!: CountyCountType[];

  @Field(() => [LevelCountyCountType])
  byLevelAndCounty!: LevelCountyCountType[];
}
