import { COUNTIES, type ClusterLevel } from '@klynge/contracts';
import type { DataSource } from 'typeorm';
import { CURRENT_LEVEL_SQL } from '../clusters/cluster.queries';
import type { ClusterCountsType } from './cluster-counts.types';

/** Dashboard counts, computed by PostgreSQL in one grouped query. */
export class ClusterCountsQueries {
  constructor(private readonly dataSource: DataSource) {}

  async counts(): Promise<ClusterCountsType> {
    const rows: { level: ClusterLevel | null; county_code: string | null; by_level: boolean; by_county: boolean; clusters: number }[] =
      await this.dataSource.query(
        `SELECT level, county_code, GROUPING(level) = 0 AS by_level, GROUPING(county_code) = 0 AS by_county, count(*)::int AS clusters
         FROM (SELECT ${CURRENT_LEVEL_SQL} AS level, c.county_code FROM clusters c) AS today
         GROUP BY GROUPING SETS ((), (level), (county_code), (level, county_code))
         ORDER BY level NULLS FIRST, county_code NULLS FIRST`,
      );
    const county = (code: string) => ({ code, name: COUNTIES[code] ?? code });
    // GROUPING tells a level not known today (null) from the rows that add up every level.
    return {
      total: rows.find((row) => !row.by_level && !row.by_county)?.clusters ?? 0,
      levelUnknown: rows.find((row) => row.by_level && !row.by_county && row.level === null)?.clusters ?? 0,
      byLevel: rows
        .filter((row) => row.by_level && !row.by_county && row.level !== null)
        .map((row) => ({ level: row.level!, clusters: row.clusters })),
      byCounty: rows
        .filter((row) => !row.by_level && row.by_county)
        .map((row) => ({ county: county(row.county_code!), clusters: row.clusters })),
      byLevelAndCounty: rows
        .filter((row) => row.by_level && row.by_county && row.level !== null)
        .map((row) => ({ level: row.level!, county: county(row.county_code!), clusters: row.clusters })),
    };
  }
}
