import { CLUSTER_LEVELS, type ClusterLevel, type DatePrecision } from '@klynge/contracts';
import { DatePrecisionEnum, Limits, MoneyType } from '@klynge/platform';
import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export const ClusterLevelEnum = Object.fromEntries(CLUSTER_LEVELS.map((level) => [level, level])) as {
  [L in ClusterLevel]: L;
};
// The same enum the clusters subgraph defines; composition merges the two.
registerEnumType(ClusterLevelEnum, {
  name: 'ClusterLevel',
  description: 'Programme levels: ARENA (early phase), ARENA_PRO (from 2019), NCE (a level until 2018), GCE.',
});

export const AGENCY_KINDS = ['INNOVATION_NORWAY', 'SIVA', 'RESEARCH_COUNCIL', 'ENOVA', 'EU', 'MINISTRY', 'OTHER'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export const AgencyKindEnum = Object.fromEntries(AGENCY_KINDS.map((kind) => [kind, kind])) as { [K in AgencyKind]: K };
registerEnumType(AgencyKindEnum, { name: 'AgencyKind' });

@Directive('@key(fields: "code")')
@ObjectType('Agency', { description: 'A body that funds: Innovasjon Norge, Siva, Forskningsrådet, Enova, the EU, a ministry.' })
export class AgencyType {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => AgencyKindEnum)
  kind!: AgencyKind;

  @Field(() => String, { nullable: true, description: 'Organisation number, where known.' })
  orgNumber!: string | null;
}

@Directive('@key(fields: "code")')
@ObjectType('FundingProgramme', { description: 'A programme an agency funds through, and who may apply to it.' })
export class FundingProgrammeType {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
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

  @Field({ description: 'YYYY-MM-DD' })
  periodStart!: string;

  @Field(() => DatePrecisionEnum)
  periodStartPrecision!: DatePrecision;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  periodEnd!: string | null;

  @Field(() => DatePrecisionEnum, { nullable: true, description: 'Null when it has no end.' })
  periodEndPrecision!: DatePrecision | null;
}

@ObjectType('Cofunder')
export class CofunderType {
  @Field()
  name!: string;

  @Field(() => MoneyType)
  amount!: MoneyType;

  @Field(() => Float, { description: 'Part of the budget, 0 to 1.' })
  share!: number;
}

@ObjectType('Budget', { description: "A programme's budget for a year, what is granted from it and what remains." })
export class BudgetType {
  @Field()
  programmeCode!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => MoneyType)
  amount!: MoneyType;

  @Field(() => [CofunderType])
  cofunders!: CofunderType[];

  @Field(() => MoneyType, { description: 'The grants made against this budget.' })
  granted!: MoneyType;

  @Field(() => MoneyType, { description: 'amount - granted' })
  remaining!: MoneyType;
}

@ObjectType('Call', { description: 'A call for applications (utlysning).' })
export class CallType {
  @Field(() => ID)
  id!: string;

  @Field()
  programmeCode!: string;

  @Field()
  title!: string;

  @Field(() => ClusterLevelEnum, { nullable: true, description: 'The level a cluster-programme call grants.' })
  targetLevel!: ClusterLevel | null;

  @Field({ description: 'YYYY-MM-DD' })
  opensOn!: string;

  @Field({ description: 'The deadline, ISO 8601 date-time.' })
  closesAt!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  decisionDate!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  projectStart!: string | null;

  @Field(() => Int, {
    description:
      "The programme's budget year that grants from this call are charged to: the year of its decision date, or of its deadline when it has none. Applications can be submitted only while the programme has a budget for it.",
  })
  budgetYear!: number;
}

@InputType('RegisterAgencyInput')
export class RegisterAgencyInput {
  @Field({ description: 'lower-case-words, e.g. innovasjon-norge' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => AgencyKindEnum)
  kind!: AgencyKind;

  @Field({ nullable: true })
  orgNumber?: string;
}

@InputType('CreateProgrammeInput')
export class CreateProgrammeInput {
  @Field({ description: 'UPPER-CASE-WORDS, e.g. NIC' })
  code!: string;

  @Field()
  name!: string;

  @Field()
  agencyCode!: string;

  @Field({ nullable: true })
  purpose?: string;

  @Limits({ maxItems: 10 })
  @Field(() => [ClusterLevelEnum], {
    nullable: true,
    defaultValue: [],
    description: 'null: not known (e.g. a programme from the past whose sources do not say).',
  })
  eligibleClusterLevels!: ClusterLevel[] | null;

  @Limits({ maxItems: 10, maxLength: 50 })
  @Field(() => [String], {
    nullable: true,
    defaultValue: [],
    description: 'COMPANY, RESEARCH_INSTITUTION, PUBLIC_BODY, OTHER; null: not known.',
  })
  eligibleOrganizationKinds!: string[] | null;

  @Field({ description: 'YYYY-MM-DD: the first day of its month or year when only that is known.' })
  periodStart!: string;

  @Field(() => DatePrecisionEnum, { defaultValue: 'DAY' })
  periodStartPrecision!: DatePrecision;

  @Field({ nullable: true, description: 'YYYY-MM-DD: the last day of its month or year when only that is known.' })
  periodEnd?: string;

  @Field(() => DatePrecisionEnum, { defaultValue: 'DAY' })
  periodEndPrecision!: DatePrecision;
}

@InputType('CofunderInput')
export class CofunderInput {
  @Field()
  name!: string;

  @Field({ description: 'Whole NOK, in digits' })
  amount!: string;
}

@InputType('AllocateBudgetInput')
export class AllocateBudgetInput {
  @Field()
  programmeCode!: string;

  @Field(() => Int)
  year!: number;

  @Field({ description: 'Whole NOK, in digits' })
  amount!: string;

  @Limits({ maxItems: 20 })
  @Field(() => [CofunderInput], { defaultValue: [], description: 'Who funds which part; the parts add up to the amount.' })
  cofunders!: CofunderInput[];
}

@InputType('OpenCallInput')
export class OpenCallInput {
  @Field()
  programmeCode!: string;

  @Field()
  title!: string;

  @Field(() => ClusterLevelEnum, { nullable: true })
  targetLevel?: ClusterLevel;

  @Field({ description: 'YYYY-MM-DD' })
  opensOn!: string;

  @Field({ description: 'The deadline, ISO 8601 date-time with offset, e.g. 2018-09-20T12:00:00+02:00' })
  closesAt!: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD' })
  decisionDate?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD' })
  projectStart?: string;
}
