import { CLUSTER_LEVEL_DESCRIPTIONS, CLUSTER_LEVELS, type ClusterLevel } from '@klynge/contracts';
import { connectionOf, DatePrecisionEnum, graphqlEnum, Limits, SourceType } from '@klynge/platform';
import { Directive, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

export const ClusterLevelEnum = graphqlEnum(CLUSTER_LEVELS, { name: 'ClusterLevel', ...CLUSTER_LEVEL_DESCRIPTIONS });

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

export const PeriodBasisEnum = graphqlEnum(['RECORDED', 'REPORTED'], {
  name: 'LevelPeriodBasis',
  description: 'Where a level period comes from.',
  valuesConfig: {
    RECORDED: { description: 'Decided or entered in Klynge (a funding decision, a level change).' },
    REPORTED: { description: 'As public sources report it: see sources, and endedBy for how its end is known.' },
  },
});

export const PeriodEndEnum = graphqlEnum(['SOURCE', 'NEXT_LEVEL', 'LEVEL_ENDED', 'TERM'], {
  name: 'LevelPeriodEnd',
  description: "How a reported period's end is known.",
  valuesConfig: {
    SOURCE: { description: 'A source says it ended (in toYear; when toYear is null, without saying the year).' },
    NEXT_LEVEL: { description: "No source ends it: it ends when the cluster's next level began." },
    LEVEL_ENDED: { description: 'No source ends it: NCE stopped being a level with 2018 (the 2019 programme).' },
    TERM: {
      description:
        "No source ends it: the level's term from its start (Arena 3 years, Arena Pro 5, GCE 10; a reported extension adds 2). An estimate, said as such.",
    },
  },
});

export const ClaimEnum = graphqlEnum(['START', 'END', 'HELD'], {
  name: 'LevelClaimKind',
  description: 'What a source says of a level period.',
  valuesConfig: {
    START: { description: 'That it began, in year.' },
    END: { description: 'That it ended, in year (null when the source gives none).' },
    HELD: { description: 'That the cluster held the level (in year, where the source dates it).' },
  },
});

@ObjectType('LevelClaim', { description: 'What one source says of a level period.' })
export class LevelClaimType {
  @Field(() => ClaimEnum, { description: 'Whether it says the period began, ended, or was held.' })
  says!: keyof typeof ClaimEnum;

  @Field(() => Int, { nullable: true, description: 'The year it gives; null when it gives none.' })
  year!: number | null;

  @Field(() => SourceType, { description: 'The page.' })
  source!: SourceType;
}

@ObjectType('ReportedText', { description: 'A figure as a public page words it, e.g. "about 50 companies (2015)", with the page.' })
export class ReportedTextType {
  @Field({ description: "The page's words, with the year it gives." })
  text!: string;

  @Field(() => SourceType, { description: 'The page.' })
  source!: SourceType;
}

@ObjectType('ClusterLevelPeriod', { description: 'One level a cluster held, from when, until when, and why.' })
export class ClusterLevelPeriodType {
  @Field(() => ClusterLevelEnum, { description: 'The level held in this period.' })
  level!: ClusterLevel;

  @Field(() => String, {
    nullable: true,
    description:
      'YYYY-MM-DD: the first day at this level (1 January when fromPrecision is YEAR). Null for a reported period no source gives the start of.',
  })
  from!: string | null;

  @Field(() => DatePrecisionEnum, {
    nullable: true,
    description: 'How exact `from` is: DAY, or YEAR when a source gives only the year; null with from.',
  })
  fromPrecision!: 'DAY' | 'YEAR' | null;

  @Field(() => String, {
    nullable: true,
    description:
      'YYYY-MM-DD, exclusive: the first day the cluster no longer held this level (1 January of the year after toYear for a reported period). Null while the period lasts, or while its end is not known.',
  })
  to!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The year the period began; null when not known. Show years, not days, for a YEAR period.',
  })
  fromYear!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The last year at the level (inclusive: the year it ended); null while it lasts or when not known. See endedBy for how it is known.',
  })
  toYear!: number | null;

  @Field({
    description:
      'Why the cluster holds this level: the decision or reason given, e.g. "Granted NCE status in programme ... by innovasjon-norge", or what the sources say.',
  })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What decided it, e.g. grant:<id> for the grant that gave the level; null when not recorded.',
  })
  decisionReference!: string | null;

  @Field(() => PeriodBasisEnum, { description: 'RECORDED in Klynge, or REPORTED by public sources.' })
  basis!: keyof typeof PeriodBasisEnum;

  @Field(() => PeriodEndEnum, {
    nullable: true,
    description: "How a reported period's end (toYear) is known; null for a recorded period, and while no end is known.",
  })
  endedBy!: keyof typeof PeriodEndEnum | null;

  @Field(() => [Int], { description: 'Every start year the sources give: more than one when they disagree (fromYear is the earliest).' })
  fromYearsReported!: number[];

  @Field(() => [Int], { description: 'Every end year the sources give: more than one when they disagree (toYear is the latest).' })
  toYearsReported!: number[];

  @Field(() => [LevelClaimType], { description: 'What each source says of the period; empty for a recorded one.' })
  claims!: LevelClaimType[];
}

@ObjectType('MemberStats', {
  description:
    'Current members, and how many are SMEs (EU definition: under 250 employees), as Klynge records them. Every count is null when Klynge holds no membership of the cluster at all: its members are not known, not none (see Cluster.membersReported for what sources say).',
})
export class MemberStatsType {
  @Field({ description: 'Whether Klynge holds the memberships of this cluster; when false, the counts below are null (not known).' })
  recorded!: boolean;

  @Field(() => Int, {
    nullable: true,
    description:
      'Organisations with a membership that has not ended (no leave date, or a leave date today or later); null when not recorded.',
  })
  memberCount!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Of those, the members with fewer than 250 employees; members whose headcount is not known are not counted. Null when not recorded.',
  })
  smeCount!: number | null;

  @Field(() => Int, { nullable: true, description: 'Members whose headcount is known (the base of smeShare); null when not recorded.' })
  sizeKnownCount!: number | null;

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

  @Field(() => String, {
    nullable: true,
    description:
      'The county (fylke) of its home, as numbered from 2024: two digits, e.g. "42" for Agder. Null when its sources name no county, or several.',
  })
  countyCode!: string | null;

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

  @Field(() => [String], { description: 'Earlier or other names, as its sources give them; empty when none.' })
  otherNames!: string[];
}

export const ClusterConnection = connectionOf(ClusterType, 'Cluster', 'clusters');

@InputType('ClusterFilter', { description: 'Which clusters to list: each field given narrows the list; none given lists every cluster.' })
export class ClusterFilter {
  @Field(() => ClusterLevelEnum, { nullable: true, description: 'Only clusters that hold this level today.' })
  level?: ClusterLevel;

  @Field(() => ClusterLevelEnum, {
    nullable: true,
    description: 'Only clusters whose level history holds this level at any time, recorded or reported (e.g. NCE: those that were NCE).',
  })
  heldLevel?: ClusterLevel;

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
