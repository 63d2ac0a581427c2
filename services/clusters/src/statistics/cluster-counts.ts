import { COUNTIES, type ClusterLevel } from '@klynge/contracts';
import type { DataSource } from 'typeorm';
import { Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
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

  @Field(() => [LevelCountType])
  byLevel!: LevelCountType[];

  @Field(() => [CountyCountType])
  byCounty!: CountyCountType[];

  @Field(() => [LevelCountyCountType])
  byLevelAndCounty!: LevelCountyCountType[];
}

/** Dashboard counts, computed by PostgreSQL in one grouped query. */
@Resolver()
export class ClusterCountsResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => ClusterCountsType)
  async clusterCounts(): Promise<ClusterCountsType> {
    const rows: { level: ClusterLevel | null; county_code: string | null; clusters: number }[] = await this.dataSource.query(
      `SELECT level, county_code, count(*)::int AS clusters FROM clusters
       GROUP BY GROUPING SETS ((), (level), (county_code), (level, county_code))
       ORDER BY level NULLS FIRST, county_code NULLS FIRST`,
    );
    const county = (code: string) => ({ code, name: COUNTIES[code] ?? code });
    return {
      total: rows.find((row) => row.level === null && row.county_code === null)?.clusters ?? 0,
      byLevel: rows.filter((row) => row.level !== null && row.county_code === null).map((row) => ({ level: row.level!, clusters: row.clusters })),
      byCounty: rows
        .filter((row) => row.level === null && row.county_code !== null)
        .map((row) => ({ county: county(row.county_code!), clusters: row.clusters })),
      byLevelAndCounty: rows
        .filter((row) => row.level !== null && row.county_code !== null)
        .map((row) => ({ level: row.level!, county: county(row.county_code!), clusters: row.clusters })),
    };
  }
}
