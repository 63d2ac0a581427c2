import { MoneyType } from '@klynge/platform';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export const FundingDimensionEnum = { AGENCY: 'AGENCY', PROGRAMME: 'PROGRAMME', YEAR: 'YEAR', COUNTY: 'COUNTY' } as const;
export type FundingDimension = keyof typeof FundingDimensionEnum;
registerEnumType(FundingDimensionEnum, { name: 'FundingDimension' });

@ObjectType('FundingBreakdownRow', { description: 'Granted and paid for one agency, programme, year or county.' })
export class FundingBreakdownRowType {
  @Field({ description: 'The agency or programme code, the year, or the county code' })
  key!: string;

  @Field()
  label!: string;

  @Field(() => Int)
  grants!: number;

  @Field(() => MoneyType)
  granted!: MoneyType;

  @Field(() => MoneyType)
  paid!: MoneyType;
}

@ObjectType('ApplicationFunnel', { description: 'Applied against awarded, and the success rate of decided applications.' })
export class ApplicationFunnelType {
  @Field(() => Int, { description: 'Applications that were submitted' })
  applied!: number;

  @Field(() => Int)
  granted!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => MoneyType, { description: 'Requested by the submitted applications' })
  requested!: MoneyType;

  @Field(() => MoneyType)
  awarded!: MoneyType;

  @Field(() => Float, { nullable: true, description: 'granted / (granted + rejected); null before any decision' })
  successRate!: number | null;
}
