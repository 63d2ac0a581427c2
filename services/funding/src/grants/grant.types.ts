import type { DatePrecision } from '@klynge/contracts';
import { connectionOf, DatePrecisionEnum, Limits, MoneyType } from '@klynge/platform';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('Disbursement', { description: 'A payment against a grant.' })
export class DisbursementType {
  @Field(() => ID)
  id!: string;

  @Field(() => MoneyType)
  amount!: MoneyType;

  @Field({ description: 'YYYY-MM-DD' })
  paidOn!: string;

  @Field(() => String, { nullable: true })
  reference!: string | null;
}

@ObjectType('FundingYear', { description: "A cluster's money in one year: granted (by budget year) and paid (by payment date)." })
export class FundingYearType {
  @Field(() => Int)
  year!: number;

  @Field(() => MoneyType, { description: 'Awarded from that budget year, cancelled grants left out' })
  granted!: MoneyType;

  @Field(() => MoneyType, { description: 'Paid out that year' })
  paid!: MoneyType;
}

@Directive('@key(fields: "id")')
@ObjectType('Grant', {
  description:
    'Money awarded: on a granted application, or (with a `source`) a grant made outside this workflow and recorded from a public report.',
})
export class GrantType {
  @Field(() => ID)
  id!: string;

  @Field(() => MoneyType, { description: 'What the agency awarded (its share).' })
  amountAwarded!: MoneyType;

  @Field(() => MoneyType, { description: "The recipient's own share (co-financing)." })
  ownShare!: MoneyType;

  @Field({ description: 'YYYY-MM-DD; the first day of its month or year when awardDatePrecision says so.' })
  awardDate!: string;

  @Field(() => DatePrecisionEnum)
  awardDatePrecision!: DatePrecision;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null when not known (a reported grant whose source gives no period).' })
  plannedStart!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null when not known.' })
  plannedEnd!: string | null;

  @Field(() => Int, { description: 'The programme budget year it is granted from.' })
  budgetYear!: number;

  @Field({ description: 'ACTIVE, COMPLETED or CANCELLED' })
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

export const GrantConnection = connectionOf(GrantType, 'Grant');

@InputType('GrantFilter')
export class GrantFilter {
  @Field({ nullable: true })
  programmeCode?: string;

  @Field({ nullable: true })
  agencyCode?: string;

  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => ID, { nullable: true })
  clusterId?: string;

  @Field({ nullable: true })
  orgNumber?: string;
}

@InputType('RecordDisbursementInput')
export class RecordDisbursementInput {
  @Field(() => ID)
  grantId!: string;

  @Field({ description: 'Whole NOK, in digits' })
  amount!: string;

  @Field({ description: 'YYYY-MM-DD: not before the award, not after today.' })
  paidOn!: string;

  @Field({ nullable: true })
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
  @Field()
  programmeCode!: string;

  @Field(() => Int, { description: 'The programme budget year it is charged to; the budget must hold it.' })
  budgetYear!: number;

  @Field({ description: 'Whole NOK, in digits' })
  amountAwarded!: string;

  @Field({ description: 'YYYY-MM-DD, not after today: the first day of the month or year when only that is known.' })
  awardDate!: string;

  @Field(() => DatePrecisionEnum, { defaultValue: 'DAY' })
  awardDatePrecision!: DatePrecision;

  @Field({ description: 'What the grant is for, e.g. "The Conversion Engine: NCE Raufoss".' })
  title!: string;

  @Field({ description: 'Where it was reported, e.g. "SINTEF news, 2017".' })
  source!: string;

  @Limits({ maxItems: 10 })
  @Field(() => [ReportedRecipientInput], { description: 'One to ten; a consortium is several.' })
  recipients!: ReportedRecipientInput[];
}

export { GraphQLJSONObject };
