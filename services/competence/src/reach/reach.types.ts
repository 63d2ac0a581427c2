import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('CountyReach', { description: 'Companies reached in one county (by the organisation register; "unknown" where not known).' })
export class CountyReachType {
  @Field({ description: 'Two digits, numbered from 2024; "unknown" where the register gives no county.' })
  countyCode!: string;

  @Field({ description: 'The county\'s name; "Unknown county" where not known.' })
  countyName!: string;

  @Field(() => Int, { description: 'Companies enrolled there and not dropped, each counted once.' })
  companies!: number;
}

@ObjectType('ThemeCompletions', { description: 'Modules completed on one theme.' })
export class ThemeCompletionsType {
  @Field({ description: 'The theme, in lower case.' })
  theme!: string;

  @Field(() => Int, { description: 'Module completions on it: one per company and module.' })
  completions!: number;
}
