import { type SizeClass } from '@klynge/contracts';
import { connectionOf, graphqlEnum } from '@klynge/platform';
import { Directive, Field, InputType, Int, ObjectType } from 'type-graphql';
import { ORGANIZATION_KINDS, type OrganizationKind } from './organization.entity';

export const OrganizationKindEnum = graphqlEnum(ORGANIZATION_KINDS, {
  name: 'OrganizationKind',
  description: 'What kind of organisation it is.',
  valuesConfig: {
    COMPANY: { description: 'A company.' },
    RESEARCH_INSTITUTION: { description: 'A research institution: a university, college or research institute.' },
    PUBLIC_BODY: { description: 'A public body, e.g. a municipality, a county or an agency.' },
    OTHER: { description: 'Any other kind.' },
  },
});

export const SizeClassEnum = graphqlEnum(['SME', 'LARGE'], {
  name: 'SizeClass',
  description: 'By the EU SME definition on headcount: SME under 250 employees.',
  valuesConfig: {
    SME: { description: 'Fewer than 250 employees.' },
    LARGE: { description: '250 employees or more.' },
  },
});

@Directive('@key(fields: "orgNumber")')
@ObjectType('Organization', { description: 'A company, research institution or public body in the register.' })
export class OrganizationType {
  @Field({ description: 'Organisation number (organisasjonsnummer), nine digits.' })
  orgNumber!: string;

  @Field({ description: 'The name, as registered.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Organisation form code, e.g. AS; null when not known.' })
  organizationForm!: string | null;

  @Field(() => String, { nullable: true, description: 'NACE code of its main industry, dd.ddd; null when not known.' })
  naceCode!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The municipality (kommune) of its business address: four digits; null when not known.',
  })
  municipalityCode!: string | null;

  @Field(() => Int, { nullable: true, description: 'Its number of employees; null when not known.' })
  employees!: number | null;

  @Field(() => OrganizationKindEnum, { description: 'What kind of organisation it is.' })
  kind!: OrganizationKind;
}

export const OrganizationConnection = connectionOf(OrganizationType, 'Organization', 'organisations');

@InputType('OrganizationFilter', { description: 'Which organisations to list: each field given narrows the list.' })
export class OrganizationFilter {
  @Field({ nullable: true, description: 'Text the name contains (in any case), or the organisation number exactly.' })
  text?: string;

  @Field(() => OrganizationKindEnum, { nullable: true, description: 'Only organisations of this kind.' })
  kind?: OrganizationKind;

  @Field(() => SizeClassEnum, {
    nullable: true,
    description: 'Only organisations of this size; those whose headcount is not known are left out.',
  })
  sizeClass?: SizeClass;

  @Field({ nullable: true, description: 'Only organisations in this municipality: four digits.' })
  municipalityCode?: string;
}

@InputType('RegisterOrganizationInput', { description: 'An organisation for the register, as Enhetsregisteret knows it.' })
export class RegisterOrganizationInput {
  @Field({ description: 'Nine digits with a valid MOD11 check digit; spaces are ignored. CONFLICT when it is registered already.' })
  orgNumber!: string;

  @Field({ description: 'The name: at most 200 characters.' })
  name!: string;

  @Field(() => OrganizationKindEnum, { description: 'What kind of organisation it is.' })
  kind!: OrganizationKind;

  @Field({ nullable: true, description: 'Organisation form code, e.g. AS: at most 10 characters.' })
  organizationForm?: string;

  @Field({ nullable: true, description: 'NACE code of its main industry, written dd.ddd.' })
  naceCode?: string;

  @Field({ nullable: true, description: 'The municipality (kommune) of its business address: four digits.' })
  municipalityCode?: string;

  @Field(() => Int, { nullable: true, description: 'Its number of employees: 0 or more; leave out when not known.' })
  employees?: number;
}
