import { Limits, MoneyType } from '@klynge/platform';
import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

@Directive('@key(fields: "code")')
@ObjectType('ResearchFundingActivity', {
  description:
    'A funding activity of Forskningsrådet, in its hierarchy: instrument (virkemiddel), main activity (hovedaktivitet), activity.',
})
export class ActivityType {
  @Field({ description: 'Its code in Prosjektbanken (aktivitet_kode), e.g. FORREGION.' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Hovedaktivitet; null where no source says.' })
  mainActivity!: string | null;

  @Field(() => String, { nullable: true, description: 'Virkemiddel, the top of the hierarchy; null where no source says.' })
  instrument!: string | null;
}

@ObjectType('ResearchApplicationType', { description: 'A kind of application (søknadstype), with what it asks of whom.' })
export class ApplicationTypeType {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;
}

export const AMOUNT_BOUNDS = ['EXACT', 'UP_TO'] as const;
export type OfferBound = (typeof AMOUNT_BOUNDS)[number];
export const OfferBoundEnum = Object.fromEntries(AMOUNT_BOUNDS.map((bound) => [bound, bound])) as { [B in OfferBound]: B };
registerEnumType(OfferBoundEnum, { name: 'ResearchCallAmountBound', description: 'EXACT, or UP_TO: the call offers at most the amount.' });

@ObjectType('ResearchCall', { description: 'A call for proposals (utlysning).' })
export class CallType {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: 'The application type it asks for, where the call names one.' })
  applicationType!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null where no source says.' })
  opensOn!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null for continuous intake or where no source says.' })
  deadline!: string | null;

  @Field()
  continuousIntake!: boolean;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  decisionBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Projects start on or after (YYYY-MM-DD).' })
  earliestStart!: string | null;

  @Field(() => String, { nullable: true, description: 'Projects start on or before (YYYY-MM-DD).' })
  latestStart!: string | null;

  @Field(() => MoneyType, { nullable: true })
  amountOffered!: MoneyType | null;

  @Field(() => OfferBoundEnum, { nullable: true })
  amountBound!: OfferBound | null;
}

export interface CallRecord extends CallType {
  readonly activityCode: string | null;
}

@InputType('RecordResearchCallInput')
export class RecordCallInput {
  @Limits({ maxLength: 300 })
  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  activityCode?: string | null;

  @Limits({ maxLength: 200 })
  @Field(() => String, { nullable: true })
  applicationType?: string | null;

  @Field(() => String, { nullable: true })
  opensOn?: string | null;

  @Field(() => String, { nullable: true })
  deadline?: string | null;

  @Field({ defaultValue: false })
  continuousIntake!: boolean;

  @Field(() => String, { nullable: true })
  decisionBy?: string | null;

  @Field(() => String, { nullable: true })
  earliestStart?: string | null;

  @Field(() => String, { nullable: true })
  latestStart?: string | null;

  @Field(() => String, { nullable: true, description: 'Whole NOK.' })
  amountOffered?: string | null;

  @Field(() => OfferBoundEnum, { nullable: true })
  amountBound?: OfferBound | null;
}
