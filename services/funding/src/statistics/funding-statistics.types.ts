import { graphqlEnum, MoneyType } from '@klynge/platform';
import { Field, Float, Int, ObjectType } from 'type-graphql';

export const FundingDimensionEnum = graphqlEnum(['AGENCY', 'PROGRAMME', 'YEAR', 'COUNTY'], {
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
export type FundingDimension = keyof typeof FundingDimensionEnum;

@ObjectType('FundingBreakdownRow', { description: 'Granted and paid for one agency, programme, year or county.' })
export class FundingBreakdownRowType {
  @Field({ description: 'The agency or programme code, the year, or the county code ("unknown" when not known).' })
  key!: string;

  @Field({ description: 'For display: the agency or programme name, the year, or the county name ("Unknown county").' })
  label!: string;

  @Field(() => Int, { description: 'How many grants, cancelled grants left out.' })
  grants!: number;

  @Field(() => MoneyType, {
    nullable: true,
    description:
      'Awarded by those grants: exact whole NOK, a decimal string (never a float). Null where no grant is recorded (a year of a series with none): not known, not nothing.',
  })
  granted!: MoneyType | null;

  @Field(() => Int, {
    description:
      'Of those grants, how many have their payments recorded in Klynge: every grant awarded here, and a grant reported from a public source once a payment is recorded on it.',
  })
  paymentsRecorded!: number;

  @Field(() => MoneyType, {
    nullable: true,
    description:
      'Paid so far on the grants whose payments are recorded (paymentsRecorded of grants), whenever paid: exact whole NOK. Null when none has its payments recorded: not known, not nothing.',
  })
  paid!: MoneyType | null;
}

@ObjectType('ApplicationFunnel', {
  description:
    'Applied against awarded, and the success rate of decided applications. Applications come in to calls: where Klynge holds no call (of the programme asked, or of any), it does not hold the applications either, and every figure is null: not known, not none.',
})
export class ApplicationFunnelType {
  @Field({ description: 'Whether Klynge holds calls the applications come in to; when false, the figures are null.' })
  recorded!: boolean;

  @Field(() => Int, { nullable: true, description: 'Applications that were submitted; null when not recorded.' })
  applied!: number | null;

  @Field(() => Int, { nullable: true, description: 'Of those, applications GRANTED; null when not recorded.' })
  granted!: number | null;

  @Field(() => Int, { nullable: true, description: 'Of those, applications REJECTED; null when not recorded.' })
  rejected!: number | null;

  @Field(() => MoneyType, {
    nullable: true,
    description: 'Requested by the submitted applications: exact whole NOK, a decimal string (never a float); null when not recorded.',
  })
  requested!: MoneyType | null;

  @Field(() => MoneyType, {
    nullable: true,
    description: 'Awarded by the grants made on them, cancelled grants left out: exact whole NOK; null when not recorded.',
  })
  awarded!: MoneyType | null;

  @Field(() => Float, { nullable: true, description: 'granted / (granted + rejected); null before any decision' })
  successRate!: number | null;
}

@ObjectType('FundingSeriesRow', {
  description:
    'Granted and paid in one budget year for one agency, programme or county (or the year itself, by YEAR): a point of a per-year series; where no grant is recorded, grants is 0 and granted and paid are null (a gap, not a zero).',
})
export class FundingSeriesRowType extends FundingBreakdownRowType {
  @Field(() => Int, { description: 'The budget year the grants are charged to; what was paid on them is counted here too, whenever paid.' })
  year!: number;
}

@ObjectType('ApplicationFunnelYear', {
  description:
    'The application funnel of one year (applications by the year they were submitted, Norwegian time), zero where none were submitted to a call Klynge holds.',
})
export class ApplicationFunnelYearType extends ApplicationFunnelType {
  @Field(() => Int, { description: 'The year the applications were submitted.' })
  year!: number;
}
