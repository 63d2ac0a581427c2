import { graphqlEnum, Limits, MoneyType } from '@klynge/platform';
import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';

@Directive('@key(fields: "code")')
@ObjectType('ResearchFundingActivity', {
  description:
    'A funding activity of Forskningsrådet, in its hierarchy: instrument (virkemiddel), main activity (hovedaktivitet), activity.',
})
export class ActivityType {
  @Field({ description: 'Its code in Prosjektbanken (aktivitet_kode), e.g. FORREGION.' })
  code!: string;

  @Field({ description: "The activity's name (aktivitet)." })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Hovedaktivitet; null where no source says.' })
  mainActivity!: string | null;

  @Field(() => String, { nullable: true, description: 'Virkemiddel, the top of the hierarchy; null where no source says.' })
  instrument!: string | null;
}

@ObjectType('ResearchApplicationType', { description: 'A kind of application (søknadstype), with what it asks of whom.' })
export class ApplicationTypeType {
  @Field({ description: 'Its short code, e.g. IPN.' })
  code!: string;

  @Field({ description: 'Its name, e.g. Innovasjonsprosjekt i næringslivet: what projects show as their applicationType.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Who applies and what it asks of them, as the sources say; null where they do not.' })
  description!: string | null;
}

export const AMOUNT_BOUNDS = ['EXACT', 'UP_TO'] as const;
export type OfferBound = (typeof AMOUNT_BOUNDS)[number];
export const OfferBoundEnum = graphqlEnum(AMOUNT_BOUNDS, {
  name: 'ResearchCallAmountBound',
  description: 'EXACT, or UP_TO: the call offers at most the amount.',
  valuesConfig: {
    EXACT: { description: 'The call offers exactly the amount.' },
    UP_TO: { description: 'The call offers at most the amount, e.g. "up to NOK 1.5 billion".' },
  },
});

@ObjectType('ResearchCall', { description: 'A call for proposals (utlysning).' })
export class CallType {
  @Field(() => ID, { description: "The call's id in Klynge, a UUID." })
  id!: string;

  @Field({ description: "The call's title." })
  title!: string;

  @Field(() => String, { nullable: true, description: 'The application type it asks for, where the call names one.' })
  applicationType!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null where no source says.' })
  opensOn!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null for continuous intake or where no source says.' })
  deadline!: string | null;

  @Field({ description: 'True when applications are taken continuously, with no deadline.' })
  continuousIntake!: boolean;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: decisions are made by then; null where no source says.' })
  decisionBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Projects start on or after (YYYY-MM-DD).' })
  earliestStart!: string | null;

  @Field(() => String, { nullable: true, description: 'Projects start on or before (YYYY-MM-DD).' })
  latestStart!: string | null;

  @Field(() => MoneyType, {
    nullable: true,
    description: 'What the call offers in all: exact whole NOK, a decimal string (never a float); null where no source says.',
  })
  amountOffered!: MoneyType | null;

  @Field(() => OfferBoundEnum, { nullable: true, description: 'Whether amountOffered is exact or a ceiling; null with no amountOffered.' })
  amountBound!: OfferBound | null;
}

export interface CallRecord extends CallType {
  readonly activityCode: string | null;
}

@InputType('RecordResearchCallInput', {
  description: 'A call for proposals as Forskningsrådet announced it; leave out what the source does not say.',
})
export class RecordCallInput {
  @Limits({ maxLength: 300 })
  @Field({ description: "The call's title." })
  title!: string;

  @Field(() => String, { nullable: true, description: 'The funding activity it belongs to: the code of a known one, e.g. FORREGION.' })
  activityCode?: string | null;

  @Limits({ maxLength: 200 })
  @Field(() => String, { nullable: true, description: 'The application type it asks for, e.g. Innovasjonsprosjekt i næringslivet.' })
  applicationType?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the day it opens.' })
  opensOn?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the deadline; not before opensOn; none with continuous intake.' })
  deadline?: string | null;

  @Field({ defaultValue: false, description: 'True when applications are taken continuously, with no deadline.' })
  continuousIntake!: boolean;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: decisions are made by then.' })
  decisionBy?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: projects start on or after this day.' })
  earliestStart?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: projects start on or before this day; not before earliestStart.' })
  latestStart?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'What the call offers: whole NOK, in digits (a string, never a float), above 0. Give amountBound with it.',
  })
  amountOffered?: string | null;

  @Field(() => OfferBoundEnum, {
    nullable: true,
    description: 'Whether amountOffered is exact or a ceiling: given with amountOffered, or not at all.',
  })
  amountBound?: OfferBound | null;
}
