import { Arg, Int, Query, Resolver } from 'type-graphql';
import type { FundingStatisticsQueries } from './funding-statistics.queries';
import { ApplicationFunnelType, FundingBreakdownRowType, type FundingDimension, FundingDimensionEnum } from './funding-statistics.types';

@Resolver()
export class FundingStatisticsResolver {
  constructor(private readonly queries: FundingStatisticsQueries) {}

  @Query(() => [FundingBreakdownRowType], {
    description: 'Granted and paid, by agency, programme, budget year or county, ordered by key; cancelled grants left out.',
  })
  fundingBreakdown(
    @Arg('by', () => FundingDimensionEnum, { description: 'What to break it down by.' }) by: FundingDimension,
    @Arg('year', () => Int, { nullable: true, description: 'Only grants charged to this budget year.' }) year?: number,
  ): Promise<FundingBreakdownRowType[]> {
    return this.queries.fundingBreakdown(by, year ?? undefined);
  }

  @Query(() => ApplicationFunnelType, { description: 'How many applications were submitted, granted and rejected, and for how much.' })
  applicationFunnel(
    @Arg('programmeCode', () => String, { nullable: true, description: "Only applications to this programme's calls." })
    programmeCode?: string,
    @Arg('year', () => Int, { nullable: true, description: 'The year applications were submitted (Norwegian time).' }) year?: number,
  ): Promise<ApplicationFunnelType> {
    return this.queries.applicationFunnel(programmeCode ?? undefined, year ?? undefined);
  }
}
