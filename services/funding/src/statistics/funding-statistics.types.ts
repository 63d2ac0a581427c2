import { MoneyType } from '@klynge/platform';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export const FundingDimensionEnum = { AGENCY: 'AGENCY', PROGRAMME: 'PROGRAMME', YEAR: 'YEAR', COUNTY: 'COUNTY' } as const;
export type FundingDimension = keyof typeof FundingDimensionEnum;
registerEnumType(FundingDimensionEnum, {
  name: 'FundingDimension',
  description: 'What to break funding down by.',
  valuesConfig: {
    AGENCY: { description: 'By the agency whose programme granted it.' },
    PROGRAMME: { description: 'By programme.' },
    YEAR: { description: 'By the budget year a grant is charged to.' },
    COUNTY: {
      description:
        'By the recipients\' county; key "unknown" for a grant whose recipients\' county is not known or that went to several counties, so each grant counts once.',
    },
  },
});

@ObjectType('FundingBreakdownRow', { description: 'Granted and paid for one agency, programme, year or county.' })
export class FundingBreakdownRowType {
  @Field({ description: 'The agency or programme code, the year, or the county code ("unknown" when not known).' })
  key!: string;

  @Field({ description: 'For display: the agency or programme name, the year, or the county name ("Unknown county").' })
  label!: string;

  @Field(() => Int, { description: 'How many grants, cancelled grants left out.' })
  grants!: number;

  @Field(() => MoneyType, { description: 'Awarded by those grants: exact whole NOK, a decimal string (never a float).' })
  granted!: MoneyType;

  @Field(() => MoneyType, { description: 'Paid so far on those grants, whenever paid: exact whole NOK.' })
  paid!: MoneyType;
}

@ObjectType('ApplicationFunnel', { description: 'Applied against awarded, and the success rate of decided applications.' })
export class ApplicationFunnelType {
  @Field(() => Int, { description: 'Applications that were submitted' })
  applied!: number;

  @Field(() => Int, { description: 'Of those, applications GRANTED.' })
  granted!: number;

  @Field(() => Int, { description: 'Of those, applications REJECTED.' })
  rejected!: number;

  @Field(() => MoneyType, { description: 'Requested by the submitted applications: exact whole NOK, a decimal string (never a float).' })
  requested!: MoneyType;

  @Field(() => MoneyType, { description: 'Awarded by the grants made on them, cancelled grants left out: exact whole NOK.' })
  awarded!: MoneyType;

  @Field(() => Float, { nullable: true, description: 'granted / (granted + rejected); null before any decision' })
  successRate!: number | null;
}

@ObjectType('FundingSeriesRow', {
  description:
    'Granted and paid in one budget year for one agency, programme or county (or the year itself, by YEAR): a point of a per-year series, zero where nothing was granted.',
})
export class FundingSeriesRowType extends FundingBreakdownRowType {
  @Field(() => Int, { description: 'The budget year the grants are charged to; what was paid on them is counted here too, whenever paid.' })
  year!: number;
}

@ObjectType('ApplicationFunnelYear', {
  description: 'The application funnel of one year (applications by the year they were submitted, Norwegian time), zero where none were.',
})
export class ApplicationFunnelYearType extends ApplicationFunnelType {
  @Field(() => Int, { description: 'The year the applications were submitted.' })
  year!: number;
}
