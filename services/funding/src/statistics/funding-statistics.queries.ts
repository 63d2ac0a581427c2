import { nok, osloYear } from '@klynge/platform';
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

/**
 * SQL: grant `g`'s payments are recorded in Klynge (`paid` from grantsFor): a grant awarded here
 * is paid here, so nothing paid is a zero; a grant reported from a public source is not, until a
 * payment is recorded on it.
 */
const PAYMENTS_RECORDED = '(g.application_id IS NOT NULL OR paid.total IS NOT NULL)';

/** Dashboard figures, computed by PostgreSQL. */
export class FundingStatisticsQueries {
  constructor(private readonly dataSource: DataSource) {}

  async fundingBreakdown(by: FundingDimension, year: number | undefined): Promise<FundingBreakdownRowType[]> {
    const { key, label } = DIMENSION_SQL[by];
    const rows: { key: string; label: string; grants: number; granted: string; payments_recorded: number; paid: string | null }[] =
      await this.dataSource.query(
        `SELECT ${key} AS key, min(${label}) AS label, count(*)::int AS grants, sum(g.amount_nok)::text AS granted,
              count(*) FILTER (WHERE ${PAYMENTS_RECORDED})::int AS payments_recorded,
              (sum(COALESCE(paid.total, 0)) FILTER (WHERE ${PAYMENTS_RECORDED}))::text AS paid
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
      paymentsRecorded: row.payments_recorded,
      paid: row.paid === null ? null : nok(row.paid),
    }));
  }

  /**
   * Per budget year and per agency, programme or county: every year of the span (the asked one, or
   * the grants' first to last), every key granted to in it; where a key has no grant recorded in a
   * year, granted and paid are null (Klynge does not hold every grant: nothing recorded is not
   * nothing granted).
   */
  async fundingSeries(by: FundingDimension, fromYear: number | null, toYear: number | null): Promise<FundingSeriesRowType[]> {
    // By YEAR the series has one key, the year itself (named on the way out).
    const { key, label } = by === 'YEAR' ? { key: "('year'::text)", label: "('year'::text)" } : DIMENSION_SQL[by];
    const rows: {
      year: number;
      key: string;
      label: string;
      grants: number;
      granted: string | null;
      payments_recorded: number;
      paid: string | null;
    }[] = await this.dataSource.query(
      `WITH per_year AS (
         SELECT g.budget_year AS year, ${key} AS key, min(${label}) AS label, count(*)::int AS grants,
                sum(g.amount_nok) AS granted, count(*) FILTER (WHERE ${PAYMENTS_RECORDED})::int AS payments_recorded,
                sum(COALESCE(paid.total, 0)) FILTER (WHERE ${PAYMENTS_RECORDED}) AS paid
         ${grantsFor(by)}
         WHERE g.status <> 'CANCELLED'
         GROUP BY g.budget_year, ${key}
       ),
       span AS (SELECT COALESCE($1::int, min(year)) AS first, COALESCE($2::int, max(year)) AS last FROM per_year),
       keys AS (SELECT key, min(label) AS label FROM per_year, span WHERE year BETWEEN span.first AND span.last GROUP BY key)
       SELECT y.year, k.key, k.label, COALESCE(p.grants, 0) AS grants, p.granted::text AS granted,
              COALESCE(p.payments_recorded, 0) AS payments_recorded, p.paid::text AS paid
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
      granted: row.granted === null ? null : nok(row.granted),
      paymentsRecorded: row.payments_recorded,
      paid: row.paid === null ? null : nok(row.paid),
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
           SELECT a.id, a.status, a.requested_nok, ${osloYear('s.at')}::int AS year
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
    // Without a call, applications are not recorded here: no year of theirs is known either.
    if (!(await this.callsRecorded(programmeCode))) return [];
    return rows.map((row) => ({ year: row.year, ...funnelOf(row, true) }));
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
         AND ($2::int IS NULL OR ${osloYear('submitted.at')} = $2)`,
      [programmeCode ?? null, year ?? null],
    );
    return funnelOf(row!, await this.callsRecorded(programmeCode));
  }

  /** Whether Klynge holds a call of the programme (of any programme when none is named): where applications come in. */
  private async callsRecorded(programmeCode: string | undefined): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM calls WHERE $1::text IS NULL OR programme_code = $1 LIMIT 1', [
      programmeCode ?? null,
    ]);
    return rows.length > 0;
  }
}

/** A funnel's figures from its counts and sums; every one null when the applications are not recorded. */
function funnelOf(
  row: { applied: number; granted: number; rejected: number; requested: string; awarded: string },
  recorded: boolean,
): ApplicationFunnelType {
  if (!recorded) return { recorded, applied: null, granted: null, rejected: null, requested: null, awarded: null, successRate: null };
  const decided = row.granted + row.rejected;
  return {
    recorded,
    applied: row.applied,
    granted: row.granted,
    rejected: row.rejected,
    requested: nok(row.requested),
    awarded: nok(row.awarded),
    successRate: decided === 0 ? null : row.granted / decided,
  };
}
