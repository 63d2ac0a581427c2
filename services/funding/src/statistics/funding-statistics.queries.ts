import { nok } from '@klynge/platform';
import { COUNTIES } from '@klynge/contracts';
import type { DataSource } from 'typeorm';
import type {
  ApplicationFunnelType,
  ApplicationFunnelYearType,
  FundingBreakdownRowType,
  FundingDimension,
  FundingSeriesRowType,
} from './funding-statistics.types';

const DIMENSION_SQL: Record<FundingDimension, { key: string; label: string }> = {
  AGENCY: { key: 'p.agency_code', label: 'ag.name' },
  PROGRAMME: { key: 'g.programme_code', label: 'p.name' },
  YEAR: { key: 'g.budget_year::text', label: 'g.budget_year::text' },
  COUNTY: { key: "COALESCE(rc.county_code, 'unknown')", label: "COALESCE(rc.county_code, 'unknown')" },
};

// A grant's county: its recipients' one county, or unknown (recipients unknown or in several
// counties), so that a consortium's grant counts once.
const RECIPIENTS_COUNTY = `LEFT JOIN LATERAL (
         SELECT CASE WHEN count(*) = count(COALESCE(cd.county_code, od.county_code))
                      AND count(DISTINCT COALESCE(cd.county_code, od.county_code)) = 1
                     THEN min(COALESCE(cd.county_code, od.county_code)) END AS county_code
         FROM grant_recipients r
         LEFT JOIN cluster_directory cd ON cd.cluster_id = r.cluster_id
         LEFT JOIN organization_directory od ON od.org_number = r.org_number
         WHERE r.grant_id = g.id
       ) rc ON true`;

/**
 * Grants (g) with their programme (p), agency (ag) and what has been paid on them (paid.total),
 * and by COUNTY their recipients' one county (rc): worked out only when it is asked for, as it
 * looks at every recipient of every grant.
 */
const grantsFor = (by: FundingDimension) => `FROM grants g
       JOIN funding_programmes p ON p.code = g.programme_code
       JOIN agencies ag ON ag.code = p.agency_code
       ${by === 'COUNTY' ? RECIPIENTS_COUNTY : ''}
       LEFT JOIN LATERAL (SELECT sum(amount_nok) AS total FROM disbursements d WHERE d.grant_id = g.id) paid ON true`;

/** Dashboard figures, computed by PostgreSQL. */
export class FundingStatisticsQueries {
  constructor(private readonly dataSource: DataSource) {}

  async fundingBreakdown(by: FundingDimension, year: number | undefined): Promise<FundingBreakdownRowType[]> {
    const { key, label } = DIMENSION_SQL[by];
    const rows: { key: string; label: string; grants: number; granted: string; paid: string }[] = await this.dataSource.query(
      `SELECT ${key} AS key, min(${label}) AS label, count(*)::int AS grants, sum(g.amount_nok)::text AS granted,
              COALESCE(sum(paid.total), 0)::text AS paid
       ${grantsFor(by)}
       WHERE g.status <> 'CANCELLED' AND ($1::int IS NULL OR g.budget_year = $1)
       GROUP BY ${key} ORDER BY ${key}`,
      [year ?? null],
    );
    return rows.map((row) => ({
      key: row.key,
      label: by === 'COUNTY' ? (COUNTIES[row.key] ?? 'Unknown county') : row.label,
      grants: row.grants,
      granted: nok(row.granted),
      paid: nok(row.paid),
    }));
  }

  /**
   * Per budget year and per agency, programme or county: every year of the span (the asked one, or
   * the grants' first to last), every key granted to in it, zero where a key had nothing that year.
   */
  async fundingSeries(by: FundingDimension, fromYear: number | null, toYear: number | null): Promise<FundingSeriesRowType[]> {
    // By YEAR the series has one key, the year itself (named on the way out).
    const { key, label } = by === 'YEAR' ? { key: "('year'::text)", label: "('year'::text)" } : DIMENSION_SQL[by];
    const rows: { year: number; key: string; label: string; grants: number; granted: string; paid: string }[] = await this.dataSource.query(
      `WITH per_year AS (
         SELECT g.budget_year AS year, ${key} AS key, min(${label}) AS label, count(*)::int AS grants,
                sum(g.amount_nok) AS granted, COALESCE(sum(paid.total), 0) AS paid
         ${grantsFor(by)}
         WHERE g.status <> 'CANCELLED'
         GROUP BY g.budget_year, ${key}
       ),
       span AS (SELECT COALESCE($1::int, min(year)) AS first, COALESCE($2::int, max(year)) AS last FROM per_year),
       keys AS (SELECT key, min(label) AS label FROM per_year, span WHERE year BETWEEN span.first AND span.last GROUP BY key)
       SELECT y.year, k.key, k.label, COALESCE(p.grants, 0) AS grants,
              COALESCE(p.granted, 0)::text AS granted, COALESCE(p.paid, 0)::text AS paid
       FROM span, generate_series(span.first, span.last) AS y(year)
       CROSS JOIN keys k
       LEFT JOIN per_year p ON p.year = y.year AND p.key = k.key
       ORDER BY y.year, k.key`,
      [fromYear, toYear],
    );
    return rows.map((row) => ({
      year: row.year,
      key: by === 'YEAR' ? String(row.year) : row.key,
      label: by === 'YEAR' ? String(row.year) : by === 'COUNTY' ? (COUNTIES[row.key] ?? 'Unknown county') : row.label,
      grants: row.grants,
      granted: nok(row.granted),
      paid: nok(row.paid),
    }));
  }

  /** The funnel per year applications were submitted, every year of the span, zero where none were. */
  async applicationFunnelByYear(
    programmeCode: string | undefined,
    fromYear: number | null,
    toYear: number | null,
  ): Promise<ApplicationFunnelYearType[]> {
    const rows: { year: number; applied: number; granted: number; rejected: number; requested: string; awarded: string }[] =
      await this.dataSource.query(
        `WITH submitted AS (
           SELECT a.id, a.status, a.requested_nok, extract(year FROM s.at AT TIME ZONE 'Europe/Oslo')::int AS year
           FROM applications a
           JOIN calls c ON c.id = a.call_id
           JOIN LATERAL (SELECT min(at) AS at FROM application_steps st WHERE st.application_id = a.id AND st.status = 'SUBMITTED') s ON true
           WHERE s.at IS NOT NULL AND ($1::text IS NULL OR c.programme_code = $1)
         ),
         span AS (SELECT COALESCE($2::int, min(year)) AS first, COALESCE($3::int, max(year)) AS last FROM submitted)
         SELECT y.year, count(sub.id)::int AS applied,
                count(sub.id) FILTER (WHERE sub.status = 'GRANTED')::int AS granted,
                count(sub.id) FILTER (WHERE sub.status = 'REJECTED')::int AS rejected,
                COALESCE(sum(sub.requested_nok), 0)::text AS requested,
                COALESCE(sum(g.amount_nok), 0)::text AS awarded
         FROM span, generate_series(span.first, span.last) AS y(year)
         LEFT JOIN submitted sub ON sub.year = y.year
         LEFT JOIN grants g ON g.application_id = sub.id AND g.status <> 'CANCELLED'
         GROUP BY y.year ORDER BY y.year`,
        [programmeCode ?? null, fromYear, toYear],
      );
    return rows.map((row) => ({ year: row.year, ...funnelOf(row) }));
  }

  async applicationFunnel(programmeCode: string | undefined, year: number | undefined): Promise<ApplicationFunnelType> {
    const [row] = await this.dataSource.query<{ applied: number; granted: number; rejected: number; requested: string; awarded: string }[]>(
      `SELECT count(*)::int AS applied,
              count(*) FILTER (WHERE a.status = 'GRANTED')::int AS granted,
              count(*) FILTER (WHERE a.status = 'REJECTED')::int AS rejected,
              COALESCE(sum(a.requested_nok), 0)::text AS requested,
              COALESCE(sum(g.amount_nok), 0)::text AS awarded
       FROM applications a
       JOIN calls c ON c.id = a.call_id
       JOIN LATERAL (SELECT min(at) AS at FROM application_steps s WHERE s.application_id = a.id AND s.status = 'SUBMITTED') submitted ON true
       LEFT JOIN grants g ON g.application_id = a.id AND g.status <> 'CANCELLED'
       WHERE submitted.at IS NOT NULL AND ($1::text IS NULL OR c.programme_code = $1)
         AND ($2::int IS NULL OR extract(year FROM submitted.at AT TIME ZONE 'Europe/Oslo') = $2)`,
      [programmeCode ?? null, year ?? null],
    );
    return funnelOf(row!);
  }
}

/** A funnel's figures from its counts and sums. */
function funnelOf(row: { applied: number; granted: number; rejected: number; requested: string; awarded: string }): ApplicationFunnelType {
  const decided = row.granted + row.rejected;
  return {
    applied: row.applied,
    granted: row.granted,
    rejected: row.rejected,
    requested: nok(row.requested),
    awarded: nok(row.awarded),
    successRate: decided === 0 ? null : row.granted / decided,
  };
}
