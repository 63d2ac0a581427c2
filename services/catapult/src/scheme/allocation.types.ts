import { graphqlEnum, Limits, MoneyType } from '@klynge/platform';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

export const ALLOCATION_RECIPIENTS = ['SCHEME', 'CENTRES', 'NODES'] as const;
export type AllocationRecipient = (typeof ALLOCATION_RECIPIENTS)[number];
export const AllocationRecipientEnum = graphqlEnum(ALLOCATION_RECIPIENTS, {
  name: 'CatapultAllocationRecipient',
  description:
    'SCHEME: Norsk katapult as a whole. CENTRES: the centres named (together, where the split is not known). NODES: the regional nodes together.',
  valuesConfig: {
    SCHEME: { description: 'Norsk katapult as a whole.' },
    CENTRES: { description: 'The centres named (together, where the split is not known).' },
    NODES: { description: 'The regional nodes together.' },
  },
});

export const AMOUNT_BOUNDS = ['EXACT', 'MORE_THAN'] as const;
export type AmountBound = (typeof AMOUNT_BOUNDS)[number];
export const AmountBoundEnum = graphqlEnum(AMOUNT_BOUNDS, {
  name: 'AmountBound',
  description: 'EXACT: the amount as the source gives it. MORE_THAN: the source says "over" the amount, and no more.',
  valuesConfig: {
    EXACT: { description: 'The amount as the source gives it.' },
    MORE_THAN: { description: 'The source says "over" the amount, and no more: the amount is a lower bound.' },
  },
});

@ObjectType('CatapultAllocation', {
  description: "Money to Norsk katapult in one year, as the sources give it (Siva's to the scheme, centres or nodes).",
})
export class AllocationType {
  @Field(() => ID, { description: "The allocation's id, a UUID." })
  id!: string;

  @Field(() => Int, { description: 'The year it was allocated.' })
  year!: number;

  @Field(() => MoneyType, {
    description: 'The amount: exact whole NOK, a decimal string (never a float); a lower bound when amountBound is MORE_THAN.',
  })
  amount!: MoneyType;

  @Field(() => AmountBoundEnum, { description: 'Whether amount is exact or a lower bound.' })
  amountBound!: AmountBound;

  @Field(() => AllocationRecipientEnum, { description: 'What it went to: the scheme, centres or nodes.' })
  recipient!: AllocationRecipient;

  @Field(() => String, {
    nullable: true,
    description: 'Who granted it, e.g. the Ministry of Trade, Industry and Fisheries; null where the source does not say.',
  })
  grantedBy!: string | null;

  @Field({ description: 'What it was for, in the source’s words.' })
  purpose!: string;
}

export interface AllocationRecord extends AllocationType {
  readonly centreIds: string[];
}

@ObjectType('CatapultAllocationYear', { description: 'Allocations of one year, added up.' })
export class AllocationYearType {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => MoneyType, { description: 'The sum of the year’s allocations: exact whole NOK, a decimal string (never a float).' })
  total!: MoneyType;

  @Field({ description: 'True when an allocation of the year is given as "over" an amount: the total is then a lower bound.' })
  totalIsLowerBound!: boolean;

  @Field(() => [AllocationType], { description: 'The allocations of the year, in the order they were recorded.' })
  allocations!: AllocationRecord[];
}

@InputType('RecordCatapultAllocationInput', { description: 'Money to Norsk katapult in one year, as a source reports it.' })
export class RecordAllocationInput {
  @Field(() => Int, { description: 'The year: from 2017, when Norsk katapult began, to this year.' })
  year!: number;

  @Field({ description: 'Whole NOK, in digits (a string, never a float), above 0, e.g. "50000000".' })
  amount!: string;

  @Field(() => AmountBoundEnum, { defaultValue: 'EXACT', description: 'MORE_THAN where the source says "over" the amount.' })
  amountBound!: AmountBound;

  @Field(() => AllocationRecipientEnum, { description: 'What it went to.' })
  recipient!: AllocationRecipient;

  @Limits({ maxItems: 20 })
  @Field(() => [ID], { nullable: true, description: 'For CENTRES (and only then): the centres it went to.' })
  centreIds?: string[] | null;

  @Limits({ maxLength: 200 })
  @Field(() => String, {
    nullable: true,
    description: 'Who granted it, e.g. the Ministry of Trade, Industry and Fisheries; leave out where the source does not say.',
  })
  grantedBy?: string | null;

  @Limits({ maxLength: 500 })
  @Field({ description: 'What it was for, in the source’s words.' })
  purpose!: string;
}
