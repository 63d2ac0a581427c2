import { CLUSTER_LEVELS, COUNTIES, type ClusterLevel } from '@klynge/contracts';
import type { DataSource } from 'typeorm';
import { CURRENT_LEVEL_SQL } from '../clusters/cluster.queries';
import type { ClusterCountsType, LevelYearCountType } from './cluster-counts.types';

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
    const [{ undated }] = await this.dataSource.query<[{ undated: number }]>(
      `SELECT count(DISTINCT cluster_id)::int AS undated FROM cluster_level_periods WHERE valid_from IS NULL`,
    );
    // GROUPING tells a level not known today (null) from the rows that add up every level.
    return {
      total: rows.find((row) => !row.by_level && !row.by_county)?.clusters ?? 0,
      levelUnknown: rows.find((row) => row.by_level && !row.by_county && row.level === null)?.clusters ?? 0,
      countyUnknown: rows.find((row) => !row.by_level && row.by_county && row.county_code === null)?.clusters ?? 0,
      undatedLevels: undated,
      byLevel: rows
        .filter((row) => row.by_level && !row.by_county && row.level !== null)
        .map((row) => ({ level: row.level!, clusters: row.clusters })),
      byCounty: rows
        .filter((row) => !row.by_level && row.by_county && row.county_code !== null)
        .map((row) => ({ county: county(row.county_code!), clusters: row.clusters })),
      byLevelAndCounty: rows
        .filter((row) => row.by_level && row.by_county && row.level !== null && row.county_code !== null)
        .map((row) => ({ level: row.level!, county: county(row.county_code!), clusters: row.clusters })),
    };
  }

  /**
   * Clusters per level at the end of each year (today, for this year), from the level histories:
   * every year from `fromYear` (by default the first a level was held) to `toYear` (by default
   * this year), every level, zero where none held it. A period's end is the first day it no longer holds.
   */
  async levelsByYear(fromYear: number | null, toYear: number | null): Promise<LevelYearCountType[]> {
    return this.dataSource.query(
      `WITH span AS (
         SELECT COALESCE($1::int, min(extract(year FROM valid_from))::int) AS first,
                COALESCE($2::int, extract(year FROM current_date)::int) AS last
         FROM cluster_level_periods
       )
       SELECT y.year, l.level, count(p.cluster_id)::int AS clusters
       FROM span, generate_series(span.first, span.last) AS y(year)
       CROSS JOIN unnest($3::text[]) WITH ORDINALITY AS l(level, position)
       LEFT JOIN cluster_level_periods p
         ON p.level = l.level
        AND p.valid_from <= least(make_date(y.year, 12, 31), current_date)
        AND (p.valid_to IS NULL OR p.valid_to > least(make_date(y.year, 12, 31), current_date))
       GROUP BY y.year, l.level, l.position
       ORDER BY y.year, l.position`,
      [fromYear, toYear, CLUSTER_LEVELS],
    );
  }
}
