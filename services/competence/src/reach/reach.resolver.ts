import { Arg, ID, Query, Resolver } from 'type-graphql';
import type { ReachQueries } from './reach.queries';
import { CountyReachType, ThemeCompletionsType } from './reach.types';

@Resolver()
export class ReachResolver {
  constructor(private readonly queries: ReachQueries) {}

  @Query(() => [CountyReachType], { description: 'Companies reached (not dropped) by county, for one programme or all.' })
  reachByCounty(
    @Arg('programmeId', () => ID, { nullable: true, description: 'Only this programme; every programme when left out.' })
    programmeId?: string,
  ): Promise<CountyReachType[]> {
    return this.queries.byCounty(programmeId ?? undefined);
  }

  @Query(() => [ThemeCompletionsType], { description: 'Modules completed, by theme, the most completions first.' })
  completionsByTheme(
    @Arg('programmeId', () => ID, { nullable: true, description: 'Only this programme; every programme when left out.' })
    programmeId?: string,
  ): Promise<ThemeCompletionsType[]> {
    return this.queries.byTheme(programmeId ?? undefined);
  }
}
