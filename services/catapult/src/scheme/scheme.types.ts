import { type DatePrecision, DatePrecisionEnum, Limits, MoneyType } from '@klynge/platform';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export const CATAPULT_THEMES = ['MANUFACTURING_TECHNOLOGY', 'MATERIALS', 'OCEAN', 'ENERGY', 'DIGITALISATION', 'OTHER'] as const;
export type CatapultTheme = (typeof CATAPULT_THEMES)[number];
export const CatapultThemeEnum = Object.fromEntries(CATAPULT_THEMES.map((theme) => [theme, theme])) as { [T in CatapultTheme]: T };
registerEnumType(CatapultThemeEnum, {
  name: 'CatapultTheme',
  description: 'What a catapult centre lets companies test, simulate and qualify.',
});

export const CENTRE_STATUSES = ['DESIGNATED', 'CLOSED'] as const;
export type CentreStatus = (typeof CENTRE_STATUSES)[number];
export const CentreStatusEnum = Object.fromEntries(CENTRE_STATUSES.map((status) => [status, status])) as { [S in CentreStatus]: S };
registerEnumType(CentreStatusEnum, {
  name: 'CatapultCentreStatus',
  description: 'DESIGNATED: designated by Siva, and not known to have closed. CLOSED: no longer a catapult centre.',
});

export const ALLOCATION_RECIPIENTS = ['SCHEME', 'CENTRES', 'NODES'] as const;
export type AllocationRecipient = (typeof ALLOCATION_RECIPIENTS)[number];
export const AllocationRecipientEnum = Object.fromEntries(ALLOCATION_RECIPIENTS.map((recipient) => [recipient, recipient])) as {
  [R in AllocationRecipient]: R;
};
registerEnumType(AllocationRecipientEnum, {
  name: 'CatapultAllocationRecipient',
  description:
    'SCHEME: Norsk katapult as a whole. CENTRES: the centres named (together, where the split is not known). NODES: the regional nodes together.',
});

export const AMOUNT_BOUNDS = ['EXACT', 'MORE_THAN'] as const;
export type AmountBound = (typeof AMOUNT_BOUNDS)[number];
export const AmountBoundEnum = Object.fromEntries(AMOUNT_BOUNDS.map((bound) => [bound, bound])) as { [B in AmountBound]: B };
registerEnumType(AmountBoundEnum, {
  name: 'AmountBound',
  description: 'EXACT: the amount as the source gives it. MORE_THAN: the source says "over" the amount, and no more.',
});

@ObjectType('CatapultPlace', { description: 'A place a centre or node is located, as the sources name it.' })
export class PlaceType {
  @Field({ description: 'The town or place, e.g. Raufoss.' })
  place!: string;

  @Field(() => String, { nullable: true, description: 'Municipality number (4 digits, current), where known.' })
  municipalityCode!: string | null;

  @Field({ description: 'County code from 2024, e.g. 34.' })
  countyCode!: string;

  @Field({ description: 'County name, e.g. Innlandet.' })
  countyName!: string;
}

@ObjectType('CatapultOrganization', {
  description: 'An organisation as a source names it; its organisation number where a source gives it.',
})
export class NamedOrganizationType {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Nine digits; null where no source gives it.' })
  orgNumber!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType('CatapultCentre', { description: 'A Norsk katapult centre: a national test and pilot facility, designated by Siva.' })
export class CentreType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => [String], { description: 'Other names the sources use, e.g. FutureMat.' })
  alsoKnownAs!: string[];

  @Field(() => CatapultThemeEnum)
  theme!: CatapultTheme;

  @Field(() => CentreStatusEnum)
  status!: CentreStatus;

  @Field({ description: 'YYYY-MM-DD: the first day of its month or year when designatedOnPrecision says so.' })
  designatedOn!: string;

  @Field(() => DatePrecisionEnum)
  designatedOnPrecision!: DatePrecision;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, once it is CLOSED: the first day it was no longer a catapult centre.' })
  closedOn!: string | null;

  @Field(() => DatePrecisionEnum, { nullable: true })
  closedOnPrecision!: DatePrecision | null;

  @Field(() => [PlaceType])
  locations!: PlaceType[];

  @Field(() => [NamedOrganizationType], { description: 'Who runs it; empty where no source says.' })
  hostOrganizations!: NamedOrganizationType[];

  @Field(() => [NamedOrganizationType], { description: 'Partners the sources name (they may name only some).' })
  partnerOrganizations!: NamedOrganizationType[];
}

export interface CentreRecord extends CentreType {
  readonly clusterIds: string[];
}

@Directive('@key(fields: "id")')
@ObjectType('CatapultNode', {
  description: 'A regional catapult node (from 2022): a cluster or organisation that brings the centres to companies of its region.',
})
export class NodeType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => NamedOrganizationType, { description: 'The cluster or organisation that hosts it, as the sources name it.' })
  host!: NamedOrganizationType;

  @Field(() => [PlaceType])
  locations!: PlaceType[];

  @Field({ description: 'YYYY-MM-DD: the first day of its month or year when selectedOnPrecision says so.' })
  selectedOn!: string;

  @Field(() => DatePrecisionEnum)
  selectedOnPrecision!: DatePrecision;

  @Field(() => MoneyType, { nullable: true, description: 'Granted to this node; null where the sources give only the nodes’ total.' })
  amountGranted!: MoneyType | null;
}

export interface NodeRecord extends NodeType {
  readonly hostClusterId: string | null;
  readonly centreIds: string[];
}

@ObjectType('CatapultAllocation', {
  description: "Money to Norsk katapult in one year, as the sources give it (Siva's to the scheme, centres or nodes).",
})
export class AllocationType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => MoneyType)
  amount!: MoneyType;

  @Field(() => AmountBoundEnum)
  amountBound!: AmountBound;

  @Field(() => AllocationRecipientEnum)
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
  @Field(() => Int)
  year!: number;

  @Field(() => MoneyType, { description: 'The sum of the year’s allocations.' })
  total!: MoneyType;

  @Field({ description: 'True when an allocation of the year is given as "over" an amount: the total is then a lower bound.' })
  totalIsLowerBound!: boolean;

  @Field(() => [AllocationType])
  allocations!: AllocationRecord[];
}

@InputType('CatapultPlaceInput')
export class PlaceInput {
  @Limits({ maxLength: 100 })
  @Field()
  place!: string;

  @Field(() => String, { nullable: true })
  municipalityCode?: string | null;

  @Field()
  countyCode!: string;
}

@InputType('CatapultOrganizationInput')
export class NamedOrganizationInput {
  @Limits({ maxLength: 200 })
  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Nine digits, MOD11-checked; leave out where no source gives it.' })
  orgNumber?: string | null;
}

@InputType('DesignateCatapultCentreInput')
export class DesignateCentreInput {
  @Limits({ maxLength: 200 })
  @Field()
  name!: string;

  @Limits({ maxItems: 10, maxLength: 200 })
  @Field(() => [String], { nullable: true })
  alsoKnownAs?: string[] | null;

  @Field(() => CatapultThemeEnum)
  theme!: CatapultTheme;

  @Field({ description: 'YYYY-MM-DD' })
  designatedOn!: string;

  @Field(() => DatePrecisionEnum, { defaultValue: 'DAY' })
  designatedOnPrecision!: DatePrecision;

  @Limits({ maxItems: 10 })
  @Field(() => [PlaceInput])
  locations!: PlaceInput[];

  @Limits({ maxItems: 20 })
  @Field(() => [NamedOrganizationInput], { nullable: true })
  hostOrganizations?: NamedOrganizationInput[] | null;

  @Limits({ maxItems: 50 })
  @Field(() => [NamedOrganizationInput], { nullable: true })
  partnerOrganizations?: NamedOrganizationInput[] | null;

  @Limits({ maxItems: 20 })
  @Field(() => [ID], { nullable: true, description: 'The clusters that stand behind it.' })
  clusterIds?: string[] | null;
}

@InputType('CloseCatapultCentreInput')
export class CloseCentreInput {
  @Field(() => ID)
  centreId!: string;

  @Field({ description: 'YYYY-MM-DD: the first day it is no longer a catapult centre.' })
  closedOn!: string;

  @Field(() => DatePrecisionEnum, { defaultValue: 'DAY' })
  closedOnPrecision!: DatePrecision;
}

@InputType('SelectCatapultNodeInput')
export class SelectNodeInput {
  @Limits({ maxLength: 200 })
  @Field()
  name!: string;

  @Field(() => NamedOrganizationInput)
  host!: NamedOrganizationInput;

  @Field(() => ID, { nullable: true, description: 'The host, where it is a cluster.' })
  hostClusterId?: string | null;

  @Limits({ maxItems: 10 })
  @Field(() => [PlaceInput])
  locations!: PlaceInput[];

  @Limits({ maxItems: 20 })
  @Field(() => [ID], { nullable: true, description: 'The centres it works with, where known.' })
  centreIds?: string[] | null;

  @Field({ description: 'YYYY-MM-DD' })
  selectedOn!: string;

  @Field(() => DatePrecisionEnum, { defaultValue: 'DAY' })
  selectedOnPrecision!: DatePrecision;

  @Field(() => String, { nullable: true, description: 'Whole NOK, e.g. "5000000"; leave out where not known.' })
  amountGranted?: string | null;
}

@InputType('RecordCatapultAllocationInput')
export class RecordAllocationInput {
  @Field(() => Int)
  year!: number;

  @Field({ description: 'Whole NOK, e.g. "50000000".' })
  amount!: string;

  @Field(() => AmountBoundEnum, { defaultValue: 'EXACT' })
  amountBound!: AmountBound;

  @Field(() => AllocationRecipientEnum)
  recipient!: AllocationRecipient;

  @Limits({ maxItems: 20 })
  @Field(() => [ID], { nullable: true, description: 'For CENTRES: the centres it went to.' })
  centreIds?: string[] | null;

  @Limits({ maxLength: 200 })
  @Field(() => String, { nullable: true })
  grantedBy?: string | null;

  @Limits({ maxLength: 500 })
  @Field()
  purpose!: string;
}

@InputType('CatapultCentreFilter')
export class CentreFilter {
  @Field(() => CatapultThemeEnum, { nullable: true })
  theme?: CatapultTheme | null;

  @Field(() => String, { nullable: true, description: 'Located in this county (2024 code).' })
  countyCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Backed by this cluster.' })
  clusterId?: string | null;

  @Limits({ maxLength: 100 })
  @Field(() => String, { nullable: true, description: 'In its name or another name it is known by.' })
  text?: string | null;
}

@InputType('CatapultNodeFilter')
export class NodeFilter {
  @Field(() => String, { nullable: true, description: 'Located in this county (2024 code).' })
  countyCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Working with this centre.' })
  centreId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Selected in this year.' })
  selectedIn?: number | null;
}
