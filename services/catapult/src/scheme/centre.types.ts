import { type DatePrecision, DatePrecisionEnum, graphqlEnum, Limits } from '@klynge/platform';
import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';
import { NamedOrganizationInput, NamedOrganizationType, PlaceInput, PlaceType } from './place-organization.types';

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
