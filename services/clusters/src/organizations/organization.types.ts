import { type SizeClass } from '@klynge/contracts';
import { connectionOf } from '@klynge/platform';
import { Directive, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ORGANIZATION_KINDS, type OrganizationKind } from './organization.entity';

export const OrganizationKindEnum = Object.fromEntries(ORGANIZATION_KINDS.map((kind) => [kind, kind])) as {
  [K in OrganizationKind]: K;
};
registerEnumType(OrganizationKindEnum, { name: 'OrganizationKind' });

export const SizeClassEnum = { SME: 'SME', LARGE: 'LARGE' } as const;
registerEnumType(SizeClassEnum, {
  name: 'SizeClass',
  description: 'By the EU SME definition on headcount: SME under 250 employees.',
});

@Directive('@key(fields: "orgNumber")')
@ObjectType('Organization', { description: 'A company, research institution or public body in the register.' })
export class OrganizationType {
  @Field({ description: 'Organisation number (organisasjonsnummer), nine digits.' })
  orgNumber!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Organisation form code, e.g. AS.' })
  organizationForm!: string | null;

  @Field(() => String, { nullable: true, description: 'NACE code, dd.ddd.' })
  naceCode!: string | null;

  @Field(() => String, { nullable: true })
  municipalityCode!: string | null;

  @Field(() => Int, { nullable: true })
  employees!: number | null;

  @Field(() => OrganizationKindEnum)
  kind!: OrganizationKind;
}

export const OrganizationConnection = connectionOf(OrganizationType, 'Organization');

@InputType('OrganizationFilter')
export class OrganizationFilter {
  @Field({ nullable: true, description: 'Words in the name, or the organisation number.' })
  text?: string;

  @Field(() => OrganizationKindEnum, { nullable: true })
  kind?: OrganizationKind;

  @Field(() => SizeClassEnum, { nullable: true })
  sizeClass?: SizeClass;

  @Field({ nullable: true })
  municipalityCode?: string;
}

@InputType('RegisterOrganizationInput')
export class RegisterOrganizationInput {
  @Field({ description: 'Nine digits with a valid MOD11 check digit.' })
  orgNumber!: string;

  @Field()
  name!: string;

  @Field(() => OrganizationKindEnum)
  kind!: OrganizationKind;

  @Field({ nullable: true })
  organizationForm?: string;

  @Field({ nullable: true })
  naceCode?: string;

  @Field({ nullable: true })
  municipalityCode?: string;

  @Field(() => Int, { nullable: true })
  employees?: number;
}
