import {
  CLUSTER_LEVEL_DESCRIPTIONS,
  CLUSTER_LEVELS,
  type ClusterLevel,
  type CompetenceProgrammeStatus,
  type DatePrecision,
} from '@klynge/contracts';
import { DatePrecisionEnum, graphqlEnum, Limits } from '@klynge/platform';
import { Directive, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

// The same enum the clusters subgraph defines; composition merges them.
export const ClusterLevelEnum = graphqlEnum(CLUSTER_LEVELS, { name: 'ClusterLevel', ...CLUSTER_LEVEL_DESCRIPTIONS });

export const PROGRAMME_STATUSES = ['PLANNED', 'OPEN', 'RUNNING', 'COMPLETED', 'CANCELLED'] as const;
export const PeriodPhaseEnum = graphqlEnum(['BEFORE', 'DURING', 'AFTER', 'NOT_KNOWN'], {
  name: 'ProgrammePeriodPhase',
  description:
    "Where today falls against a programme's period, as its dates say (for a reported programme, beside the status its source supports).",
  valuesConfig: {
    BEFORE: { description: 'Its period has not begun.' },
    DURING: { description: 'Today is within its period.' },
    AFTER: { description: 'Its period has passed (whether it ended as planned, no date says).' },
    NOT_KNOWN: { description: 'It has begun, and no end is known: whether it still runs, its dates do not say.' },
  },
});
export type PeriodPhase = keyof typeof PeriodPhaseEnum;

export const ProgrammeStatusEnum = graphqlEnum(PROGRAMME_STATUSES, {
  name: 'CompetenceProgrammeStatus',
  description: 'PLANNED -> OPEN (once its grant is awarded) -> RUNNING -> COMPLETED, or CANCELLED.',
  valuesConfig: {
    PLANNED: { description: 'Planned; not yet taking enrolments.' },
    OPEN: { description: 'Its grant is awarded: it takes enrolments.' },
    RUNNING: { description: 'Under way: it still takes enrolments while it has room.' },
    COMPLETED: { description: 'Ended as planned.' },
    CANCELLED: { description: 'Called off before it completed.' },
  },
});

export const MODULE_FORMATS = ['WORKSHOP', 'COURSE', 'ONLINE', 'MENTORING', 'STUDY_TRIP'] as const;
export type ModuleFormat = (typeof MODULE_FORMATS)[number];
export const ModuleFormatEnum = graphqlEnum(MODULE_FORMATS, {
  name: 'ModuleFormat',
  description: 'How a module is given.',
  valuesConfig: {
    WORKSHOP: { description: 'A workshop.' },
    COURSE: { description: 'A course.' },
    ONLINE: { description: 'Online.' },
    MENTORING: { description: 'Mentoring.' },
    STUDY_TRIP: { description: 'A study trip.' },
  },
});

@ObjectType('KnowledgeTransfer', { description: 'Expertise a programme carries from a source cluster or sector to a target sector.' })
export class KnowledgeTransferType {
  @Field({ description: 'The source cluster or sector, e.g. oil and gas technology.' })
  source!: string;

  @Field({ description: 'The sector it is carried to, e.g. health care.' })
  targetSector!: string;
}

@ObjectType('Module', { description: 'A part of a competence programme.' })
export class ModuleType {
  @Field(() => ID, { description: "The module's id, a UUID." })
  id!: string;

  @Field({ description: "The module's title." })
  title!: string;

  @Field({ description: 'Its theme, in lower case, e.g. digitalisation.' })
  theme!: string;

  @Field(() => ModuleFormatEnum, { description: 'How it is given.' })
  format!: ModuleFormat;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: its first day; null when not set.' })
  startsOn!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: its last day; null when not set.' })
  endsOn!: string | null;

  @Field(() => Int, { nullable: true, description: 'How many places it has; null when no limit is set.' })
  capacity!: number | null;
}

@ObjectType('ProgrammeReach', {
  description:
    'Companies reached against the target, and how many came from outside the clusters. For a programme reported from a public source whose enrolments Klynge does not hold, the counts are null: not known, not none.',
})
export class ProgrammeReachType {
  @Field({ description: 'Whether Klynge holds the enrolments: a programme run here, or one reported with enrolments recorded since.' })
  recorded!: boolean;

  @Field(() => Int, { nullable: true, description: 'Enrolled or completed (not dropped); null when not recorded.' })
  companiesReached!: number | null;

  @Field(() => Int, { nullable: true, description: 'Companies the programme aims to reach; null when no target is set.' })
  targetCompanies!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'companiesReached / targetCompanies (above 1 past the target); null without a target, or when not recorded.',
  })
  shareOfTarget!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Reached companies that were members of no cluster when they enrolled; null when not recorded.',
  })
  outsideClusters!: number | null;

  @Field(() => Float, { nullable: true, description: 'outsideClusters / companiesReached, 0 to 1; null while none is reached.' })
  outsideClusterShare!: number | null;

  @Field(() => Int, { nullable: true, description: 'Enrolments COMPLETED; null when not recorded.' })
  completed!: number | null;

  @Field(() => Int, { nullable: true, description: 'Enrolments DROPPED; null when not recorded.' })
  dropped!: number | null;
}

@Directive('@key(fields: "id")')
@ObjectType('CompetenceProgramme', {
  description: 'A programme through which clusters lift the skills of small and medium-sized companies.',
})
export class CompetenceProgrammeType {
  @Field(() => ID, { description: "The programme's id, a UUID." })
  id!: string;

  @Field({ description: "The programme's name, unique." })
  name!: string;

  @Field(() => [String], {
    description: 'Its themes, in lower case: innovation, sustainability, technology, digitalisation, productivity, ...',
  })
  themes!: string[];

  @Field(() => [ClusterLevelEnum], {
    nullable: true,
    description: 'Clusters at these levels may host it; null when not known (its sources do not say).',
  })
  acceptedHostLevels!: ClusterLevel[] | null;

  @Field(() => Int, { nullable: true, description: 'Companies it aims to reach; null when no target is set.' })
  targetCompanies!: number | null;

  @Field(() => Int, { nullable: true, description: 'Most enrolments it takes; null when no limit is set.' })
  capacity!: number | null;

  @Field({ description: 'YYYY-MM-DD: its first day (of its month or year, as periodStartPrecision says).' })
  periodStart!: string;

  @Field(() => DatePrecisionEnum, { description: 'How exact periodStart is.' })
  periodStartPrecision!: DatePrecision;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD: its last day (of its month or year, as periodEndPrecision says); null when it has no end.',
  })
  periodEnd!: string | null;

  @Field(() => DatePrecisionEnum, { nullable: true, description: 'How exact periodEnd is. Null when it has no end.' })
  periodEndPrecision!: DatePrecision | null;

  @Field(() => ProgrammeStatusEnum, {
    description: 'For a programme recorded from a public report (see source), the last status that source supports.',
  })
  status!: CompetenceProgrammeStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Where a programme recorded from a public report comes from, e.g. "Innovasjon Norge, 2015"; null for one planned here.',
  })
  source!: string | null;
}

@InputType('KnowledgeTransferInput', { description: 'Expertise the programme carries from one cluster or sector to another sector.' })
export class KnowledgeTransferInput {
  @Field({ description: 'The source cluster or sector, e.g. oil and gas technology: at most 200 characters.' })
  source!: string;

  @Field({ description: 'The sector it is carried to, e.g. health care: at most 200 characters.' })
  targetSector!: string;
}

@InputType('PlanProgrammeInput', { description: 'A new competence programme: PLANNED until the grant that funds it is awarded.' })
export class PlanProgrammeInput {
  @Field({ description: 'Its name: at most 200 characters, unique (CONFLICT otherwise).' })
  name!: string;

  @Limits({ maxItems: 10 })
  @Field(() => [ID], { description: 'The host clusters; each must be at an accepted level.' })
  hostClusterIds!: string[];

  @Limits({ maxItems: 10 })
  @Field(() => [ClusterLevelEnum], {
    nullable: true,
    defaultValue: ['ARENA', 'ARENA_PRO', 'NCE', 'GCE'],
    description: 'null: not known (a programme from the past whose sources do not say); its hosts are then not checked against it.',
  })
  acceptedHostLevels!: ClusterLevel[] | null;

  @Limits({ maxItems: 20, maxLength: 100 })
  @Field(() => [String], { defaultValue: [], description: 'Its themes, e.g. digitalisation; kept in lower case, each once.' })
  themes!: string[];

  @Field(() => Int, { nullable: true, description: 'Companies it aims to reach: 1 or more; no target when left out.' })
  targetCompanies?: number;

  @Field(() => Int, { nullable: true, description: 'Most enrolments it takes: 1 or more; no limit when left out.' })
  capacity?: number;

  @Field({ description: 'YYYY-MM-DD: the first day of its month or year when only that is known.' })
  periodStart!: string;

  @Field(() => DatePrecisionEnum, { defaultValue: 'DAY', description: 'How exact periodStart is.' })
  periodStartPrecision!: DatePrecision;

  @Field({ nullable: true, description: 'YYYY-MM-DD: the last day of its month or year when only that is known.' })
  periodEnd?: string;

  @Field(() => DatePrecisionEnum, { defaultValue: 'DAY', description: 'How exact periodEnd is; ignored without a periodEnd.' })
  periodEndPrecision!: DatePrecision;

  @Field({
    nullable: true,
    description:
      'For a programme from the past, recorded from a public report: which (e.g. "Innovasjon Norge, 2015"), at most 300 characters.',
  })
  source?: string;

  @Field(() => ProgrammeStatusEnum, {
    nullable: true,
    description: 'With source: the status that source supports (PLANNED, RUNNING, COMPLETED or CANCELLED; OPEN comes with its grant).',
  })
  reportedStatus?: CompetenceProgrammeStatus;

  @Field({
    nullable: true,
    description:
      "The funding programme it belongs to (its code); needed with fundingApplicationId or grantId. Without one, it belongs to the cluster programme's agencies.",
  })
  fundingProgrammeCode?: string;

  @Field(() => ID, { nullable: true, description: 'The funding application for its grant; it opens when that grant is awarded.' })
  fundingApplicationId?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'A grant made already (e.g. one reported from a public source) that funds it; it can then be opened. Not with fundingApplicationId.',
  })
  grantId?: string;

  @Field(() => KnowledgeTransferInput, { nullable: true, description: 'Expertise it carries across sectors, where it does.' })
  knowledgeTransfer?: KnowledgeTransferInput;
}

@InputType('AddModuleInput', { description: 'A new module of a programme that has not completed or been cancelled.' })
export class AddModuleInput {
  @Field(() => ID, { description: 'The programme.' })
  programmeId!: string;

  @Field({ description: "The module's title: at most 200 characters." })
  title!: string;

  @Field({ description: 'Its theme, e.g. digitalisation: at most 100 characters, kept in lower case.' })
  theme!: string;

  @Field(() => ModuleFormatEnum, { description: 'How it is given.' })
  format!: ModuleFormat;

  @Field({ nullable: true, description: 'YYYY-MM-DD: its first day.' })
  startsOn?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD: its last day; not before startsOn.' })
  endsOn?: string;

  @Field(() => Int, { nullable: true, description: 'How many places it has: 1 or more; no limit when left out.' })
  capacity?: number;
}
