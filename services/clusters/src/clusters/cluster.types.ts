import { CLUSTER_LEVELS, type ClusterLevel } from '@klynge/contracts';
import { connectionOf, DatePrecisionEnum, Limits } from '@klynge/platform';
import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export const ClusterLevelEnum = Object.fromEntries(CLUSTER_LEVELS.map((level) => [level, level])) as {
  [L in ClusterLevel]: L;
};
registerEnumType(ClusterLevelEnum, {
  name: 'ClusterLevel',
  description: 'Programme levels: ARENA (early phase), ARENA_PRO (from 2019), NCE (a level until 2018), GCE.',
});

@ObjectType('County', { description: 'A Norwegian county (fylke), as numbered from 2024.' })
export class CountyType {
  @Field()
  code!: string;

  @Field()
  name!: string;
}

@ObjectType('ProgrammePeriod')
export class ProgrammePeriodType {
  @Field({ description: 'YYYY-MM-DD' })
  start!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  end!: string | null;
}

@ObjectType('ContactPerson', { description: 'Personal data: shown only to those who may edit the cluster.' })
export class ContactPersonType {
  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;
}

@ObjectType('ClusterLevelPeriod', { description: 'One level a cluster held, from when, until when, and why.' })
export class ClusterLevelPeriodType {
  @Field(() => ClusterLevelEnum)
  level!: ClusterLevel;

  @Field({ description: 'YYYY-MM-DD' })
  from!: string;

  @Field(() => DatePrecisionEnum)
  fromPrecision!: 'DAY' | 'YEAR';

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, exclusive; null while current' })
  to!: string | null;

  @Field()
  reason!: string;

  @Field(() => String, { nullable: true, description: 'What decided it, e.g. grant:<id>' })
  decisionReference!: string | null;
}

@ObjectType('MemberStats', { description: 'Current members, and how many are SMEs (EU definition: under 250 employees).' })
export class MemberStatsType {
  @Field(() => Int)
  memberCount!: number;

  @Field(() => Int)
  smeCount!: number;

  @Field(() => Int, { description: 'Members whose headcount is known (the base of smeShare).' })
  sizeKnownCount!: number;

  @Field(() => Float, { nullable: true, description: 'smeCount / sizeKnownCount, from 0 to 1; null if no headcount is known.' })
  smeShare!: number | null;
}

@Directive('@key(fields: "id")')
@ObjectType('Cluster', { description: 'An industry cluster in the Norwegian Innovation Clusters programme.' })
export class ClusterType {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  shortName!: string | null;

  @Field(() => ClusterLevelEnum, { nullable: true, description: 'The level held today; null when not known.' })
  level!: ClusterLevel;

  @Field()
  countyCode!: string;

  @Field(() => String, { nullable: true })
  municipalityCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The home town, where known.' })
  town!: string | null;

  @Field(() => [String])
  sectors!: string[];

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true })
  website!: string | null;

  @Field(() => Int, { nullable: true })
  foundedYear!: number | null;
}

export const ClusterConnection = connectionOf(ClusterType, 'Cluster');

@InputType('ClusterFilter')
export class ClusterFilter {
  @Field(() => ClusterLevelEnum, { nullable: true })
  level?: ClusterLevel;

  @Field({ nullable: true })
  countyCode?: string;

  @Field({ nullable: true, description: 'Clusters listing this sector.' })
  sector?: string;

  @Field({ nullable: true, description: 'Words in the name, short name or description.' })
  text?: string;
}

@InputType('ContactPersonInput')
export class ContactPersonInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;
}

@InputType('RegisterClusterInput')
export class RegisterClusterInput {
  @Field()
  name!: string;

  @Field({ nullable: true, description: 'Derived from the name when left out.' })
  slug?: string;

  @Field({ nullable: true })
  shortName?: string;

  @Field(() => ClusterLevelEnum)
  level!: ClusterLevel;

  @Field({ description: 'YYYY-MM-DD: since when it holds that level.' })
  levelSince!: string;

  @Field({ nullable: true, description: 'Why it holds the level (the decision).' })
  levelReason?: string;

  @Field()
  countyCode!: string;

  @Field({ nullable: true })
  municipalityCode?: string;

  @Field({ nullable: true })
  town?: string;

  @Limits({ maxItems: 20, maxLength: 100 })
  @Field(() => [String], { nullable: true })
  sectors?: string[];

  @Field({ nullable: true })
  description?: string;

  @Field({ nullable: true })
  website?: string;

  @Field(() => Int, { nullable: true })
  foundedYear?: number;

  @Field({ nullable: true, description: 'YYYY-MM-DD' })
  programmeStart?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD' })
  programmeEnd?: string;

  @Field(() => ContactPersonInput, { nullable: true })
  manager?: ContactPersonInput;
}

@InputType('UpdateClusterInput', { description: 'Only the fields given change; null clears an optional field.' })
export class UpdateClusterInput {
  @Field({ nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  shortName?: string | null;

  @Field({ nullable: true })
  countyCode?: string;

  @Field(() => String, { nullable: true })
  municipalityCode?: string | null;

  @Field(() => String, { nullable: true })
  town?: string | null;

  @Limits({ maxItems: 20, maxLength: 100 })
  @Field(() => [String], { nullable: true })
  sectors?: string[];

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  website?: string | null;

  @Field(() => Int, { nullable: true })
  foundedYear?: number | null;

  @Field(() => String, { nullable: true })
  programmeStart?: string | null;

  @Field(() => String, { nullable: true })
  programmeEnd?: string | null;

  @Field(() => ContactPersonInput, { nullable: true })
  manager?: ContactPersonInput | null;
}

@InputType('ChangeClusterLevelInput')
export class ChangeClusterLevelInput {
  @Field(() => ClusterLevelEnum)
  level!: ClusterLevel;

  @Field({ description: 'YYYY-MM-DD: the first day at the new level.' })
  effectiveFrom!: string;

  @Field({ description: 'The decision or reason.' })
  reason!: string;
}

@InputType('EndClusterLevelInput')
export class EndClusterLevelInput {
  @Field({ description: 'YYYY-MM-DD: the first day it no longer holds its level (2019-01-01 for NCE).' })
  effectiveFrom!: string;

  @Field({ description: 'The decision or reason.' })
  reason!: string;
}
