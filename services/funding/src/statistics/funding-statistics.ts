import { COUNTIES } from '@klynge/contracts';
import { Arg, Field, Float, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { MoneyType, nok } from '../money';

export const FundingDimensionEnum = { AGENCY: 'AGENCY', PROGRAMME: 'PROGRAMME', YEAR: 'YEAR', COUNTY: 'COUNTY' } as const;
type FundingDimension = keyof typeof FundingDimensionEnum;
registerEnumType(FundingDimensionEnum, { name: 'FundingDimension' });

@ObjectType('FundingBreakdownRow', { description: 'Granted and paid for one agency, programme, year or county.' })
export class FundingBreakdownRowType {
  @Field({ description: 'The agency or programme code, the year, or the county code' })
  key!: string;

  @Field()
  label!: string;

  @Field(() => Int)
  grants!: number;

  @Field(() => MoneyType)
  granted!: MoneyType;

  @Field(() => MoneyType)
  paid!: MoneyType;
}

@ObjectType('ApplicationFunnel', { description: 'Applied against awarded, and the success rate of decided applications.' })
export class ApplicationFunnelType {
  @Field(() => Int, { description: 'Applications that were submitted' })
  applied!: number;

  @Field(() => Int)
  granted!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => MoneyType, { description: 'Requested by the submitted applications' })
  requested!: MoneyType;

  @Field(() => MoneyType)
  awarded!: MoneyType;

  @Field(() => Float, { nullable: true, description: 'granted / (granted + rejected); null before any decision' })
  successRate!: number | null;
}

const DIMENSION_SQL: Record<FundingDimension, { key: string; label: string }> = {
  AGENCY: { key: 'p.agency_code', label: 'ag.name' },
  PROGRAMME: { key: 'g.programme_code', label: 'p.name' },
  YEAR: { key: 'g.budget_year::text', label: 'g.budget_year::text' },
  COUNTY: { key: "COALESCE(cd.county_code, od.county_code, 'unknown')", label: "COALESCE(cd.county_code, od.county_code, 'unknown')" },
};

/** Dashboard figures, computed by PostgreSQL. */
@Resolver()
export class FundingStatisticsResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => [FundingBreakdownRowType], { description: 'Granted and paid, by agency, programme, budget year or county.' })
  async fundingBreakdown(
    @Arg('by', () => FundingDimensionEnum) by: FundingDimension,
    @Arg('year', () => Int, { nullable: true }) year?: number,
  ): Promise<FundingBreakdownRowType[]> {
    const { key, label } = DIMENSION_SQL[by];
    const rows: { key: string; label: string; grants: number; granted: string; paid: string }[] = await this.dataSource.query(
      `SELECT ${key} AS key, min(${label}) AS label, count(*)::int AS grants, sum(g.amount_nok)::text AS granted,
              COALESCE(sum(paid.total), 0)::text AS paid
       FROM grants g
       JOIN funding_programmes p ON p.code = g.programme_code
       JOIN agencies ag ON ag.code = p.agency_code
       JOIN applications a ON a.id = g.application_id
       LEFT JOIN cluster_directory cd ON cd.cluster_id = a.cluster_id
       LEFT JOIN organization_directory od ON od.org_number = a.org_number
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

  @Query(() => ApplicationFunnelType)
  async applicationFunnel(
    @Arg('programmeCode', () => String, { nullable: true }) programmeCode?: string,
    @Arg('year', () => Int, { nullable: true, description: 'The year applications were submitted' }) year?: number,
  ): Promise<ApplicationFunnelType> {
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
