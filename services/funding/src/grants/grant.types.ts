import type { DatePrecision } from '@klynge/contracts';
import { connectionOf, DatePrecisionEnum, Limits, MoneyType } from '@klynge/platform';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('Disbursement', { description: 'A payment against a grant.' })
export class DisbursementType {
  @Field(() => ID, { description: "The payment's id, a UUID." })
  id!: string;

  @Field(() => MoneyType, { description: 'What was paid: exact whole NOK, a decimal string (never a float).' })
  amount!: MoneyType;

  @Field({ description: 'YYYY-MM-DD: the day it was paid.' })
  paidOn!: string;

  @Field(() => String, { nullable: true, description: "The payer's reference, e.g. a voucher number; null when none was given." })
  reference!: string | null;
}

@ObjectType('FundingYear', { description: "A cluster's money in one year: granted (by budget year) and paid (by payment date)." })
export class FundingYearType {
  @Field(() => Int, { description: 'The year: the budget year for granted, the year of payment for paid.' })
  year!: number;

  @Field(() => MoneyType, { description: 'Awarded from that budget year, cancelled grants left out: exact whole NOK.' })
  granted!: MoneyType;

  @Field(() => MoneyType, {
    nullable: true,
    description:
      "Paid out that year: exact whole NOK. Null when none of the cluster's grants has its payments recorded (all reported from public sources): not known, not nothing.",
  })
  paid!: MoneyType | null;
}

@Directive('@key(fields: "id")')
@ObjectType('Grant', {
  description:
    'Money awarded: on a granted application, or (with a `source`) a grant made outside this workflow and recorded from a public report.',
})
export class GrantType {
  @Field(() => ID, { description: "The grant's id, a UUID." })
  id!: string;

  @Field(() => MoneyType, { description: 'What the agency awarded (its share): exact whole NOK, a decimal string (never a float).' })
  amountAwarded!: MoneyType;

  @Field(() => MoneyType, {
    nullable: true,
    description: "The recipient's own share (co-financing): exact whole NOK; null for a reported grant, whose source does not give it.",
  })
  ownShare!: MoneyType | null;

  @Field({ description: 'YYYY-MM-DD; the first day of its month or year when awardDatePrecision says so.' })
  awardDate!: string;

  @Field(() => DatePrecisionEnum, { description: 'How exact awardDate is.' })
  awardDatePrecision!: DatePrecision;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null when not known (a reported grant whose source gives no period).' })
  plannedStart!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null when not known.' })
  plannedEnd!: string | null;

  @Field(() => Int, { description: 'The programme budget year it is granted from.' })
  budgetYear!: number;

  @Field({ description: 'ACTIVE, COMPLETED or CANCELLED. A cancelled grant is left out of every sum of money granted.' })
  status!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Where a grant made outside the application workflow was reported (e.g. "SINTEF news, 2017"); null for a grant decided here.',
  })
  source!: string | null;
}

@ObjectType('GrantRecipient', { description: 'One recipient of a grant; a consortium is several.' })
export class GrantRecipientType {
  @Field(() => String, { nullable: true, description: 'As the source names it, or as last heard from the clusters service.' })
  name!: string | null;

  @Field(() => ID, { nullable: true, description: 'The cluster, where the recipient is one we know.' })
  clusterId!: string | null;

  @Field(() => String, { nullable: true, description: 'The organisation number, where the recipient is an organisation we know.' })
  orgNumber!: string | null;
}

export const GrantConnection = connectionOf(GrantType, 'Grant', 'grants');

@InputType('GrantFilter', { description: 'Which grants to list: each field given narrows the list.' })
export class GrantFilter {
  @Field({ nullable: true, description: 'Only grants of this programme.' })
  programmeCode?: string;

  @Field({ nullable: true, description: "Only grants of this agency's programmes." })
  agencyCode?: string;

  @Field(() => Int, { nullable: true, description: 'Only grants charged to this budget year.' })
  year?: number;

  @Field(() => ID, { nullable: true, description: 'Only grants this cluster is a recipient of.' })
  clusterId?: string;

  @Field({ nullable: true, description: 'Only grants the organisation with this number is a recipient of.' })
  orgNumber?: string;
}

@InputType('RecordDisbursementInput', { description: 'A payment made against a grant.' })
export class RecordDisbursementInput {
  @Field(() => ID, { description: 'The grant; CONFLICT when it is cancelled.' })
  grantId!: string;

  @Field({ description: 'Whole NOK, in digits (a string, never a float), above 0; the payments may not add up to more than awarded.' })
  amount!: string;

  @Field({ description: 'YYYY-MM-DD: not before the award, not after today.' })
  paidOn!: string;

  @Field({ nullable: true, description: "The payer's reference, e.g. a voucher number: at most 200 characters." })
  reference?: string;
}

@InputType('ReportedRecipientInput', {
  description: 'A recipient as the source names it; a cluster id or an organisation number where known.',
})
export class ReportedRecipientInput {
  @Field({ description: 'As the source names it.' })
  name!: string;

  @Field(() => ID, { nullable: true, description: 'A cluster the clusters service has registered.' })
  clusterId?: string;

  @Field({ nullable: true, description: 'An organisation the clusters service knows.' })
  orgNumber?: string;
}

@InputType('RecordReportedGrantInput', {
  description:
    'A grant made outside the application workflow, as a public source reports it. Only what the source says: no invented dates.',
})
export class RecordReportedGrantInput {
  @Field({ description: 'The programme it was granted in.' })
  programmeCode!: string;

  @Field(() => Int, { description: 'The programme budget year it is charged to; the budget must hold it.' })
  budgetYear!: number;

  @Field({ description: 'Whole NOK, in digits (a string, never a float), above 0.' })
  amountAwarded!: string;

  @Field({ description: 'YYYY-MM-DD, not after today: the first day of the month or year when only that is known.' })
  awardDate!: string;

  @Field(() => DatePrecisionEnum, { defaultValue: 'DAY', description: 'How exact awardDate is: as exact as the source.' })
  awardDatePrecision!: DatePrecision;

  @Field({ description: 'What the grant is for, e.g. "The Conversion Engine: NCE Raufoss": at most 200 characters.' })
  title!: string;

  @Field({ description: 'Where it was reported, e.g. "SINTEF news, 2017": at most 300 characters.' })
  source!: string;

  @Limits({ maxItems: 10 })
  @Field(() => [ReportedRecipientInput], { description: 'One to ten; a consortium is several.' })
  recipients!: ReportedRecipientInput[];
}

export { GraphQLJSONObject };
