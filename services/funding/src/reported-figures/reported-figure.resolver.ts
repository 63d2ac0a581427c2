import { year as yearInput } from '@klynge/platform';
import { Arg, Int, Query, Resolver } from 'type-graphql';
import type { ProgrammeFactKind } from './reported-figure.kinds';
import type { ReportedFigureQueries } from './reported-figure.queries';
import { ProgrammeFactKindEnum, ProgrammeFactType } from './reported-figure.types';

@Resolver(() => ProgrammeFactType)
export class ReportedFigureResolver {
  constructor(private readonly queries: ReportedFigureQueries) {}

  @Query(() => [ProgrammeFactType], {
    description:
      "The programme's figures as public pages report them, each with its page, by year (undated ones last): to set beside what the graph counts (e.g. 39 clusters reported for 2015).",
  })
  programmeFacts(
    @Arg('year', () => Int, { nullable: true, description: 'Only the figures about this year.' }) year: number | null,
    @Arg('kind', () => ProgrammeFactKindEnum, { nullable: true, description: 'Only figures of this kind.' }) kind: ProgrammeFactKind | null,
  ): Promise<ProgrammeFactType[]> {
    return this.queries.list(yearInput('year', year ?? undefined), kind ?? null);
  }
}
