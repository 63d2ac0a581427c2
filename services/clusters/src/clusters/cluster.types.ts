import { CLUSTER_LEVEL_DESCRIPTIONS, CLUSTER_LEVELS, type ClusterLevel } from '@klynge/contracts';
import { connectionOf, DatePrecisionEnum, Limits } from '@klynge/platform';
import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export const ClusterLevelEnum = Object.fromEntries(CLUSTER_LEVELS.map((level) => [level, level])) as {
  [L in ClusterLevel]: L;
};
registerEnumType(ClusterLevelEnum, { name: 'ClusterLevel', ...CLUSTER_LEVEL_DESCRIPTIONS });

@ObjectType('County', { description: 'A Norwegian county (fylke), as numbered from 2024.' })
export class CountyType {
  @Field({ description: 'Two digits, e.g. "42" for Agder.' })
  code!: string;

  @Field({ description: 'The county\'s name, e.g. "Agder"; the code itself for a code that is not a county from 2024.' })
  name!: string;
}

@ObjectType('ProgrammePeriod', {
  description:
    "A cluster's current period in the programme: the planned start and end of the grant that gave it its level, or as registered.",
})
export class ProgrammePeriodType {
  @Field({ description: 'YYYY-MM-DD: the first day of the period.' })
  start!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the last day of the period; null when not known.' })
  end!: string | null;
}

@ObjectType('ContactPerson', { description: 'Personal data: shown only to those who may edit the cluster.' })
export class ContactPersonType {
  @Field(() => String, { nullable: true, description: 'Full name; null when not recorded.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address; null when not recorded.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number as entered; null when not recorded.' })
  phone!: string | null;
}

@ObjectType('ClusterLevelPeriod', { description: 'One level a cluster held, from when, until when, and why.' })
export class ClusterLevelPeriodType {
  @Field(() => ClusterLevelEnum, { description: 'The level held in this period.' })
  level!: ClusterLevel;

  @Field({ description: 'YYYY-MM-DD: the first day at this level (1 January when fromPrecision is YEAR).' })
  from!: string;

  @Field(() => DatePrecisionEnum, { description: 'How exact `from` is: DAY, or YEAR when a source gives only the year.' })
  fromPrecision!: 'DAY' | 'YEAR';

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD, exclusive: the first day the cluster no longer held this level. Null while the period lasts.',
  })
  to!: string | null;

  @Field({
    description:
      'Why the cluster holds this level: the decision or reason given, e.g. "Granted NCE status in programme ... by innovasjon-norge".',
  })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What decided it, e.g. grant:<id> for the grant that gave the level; null when not recorded.',
  })
  decisionReference!: string | null;
}

@ObjectType('MemberStats', { description: 'Current members, and how many are SMEs (EU definition: under 250 employees).' })
export class MemberStatsType {
  @Field(() => Int, { description: 'Organisations with a membership that has not ended (no leave date, or a leave date today or later).' })
  memberCount!: number;

  @Field(() => Int, {
    description: 'Of those, the members with fewer than 250 employees; members whose headcount is not known are not counted.',
  })
  smeCount!: number;

  @Field(() => Int, { description: 'Members whose headcount is known (the base of smeShare).' })
  sizeKnownCount!: number;

  @Field(() => Float, { nullable: true, description: 'smeCount / sizeKnownCount, from 0 to 1; null if no headcount is known.' })
  smeShare!: number | null;
}

@Directive('@key(fields: "id")')
@ObjectType('Cluster', { description: 'An industry cluster in the Norwegian Innovation Clusters programme.' })
export class ClusterType {
  @Field(() => ID, { description: "The cluster's id, a UUID: the key every subgraph refers to it by." })
  id!: string;

  @Field({ description: 'A unique key for addresses: lower-case words joined by hyphens, by default derived from the name.' })
  slug!: string;

  @Field({ description: "The cluster's name, unique in the registry." })
  name!: string;

  @Field(() => String, { nullable: true, description: 'A short name, where it has one; otherwise null.' })
  shortName!: string | null;

  @Field(() => ClusterLevelEnum, { nullable: true, description: 'The level held today; null when not known.' })
  level!: ClusterLevel;

  @Field({ description: 'The county (fylke) of its home, as numbered from 2024: two digits, e.g. "42" for Agder.' })
  countyCode!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The municipality (kommune) of its home: four digits, the first two its county code; null when not known.',
  })
  municipalityCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The home town, where known.' })
  town!: string | null;

  @Field(() => [String], { description: 'The sectors it works in, as registered (free text); empty when none is given.' })
  sectors!: string[];

  @Field(() => String, { nullable: true, description: 'What the cluster is and does, as registered; null when none is given.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Its web address (http or https); null when not known.' })
  website!: string | null;

  @Field(() => Int, { nullable: true, description: 'The year the cluster was founded; null when not known.' })
  foundedYear!: number | null;
}

export const ClusterConnection = connectionOf(ClusterType, 'Cluster', 'clusters');

@InputType('ClusterFilter', { description: 'Which clusters to list: each field given narrows the list; none given lists every cluster.' })
export class ClusterFilter {
  @Field(() => ClusterLevelEnum, { nullable: true, description: 'Only clusters that hold this level today.' })
  level?: ClusterLevel;

  @Field({ nullable: true, description: 'Only clusters in this county: its two-digit code from 2024.' })
  countyCode?: string;

  @Field({ nullable: true, description: 'Clusters listing this sector, written exactly as registered.' })
  sector?: string;

  @Field({ nullable: true, description: 'Text the name, short name or description contains, in any case.' })
  text?: string;
}

@InputType('ContactPersonInput', {
  description: "A cluster manager's contact: personal data, shown only to those who may edit the cluster.",
})
export class ContactPersonInput {
  @Field(() => String, { nullable: true, description: 'Full name, at most 200 characters; empty or null leaves it out.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'An e-mail address; empty or null leaves it out.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'A phone number, at most 50 characters; empty or null leaves it out.' })
  phone?: string | null;
}

@InputType('RegisterClusterInput', { description: 'A new cluster, at the level it holds today.' })
export class RegisterClusterInput {
  @Field({ description: 'The name, unique in the registry: at most 200 characters.' })
  name!: string;

  @Field({
    nullable: true,
    description: 'Lower-case words joined by hyphens, at most 100 characters, unique. Derived from the name when left out.',
  })
  slug?: string;

  @Field({ nullable: true, description: 'A short name: at most 100 characters.' })
  shortName?: string;

  @Field(() => ClusterLevelEnum, { description: 'The level it holds today; a later change is a level change (changeClusterLevel).' })
  level!: ClusterLevel;

  @Field({ description: 'YYYY-MM-DD: since when it holds that level; not after today.' })
  levelSince!: string;

  @Field({
    nullable: true,
    description: 'Why it holds the level (the decision): at most 500 characters. "Registered at level <level>" when left out.',
  })
  levelReason?: string;

  @Field({ description: 'The county (fylke) of its home: a two-digit code from 2024, e.g. "42".' })
  countyCode!: string;

  @Field({ nullable: true, description: 'The municipality (kommune): four digits starting with countyCode.' })
  municipalityCode?: string;

  @Field({ nullable: true, description: 'The home town: at most 100 characters.' })
  town?: string;

  @Limits({ maxItems: 20, maxLength: 100 })
  @Field(() => [String], { nullable: true, description: 'The sectors it works in; a sector given twice is kept once.' })
  sectors?: string[];

  @Field({ nullable: true, description: 'What the cluster is and does: at most 5000 characters.' })
  description?: string;

  @Field({ nullable: true, description: 'Its web address: http or https.' })
  website?: string;

  @Field(() => Int, { nullable: true, description: 'The year it was founded: from 1800 to this year.' })
  foundedYear?: number;

  @Field({ nullable: true, description: 'YYYY-MM-DD: the first day of its programme period; needed when programmeEnd is given.' })
  programmeStart?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD: the last day of its programme period; not before programmeStart.' })
  programmeEnd?: string;

  @Field(() => ContactPersonInput, { nullable: true, description: "The cluster manager's contact (personal data)." })
  manager?: ContactPersonInput;
}

@InputType('UpdateClusterInput', { description: 'Only the fields given change; null clears an optional field.' })
export class UpdateClusterInput {
  @Field({ nullable: true, description: 'A new name, unique in the registry: at most 200 characters; cannot be cleared.' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'A short name: at most 100 characters.' })
  shortName?: string | null;

  @Field({ nullable: true, description: 'The county (fylke): a two-digit code from 2024; cannot be cleared.' })
  countyCode?: string;

  @Field(() => String, { nullable: true, description: 'The municipality (kommune): four digits starting with the county code.' })
  municipalityCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The home town: at most 100 characters.' })
  town?: string | null;

  @Limits({ maxItems: 20, maxLength: 100 })
  @Field(() => [String], { nullable: true, description: 'The sectors it works in, replacing those it had.' })
  sectors?: string[];

  @Field(() => String, { nullable: true, description: 'What the cluster is and does: at most 5000 characters.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Its web address: http or https.' })
  website?: string | null;

  @Field(() => Int, { nullable: true, description: 'The year it was founded: from 1800 to this year.' })
  foundedYear?: number | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the first day of its programme period.' })
  programmeStart?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD: the last day of its programme period; needs a start, and not before it.',
  })
  programmeEnd?: string | null;

  @Field(() => ContactPersonInput, {
    nullable: true,
    description: "The cluster manager's contact, replacing the one it had; null clears it.",
  })
  manager?: ContactPersonInput | null;
}

@InputType('ChangeClusterLevelInput', { description: 'A new level for a cluster, from a given day.' })
export class ChangeClusterLevelInput {
  @Field(() => ClusterLevelEnum, { description: 'The new level: not the one it holds now.' })
  level!: ClusterLevel;

  @Field({ description: 'YYYY-MM-DD: the first day at the new level; after the day the current level began.' })
  effectiveFrom!: string;

  @Field({ description: 'The decision or reason: at most 500 characters.' })
  reason!: string;
}

@InputType('EndClusterLevelInput', { description: "The end of a cluster's level, with what it holds after not known." })
export class EndClusterLevelInput {
  @Field({ description: 'YYYY-MM-DD: the first day it no longer holds its level (2019-01-01 for NCE).' })
  effectiveFrom!: string;

  @Field({ description: 'The decision or reason: at most 500 characters.' })
  reason!: string;
}
