import { connectionOf } from '@klynge/platform';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MoneyType } from '../money';

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
@ObjectType('Grant', { description: 'Money awarded on a granted application.' })
export class GrantType {
  @Field(() => ID)
  id!: string;

  @Field(() => MoneyType, { description: 'What the agency awarded (its share).' })
  amountAwarded!: MoneyType;

  @Field(() => MoneyType, { description: "The recipient's own share (co-financing)." })
  ownShare!: MoneyType;

  @Field({ description: 'YYYY-MM-DD' })
  awardDate!: string;

  @Field({ description: 'YYYY-MM-DD' })
  plannedStart!: string;

  @Field({ description: 'YYYY-MM-DD' })
  plannedEnd!: string;

  @Field(() => Int, { description: 'The programme budget year it is granted from.' })
  budgetYear!: number;

  @Field({ description: 'ACTIVE, COMPLETED or CANCELLED' })
  status!: string;
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

export { GraphQLJSONObject };
