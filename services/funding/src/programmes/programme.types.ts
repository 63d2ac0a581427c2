import { CLUSTER_LEVEL_DESCRIPTIONS, CLUSTER_LEVELS, type ClusterLevel, type DatePrecision } from '@klynge/contracts';
import { DatePrecisionEnum, graphqlEnum, Limits, MoneyType } from '@klynge/platform';
import { Directive, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

// The same enum the clusters subgraph defines; composition merges the two.
export const ClusterLevelEnum = graphqlEnum(CLUSTER_LEVELS, { name: 'ClusterLevel', ...CLUSTER_LEVEL_DESCRIPTIONS });

export const AGENCY_KINDS = ['INNOVATION_NORWAY', 'SIVA', 'RESEARCH_COUNCIL', 'ENOVA', 'EU', 'MINISTRY', 'OTHER'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export const AgencyKindEnum = graphqlEnum(AGENCY_KINDS, {
  name: 'AgencyKind',
  description: 'What kind of body an agency is.',
  valuesConfig: {
    INNOVATION_NORWAY: { description: 'Innovasjon Norge (Innovation Norway), which runs the Norwegian Innovation Clusters programme.' },
    SIVA: { description: 'Siva (Selskapet for industrivekst), which runs Norsk katapult.' },
    RESEARCH_COUNCIL: { description: 'Forskningsrådet (the Research Council of Norway).' },
    ENOVA: { description: 'Enova.' },
    EU: { description: 'The European Union.' },
    MINISTRY: { description: 'A ministry, e.g. Nærings- og fiskeridepartementet.' },
    OTHER: { description: 'Any other funding body.' },
  },
});

@Directive('@key(fields: "code")')
@ObjectType('Agency', { description: 'A body that funds: Innovasjon Norge, Siva, Forskningsrådet, Enova, the EU, a ministry.' })
export class AgencyType {
  @Field({ description: 'Its key: lower-case words joined by hyphens, e.g. innovasjon-norge, siva, forskningsradet.' })
  code!: string;

  @Field({ description: 'Its name, e.g. Innovasjon Norge.' })
  name!: string;

  @Field(() => AgencyKindEnum, { description: 'What kind of body it is.' })
  kind!: AgencyKind;

  @Field(() => String, { nullable: true, description: 'Organisation number (nine digits), where known; otherwise null.' })
  orgNumber!: string | null;
}

@Directive('@key(fields: "code")')
@ObjectType('FundingProgramme', { description: 'A programme an agency funds through, and who may apply to it.' })
export class FundingProgrammeType {
  @Field({ description: 'Its key: upper-case words joined by hyphens, e.g. NIC.' })
  code!: string;

  @Field({ description: 'Its name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the programme is for; null when not given.' })
  purpose!: string | null;

  @Field(() => [ClusterLevelEnum], {
    nullable: true,
    description: 'Clusters at these levels may apply; null when not known (its sources do not say), [] when none may.',
  })
  eligibleClusterLevels!: ClusterLevel[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Organisations of these kinds may apply; null when not known, [] when none may.',
  })
  eligibleOrganizationKinds!: string[] | null;

  @Field({ description: 'YYYY-MM-DD: the first day of the programme (of its month or year, as periodStartPrecision says).' })
  periodStart!: string;

  @Field(() => DatePrecisionEnum, { description: 'How exact periodStart is.' })
  periodStartPrecision!: DatePrecision;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD: the last day of the programme (of its month or year, as periodEndPrecision says); null when it has no end.',
  })
  periodEnd!: string | null;

  @Field(() => DatePrecisionEnum, { nullable: true, description: 'How exact periodEnd is. Null when it has no end.' })
  periodEndPrecision!: DatePrecision | null;
}

@ObjectType('Cofunder', { description: "One funder's part of a programme's budget for a year." })
export class CofunderType {
  @Field({ description: "The co-funder's name." })
  name!: string;

  @Field(() => MoneyType, { description: 'Its part: exact whole NOK, a decimal string (never a float).' })
  amount!: MoneyType;

  @Field(() => Float, { description: 'Part of the budget, 0 to 1, rounded down to four decimals: for display; amount is exact.' })
  share!: number;
}

@ObjectType('Budget', { description: "A programme's budget for a year, what is granted from it and what remains." })
export class BudgetType {
  @Field({ description: 'The programme.' })
  programmeCode!: string;

  @Field(() => Int, { description: 'The budget year.' })
  year!: number;

  @Field(() => MoneyType, { description: 'The budget: exact whole NOK, a decimal string (never a float).' })
  amount!: MoneyType;

  @Field(() => [CofunderType], { description: 'Who funds which part, the largest part first; empty when not split.' })
  cofunders!: CofunderType[];

  @Field(() => MoneyType, {
    description: 'The sum awarded by the grants charged to this budget year, cancelled grants left out: exact whole NOK.',
  })
  granted!: MoneyType;

  @Field(() => MoneyType, { description: 'amount - granted: exact whole NOK.' })
  remaining!: MoneyType;
}

@ObjectType('Call', { description: 'A call for applications (utlysning).' })
export class CallType {
  @Field(() => ID, { description: "The call's id, a UUID." })
  id!: string;

  @Field({ description: 'The programme the call is in.' })
  programmeCode!: string;

  @Field({ description: "The call's title." })
  title!: string;

  @Field(() => ClusterLevelEnum, {
    nullable: true,
    description: 'The level a cluster-programme call grants; null for a call that grants no level.',
  })
  targetLevel!: ClusterLevel | null;

  @Field({ description: 'YYYY-MM-DD: the first day applications may be submitted (Norwegian time).' })
  opensOn!: string;

  @Field({ description: 'The deadline, ISO 8601 date-time in UTC, e.g. 2018-09-20T10:00:00Z.' })
  closesAt!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: when the decisions are planned; null when not given.' })
  decisionDate!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: when funded projects are planned to start; null when not given.' })
  projectStart!: string | null;

  @Field(() => Int, {
    description:
      "The programme's budget year that grants from this call are charged to: the year of its decision date, or of its deadline when it has none. Applications can be submitted only while the programme has a budget for it.",
  })
  budgetYear!: number;
}

@InputType('RegisterAgencyInput', { description: 'A new funding body.' })
export class RegisterAgencyInput {
  @Field({ description: 'lower-case-words, e.g. innovasjon-norge: at most 50 characters, unique (CONFLICT otherwise).' })
  code!: string;

  @Field({ description: 'Its name: at most 200 characters.' })
  name!: string;

  @Field(() => AgencyKindEnum, { description: 'What kind of body it is.' })
  kind!: AgencyKind;

  @Field({ nullable: true, description: 'Its organisation number: nine digits with a valid MOD11 check digit.' })
  orgNumber?: string;
}

@InputType('CreateProgrammeInput', { description: 'A new funding programme of an agency.' })
export class CreateProgrammeInput {
  @Field({ description: 'UPPER-CASE-WORDS, e.g. NIC: at most 50 characters, unique (CONFLICT otherwise).' })
  code!: string;

  @Field({ description: 'Its name: at most 200 characters.' })
  name!: string;

  @Field({ description: 'The code of the agency that funds it.' })
  agencyCode!: string;

  @Field({ nullable: true, description: 'What the programme is for: at most 2000 characters.' })
  purpose?: string;

  @Limits({ maxItems: 10 })
  @Field(() => [ClusterLevelEnum], {
    nullable: true,
    defaultValue: [],
    description:
      'Cluster levels that may apply. null: not known (e.g. a programme from the past whose sources do not say); [] (the default): none may.',
  })
  eligibleClusterLevels!: ClusterLevel[] | null;

  @Limits({ maxItems: 10, maxLength: 50 })
  @Field(() => [String], {
    nullable: true,
    defaultValue: [],
    description:
      'Organisation kinds that may apply: COMPANY, RESEARCH_INSTITUTION, PUBLIC_BODY, OTHER. null: not known; [] (the default): none may.',
  })
  eligibleOrganizationKinds!: string[] | null;

  @Field({ description: 'YYYY-MM-DD: the first day of its month or year when only that is known.' })
  periodStart!: string;

  @Field(() => DatePrecisionEnum, { defaultValue: 'DAY', description: 'How exact periodStart is.' })
  periodStartPrecision!: DatePrecision;

  @Field({ nullable: true, description: 'YYYY-MM-DD: the last day of its month or year when only that is known.' })
  periodEnd?: string;

  @Field(() => DatePrecisionEnum, { defaultValue: 'DAY', description: 'How exact periodEnd is; ignored without a periodEnd.' })
  periodEndPrecision!: DatePrecision;
}

@InputType('CofunderInput', { description: "One funder's part of a budget." })
export class CofunderInput {
  @Field({ description: 'The co-funder: at most 200 characters; each once per budget.' })
  name!: string;

  @Field({ description: 'Whole NOK, in digits (a string, never a float), above 0.' })
  amount!: string;
}

@InputType('AllocateBudgetInput', { description: "A programme's budget for a year: new, or replacing the one it had." })
export class AllocateBudgetInput {
  @Field({ description: 'The programme.' })
  programmeCode!: string;

  @Field(() => Int, { description: 'The budget year: 1990 to 2100.' })
  year!: number;

  @Field({
    description:
      'Whole NOK, in digits (a string, never a float), above 0. CONFLICT when less than what is already granted from this budget.',
  })
  amount!: string;

  @Limits({ maxItems: 20 })
  @Field(() => [CofunderInput], { defaultValue: [], description: 'Who funds which part; the parts add up to the amount.' })
  cofunders!: CofunderInput[];
}

@InputType('OpenCallInput', { description: "A call for applications in a programme; its dates lie within the programme's period." })
export class OpenCallInput {
  @Field({ description: 'The programme.' })
  programmeCode!: string;

  @Field({ description: "The call's title: at most 200 characters." })
  title!: string;

  @Field(() => ClusterLevelEnum, {
    nullable: true,
    description: 'The level a cluster-programme call grants; leave out for any other call.',
  })
  targetLevel?: ClusterLevel;

  @Field({ description: 'YYYY-MM-DD: the first day applications may be submitted.' })
  opensOn!: string;

  @Field({ description: 'The deadline, ISO 8601 date-time with offset, e.g. 2018-09-20T12:00:00+02:00; not before opensOn.' })
  closesAt!: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD: when the decisions are planned; not before opensOn.' })
  decisionDate?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD: when funded projects are planned to start.' })
  projectStart?: string;
}
