import { Arg, Int, Query, Resolver } from 'type-graphql';
import type { FundingStatisticsQueries } from './funding-statistics.queries';
import { ApplicationFunnelType, FundingBreakdownRowType, type FundingDimension, FundingDimensionEnum } from './funding-statistics.types';

@Resolver()
export class FundingStatisticsResolver {
  constructor(private readonly queries: FundingStatisticsQueries) {}

  @Query(() => [FundingBreakdownRowType], { description: 'Granted and paid, by agency, programme, budget year or county.' })
  fundingBreakdown(
    @Arg('by', () => FundingDimensionEnum) by: FundingDimension,
    @Arg('year', () => Int, { nullable: true }) year?: number,
  ): Promise<FundingBreakdownRowType[]> {
    return this.queries.fundingBreakdown(by, year ?? undefined);
  }

  @Query(() => ApplicationFunnelType)
  applicationFunnel(
    @Arg('programmeCode', () => String, { nullable: true }) programmeCode?: string,
    @Arg('year', () => Int, { nullable: true, description: 'The year applications were submitted' }) year?: number,
  ): Promise<ApplicationFunnelType> {
    return this.queries.applicationFunnel(programmeCode ?? undefined, year ?? undefined);
  }
}
