import { type DatePrecision, DatePrecisionEnum, graphqlEnum, Limits, MoneyType } from '@klynge/platform';
import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';

export const CATAPULT_THEMES = ['MANUFACTURING_TECHNOLOGY', 'MATERIALS', 'OCEAN', 'ENERGY', 'DIGITALISATION', 'OTHER'] as const;
export type CatapultTheme = (typeof CATAPULT_THEMES)[number];
export const CatapultThemeEnum = graphqlEnum(CATAPULT_THEMES, {
  name: 'CatapultTheme',
  description: 'What a catapult centre lets companies test, simulate and qualify.',
  valuesConfig: {
    MANUFACTURING_TECHNOLOGY: { description: 'Manufacturing technology, e.g. the Manufacturing Technology centre at Raufoss.' },
    MATERIALS: { description: 'Materials, e.g. Future Materials (FutureMat) in Agder.' },
    OCEAN: { description: 'Ocean technology, e.g. Ocean Innovation in Bergen.' },
    ENERGY: { description: 'Energy, e.g. Sustainable Energy at Stord.' },
    DIGITALISATION: { description: 'Digitalisation, e.g. Digicat in Ålesund.' },
    OTHER: { description: 'Any other theme.' },
  },
});

export const CENTRE_STATUSES = ['DESIGNATED', 'CLOSED'] as const;
export type CentreStatus = (typeof CENTRE_STATUSES)[number];
export const CentreStatusEnum = graphqlEnum(CENTRE_STATUSES, {
  name: 'CatapultCentreStatus',
  description: 'DESIGNATED: designated by Siva, and not known to have closed. CLOSED: no longer a catapult centre.',
  valuesConfig: {
    DESIGNATED: { description: 'Designated by Siva, and not known to have closed.' },
    CLOSED: { description: 'No longer a catapult centre (see closedOn).' },
  },
});

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
  @Field({ description: 'The name, as the source gives it.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Nine digits; null where no source gives it.' })
  orgNumber!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType('CatapultCentre', { description: 'A Norsk katapult centre: a national test and pilot facility, designated by Siva.' })
export class CentreType {
  @Field(() => ID, { description: "The centre's id, a UUID." })
  id!: string;

  @Field({ description: 'Its name, e.g. Manufacturing Technology.' })
  name!: string;

  @Field(() => [String], { description: 'Other names the sources use, e.g. FutureMat.' })
  alsoKnownAs!: string[];

  @Field(() => CatapultThemeEnum, { description: 'What it lets companies test, simulate and qualify.' })
  theme!: CatapultTheme;

  @Field(() => CentreStatusEnum, { description: 'Whether it is still a catapult centre.' })
  status!: CentreStatus;

  @Field({ description: 'YYYY-MM-DD: the first day of its month or year when designatedOnPrecision says so.' })
  designatedOn!: string;

  @Field(() => DatePrecisionEnum, { description: 'How exact designatedOn is.' })
  designatedOnPrecision!: DatePrecision;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, once it is CLOSED: the first day it was no longer a catapult centre.' })
  closedOn!: string | null;

  @Field(() => DatePrecisionEnum, { nullable: true, description: 'How exact closedOn is; null while it is not closed.' })
  closedOnPrecision!: DatePrecision | null;

  @Field(() => [PlaceType], { description: 'Where it is located; at least one place.' })
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
  @Field(() => ID, { description: "The node's id, a UUID." })
  id!: string;

  @Field({ description: 'Its name, e.g. Powered by Telemark.' })
  name!: string;

  @Field(() => NamedOrganizationType, { description: 'The cluster or organisation that hosts it, as the sources name it.' })
  host!: NamedOrganizationType;

  @Field(() => [PlaceType], { description: 'Where it is located; at least one place.' })
  locations!: PlaceType[];

  @Field({ description: 'YYYY-MM-DD: the first day of its month or year when selectedOnPrecision says so.' })
  selectedOn!: string;

  @Field(() => DatePrecisionEnum, { description: 'How exact selectedOn is.' })
  selectedOnPrecision!: DatePrecision;

  @Field(() => MoneyType, {
    nullable: true,
    description:
      'Granted to this node: exact whole NOK, a decimal string (never a float); null where the sources give only the nodes’ total.',
  })
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

@InputType('CatapultPlaceInput', { description: 'A place a centre or node is located.' })
export class PlaceInput {
  @Limits({ maxLength: 100 })
  @Field({ description: 'The town or place, e.g. Raufoss.' })
  place!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Municipality number: four digits starting with countyCode; leave out where not known.',
  })
  municipalityCode?: string | null;

  @Field({ description: 'County code from 2024, e.g. "34".' })
  countyCode!: string;
}

@InputType('CatapultOrganizationInput', { description: 'An organisation as a source names it.' })
export class NamedOrganizationInput {
  @Limits({ maxLength: 200 })
  @Field({ description: 'The name, as the source gives it.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Nine digits, MOD11-checked; leave out where no source gives it.' })
  orgNumber?: string | null;
}

@InputType('DesignateCatapultCentreInput', { description: 'A centre Siva has designated, as the sources report it.' })
export class DesignateCentreInput {
  @Limits({ maxLength: 200 })
  @Field({ description: 'Its name; CONFLICT when a centre has it already, in any case.' })
  name!: string;

  @Limits({ maxItems: 10, maxLength: 200 })
  @Field(() => [String], { nullable: true, description: 'Other names the sources use, e.g. FutureMat.' })
  alsoKnownAs?: string[] | null;

  @Field(() => CatapultThemeEnum, { description: 'What it lets companies test, simulate and qualify.' })
  theme!: CatapultTheme;

  @Field({
    description:
      'YYYY-MM-DD, from 2017-01-01 (when Norsk katapult began) to today: the first day of its month or year when only that is known.',
  })
  designatedOn!: string;

  @Field(() => DatePrecisionEnum, { defaultValue: 'DAY', description: 'How exact designatedOn is.' })
  designatedOnPrecision!: DatePrecision;

  @Limits({ maxItems: 10 })
  @Field(() => [PlaceInput], { description: 'Where it is located: at least one place.' })
  locations!: PlaceInput[];

  @Limits({ maxItems: 20 })
  @Field(() => [NamedOrganizationInput], { nullable: true, description: 'Who runs it, where a source says.' })
  hostOrganizations?: NamedOrganizationInput[] | null;

  @Limits({ maxItems: 50 })
  @Field(() => [NamedOrganizationInput], { nullable: true, description: 'Partners the sources name.' })
  partnerOrganizations?: NamedOrganizationInput[] | null;

  @Limits({ maxItems: 20 })
  @Field(() => [ID], { nullable: true, description: 'The clusters that stand behind it.' })
  clusterIds?: string[] | null;
}

@InputType('CloseCatapultCentreInput', { description: 'The closing of a centre.' })
export class CloseCentreInput {
  @Field(() => ID, { description: 'The centre; CONFLICT when it is closed already.' })
  centreId!: string;

  @Field({
    description: 'YYYY-MM-DD, from 2017-01-01 (when Norsk katapult began) to today: the first day it is no longer a catapult centre.',
  })
  closedOn!: string;

  @Field(() => DatePrecisionEnum, { defaultValue: 'DAY', description: 'How exact closedOn is.' })
  closedOnPrecision!: DatePrecision;
}

@InputType('SelectCatapultNodeInput', { description: 'A regional node Siva has selected, as the sources report it.' })
export class SelectNodeInput {
  @Limits({ maxLength: 200 })
  @Field({ description: 'Its name; CONFLICT when a node has it already, in any case.' })
  name!: string;

  @Field(() => NamedOrganizationInput, { description: 'The cluster or organisation that hosts it, as the sources name it.' })
  host!: NamedOrganizationInput;

  @Field(() => ID, { nullable: true, description: 'The host, where it is a cluster.' })
  hostClusterId?: string | null;

  @Limits({ maxItems: 10 })
  @Field(() => [PlaceInput], { description: 'Where it is located: at least one place.' })
  locations!: PlaceInput[];

  @Limits({ maxItems: 20 })
  @Field(() => [ID], { nullable: true, description: 'The centres it works with, where known.' })
  centreIds?: string[] | null;

  @Field({
    description:
      'YYYY-MM-DD, from 2017-01-01 (when Norsk katapult began) to today: the first day of its month or year when only that is known.',
  })
  selectedOn!: string;

  @Field(() => DatePrecisionEnum, { defaultValue: 'DAY', description: 'How exact selectedOn is.' })
  selectedOnPrecision!: DatePrecision;

  @Field(() => String, {
    nullable: true,
    description: 'Whole NOK, in digits (a string, never a float), e.g. "5000000"; leave out where not known.',
  })
  amountGranted?: string | null;
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

@InputType('CatapultCentreFilter', { description: 'Which centres to list: each field given narrows the list.' })
export class CentreFilter {
  @Field(() => CatapultThemeEnum, { nullable: true, description: 'Only centres with this theme.' })
  theme?: CatapultTheme | null;

  @Field(() => String, { nullable: true, description: 'Located in this county (2024 code).' })
  countyCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Backed by this cluster.' })
  clusterId?: string | null;

  @Limits({ maxLength: 100 })
  @Field(() => String, { nullable: true, description: 'In its name or another name it is known by.' })
  text?: string | null;
}

@InputType('CatapultNodeFilter', { description: 'Which nodes to list: each field given narrows the list.' })
export class NodeFilter {
  @Field(() => String, { nullable: true, description: 'Located in this county (2024 code).' })
  countyCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Working with this centre.' })
  centreId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Selected in this year.' })
  selectedIn?: number | null;
}
