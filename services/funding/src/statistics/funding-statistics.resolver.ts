import { Arg, Int, Query, Resolver } from 'type-graphql';
import type { FundingStatisticsQueries } from './funding-statistics.queries';
import { MAX_YEAR_SPAN, yearRange } from '@klynge/platform';
import {
  ApplicationFunnelType,
  ApplicationFunnelYearType,
  FundingBreakdownRowType,
  type FundingDimension,
  FundingDimensionEnum,
  FundingSeriesRowType,
} from './funding-statistics.types';

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

  @Query(() => [FundingSeriesRowType], {
    description:
      'Granted and paid per budget year and per agency, programme or county (by YEAR: per year alone), for charts: every year from fromYear to toYear (by default the first to the last year with grants), every key granted to in them, zero-filled; ordered by year, then key. Cancelled grants left out.',
  })
  fundingSeries(
    @Arg('by', () => FundingDimensionEnum, { description: 'What each year is split by.' }) by: FundingDimension,
    @Arg('fromYear', () => Int, { nullable: true, description: 'The first budget year (1800 to 2200; by default the first with grants).' })
    fromYear?: number,
    @Arg('toYear', () => Int, {
      nullable: true,
      description: `The last budget year (by default the last with grants); at most ${MAX_YEAR_SPAN} years after fromYear.`,
    })
    toYear?: number,
  ): Promise<FundingSeriesRowType[]> {
    const span = yearRange(fromYear, toYear);
    return this.queries.fundingSeries(by, span.fromYear, span.toYear);
  }

  @Query(() => [ApplicationFunnelYearType], {
    description:
      'The application funnel per year applications were submitted (Norwegian time), every year from fromYear to toYear (by default the first to the last with a submission), zero-filled.',
  })
  applicationFunnelByYear(
    @Arg('programmeCode', () => String, { nullable: true, description: "Only applications to this programme's calls." })
    programmeCode?: string,
    @Arg('fromYear', () => Int, { nullable: true, description: 'The first year (1800 to 2200; by default the first with a submission).' })
    fromYear?: number,
    @Arg('toYear', () => Int, {
      nullable: true,
      description: `The last year (by default the last with a submission); at most ${MAX_YEAR_SPAN} years after fromYear.`,
    })
    toYear?: number,
  ): Promise<ApplicationFunnelYearType[]> {
    const span = yearRange(fromYear, toYear);
    return this.queries.applicationFunnelByYear(programmeCode ?? undefined, span.fromYear, span.toYear);
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
