import { nok } from '@klynge/platform';
import { COUNTIES } from '@klynge/contracts';
import type { DataSource } from 'typeorm';
import type { ApplicationFunnelType, FundingBreakdownRowType, FundingDimension } from './funding-statistics.types';

const DIMENSION_SQL: Record<FundingDimension, { key: string; label: string }> = {
  AGENCY: { key: 'p.agency_code', label: 'ag.name' },
  PROGRAMME: { key: 'g.programme_code', label: 'p.name' },
  YEAR: { key: 'g.budget_year::text', label: 'g.budget_year::text' },
  COUNTY: { key: "COALESCE(rc.county_code, 'unknown')", label: "COALESCE(rc.county_code, 'unknown')" },
};

/** Dashboard figures, computed by PostgreSQL. */
export class FundingStatisticsQueries {
  constructor(private readonly dataSource: DataSource) {}

  async fundingBreakdown(by: FundingDimension, year: number | undefined): Promise<FundingBreakdownRowType[]> {
    const { key, label } = DIMENSION_SQL[by];
    const rows: { key: string; label: string; grants: number; granted: string; paid: string }[] = await this.dataSource.query(
      `SELECT ${key} AS key, min(${label}) AS label, count(*)::int AS grants, sum(g.amount_nok)::text AS granted,
              COALESCE(sum(paid.total), 0)::text AS paid
       FROM grants g
       JOIN funding_programmes p ON p.code = g.programme_code
       JOIN agencies ag ON ag.code = p.agency_code
       -- A grant's county: its recipients' one county, or unknown (recipients unknown or in several counties),
       -- so that a consortium's grant counts once.
       LEFT JOIN LATERAL (
         SELECT CASE WHEN count(*) = count(COALESCE(cd.county_code, od.county_code))
                      AND count(DISTINCT COALESCE(cd.county_code, od.county_code)) = 1
                     THEN min(COALESCE(cd.county_code, od.county_code)) END AS county_code
         FROM grant_recipients r
         LEFT JOIN cluster_directory cd ON cd.cluster_id = r.cluster_id
         LEFT JOIN organization_directory od ON od.org_number = r.org_number
         WHERE r.grant_id = g.id
       ) rc ON true
       LEFT JOIN LATERAL (SELECT sum(amount_nok) AS total FROM disbursements d WHERE d.grant_id = g.id) paid ON true
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
    const decided = row!.granted + row!.rejected;
    return {
      applied: row!.applied,
      granted: row!.granted,
      rejected: row!.rejected,
      requested: nok(row!.requested),
      awarded: nok(row!.awarded),
      successRate: decided === 0 ? null : row!.granted / decided,
    };
  }
}
