import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('CountyReach', { description: 'Companies reached in one county (by the organisation register; "unknown" where not known).' })
export class CountyReachType {
  @Field()
  countyCode!: string;

  @Field()
  countyName!: string;

  @Field(() => Int)
  companies!: number;
}

@ObjectType('ThemeCompletions', { description: 'Modules completed on one theme.' })
export class ThemeCompletionsType {
  @Field()
  theme!: string;

  @Field(() => Int)
  completions!: number;
}
