import { CLUSTER_LEVELS, type ClusterLevel, type CompetenceProgrammeStatus, type DatePrecision } from '@klynge/contracts';
import { DatePrecisionEnum, Limits } from '@klynge/platform';
import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export const ClusterLevelEnum = Object.fromEntries(CLUSTER_LEVELS.map((level) => [level, level])) as {
  [L in ClusterLevel]: L;
};
// The same enum the clusters subgraph defines; composition merges them.
registerEnumType(ClusterLevelEnum, {
  name: 'ClusterLevel',
  description: 'Programme levels: ARENA (early phase), ARENA_PRO (from 2019), NCE (a level until 2018), GCE.',
});

export const PROGRAMME_STATUSES = ['PLANNED', 'OPEN', 'RUNNING', 'COMPLETED', 'CANCELLED'] as const;
export const ProgrammeStatusEnum = Object.fromEntries(PROGRAMME_STATUSES.map((status) => [status, status])) as {
  [S in CompetenceProgrammeStatus]: S;
};
registerEnumType(ProgrammeStatusEnum, {
  name: 'CompetenceProgrammeStatus',
  description: 'PLANNED -> OPEN (once its grant is awarded) -> RUNNING -> COMPLETED, or CANCELLED.',
});

export const MODULE_FORMATS = ['WORKSHOP', 'COURSE', 'ONLINE', 'MENTORING', 'STUDY_TRIP'] as const;
export type ModuleFormat = (typeof MODULE_FORMATS)[number];
export const ModuleFormatEnum = Object.fromEntries(MODULE_FORMATS.map((format) => [format, format])) as {
  [F in ModuleFormat]: F;
};
registerEnumType(ModuleFormatEnum, { name: 'ModuleFormat' });

@ObjectType('KnowledgeTransfer', { description: 'Expertise a programme carries from a source cluster or sector to a target sector.' })
export class KnowledgeTransferType {
  @Field()
  source!: string;

  @Field()
  targetSector!: string;
}

@ObjectType('Module', { description: 'A part of a competence programme.' })
export class ModuleType {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  theme!: string;

  @Field(() => ModuleFormatEnum)
  format!: ModuleFormat;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  startsOn!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  endsOn!: string | null;

  @Field(() => Int, { nullable: true })
  capacity!: number | null;
}

@ObjectType('ProgrammeReach', { description: 'Companies reached against the target, and how many came from outside the clusters.' })
export class ProgrammeReachType {
  @Field(() => Int, { description: 'Enrolled or completed (not dropped).' })
  companiesReached!: number;

  @Field(() => Int, { nullable: true })
  targetCompanies!: number | null;

  @Field(() => Float, { nullable: true, description: 'companiesReached / targetCompanies' })
  shareOfTarget!: number | null;

  @Field(() => Int, { description: 'Reached companies that were members of no cluster when they enrolled.' })
  outsideClusters!: number;

  @Field(() => Float, { nullable: true, description: 'outsideClusters / companiesReached' })
  outsideClusterShare!: number | null;

  @Field(() => Int)
  completed!: number;

  @Field(() => Int)
  dropped!: number;
}

@Directive('@key(fields: "id")')
@ObjectType('CompetenceProgramme', {
  description: 'A programme through which clusters lift the skills of small and medium-sized companies.',
})
export class CompetenceProgrammeType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => [String], { description: 'innovation, sustainability, technology, digitalisation, productivity, ...' })
  themes!: string[];

  @Field(() => [ClusterLevelEnum], {
    nullable: true,
    description: 'Clusters at these levels may host it; null when not known (its sources do not say).',
  })
  acceptedHostLevels!: ClusterLevel[] | null;

  @Field(() => Int, { nullable: true, description: 'Companies it aims to reach.' })
  targetCompanies!: number | null;

  @Field(() => Int, { nullable: true, description: 'Most enrolments it takes; null when no limit is set.' })
  capacity!: number | null;

  @Field({ description: 'YYYY-MM-DD' })
  periodStart!: string;

  @Field(() => DatePrecisionEnum)
  periodStartPrecision!: DatePrecision;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  periodEnd!: string | null;

  @Field(() => DatePrecisionEnum, { nullable: true, description: 'Null when it has no end.' })
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

@InputType('KnowledgeTransferInput')
export class KnowledgeTransferInput {
  @Field({ description: 'The source cluster or sector, e.g. oil and gas technology' })
  source!: string;

  @Field({ description: 'e.g. health care' })
  targetSector!: string;
}

@InputType('PlanProgrammeInput')
export class PlanProgrammeInput {
  @Field()
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
  @Field(() => [String], { defaultValue: [] })
  themes!: string[];

  @Field(() => Int, { nullable: true })
  targetCompanies?: number;

  @Field(() => Int, { nullable: true, description: 'Most enrolments it takes; no limit when left out.' })
  capacity?: number;

  @Field({ description: 'YYYY-MM-DD: the first day of its month or year when only that is known.' })
  periodStart!: string;

  @Field(() => DatePrecisionEnum, { defaultValue: 'DAY' })
  periodStartPrecision!: DatePrecision;

  @Field({ nullable: true, description: 'YYYY-MM-DD: the last day of its month or year when only that is known.' })
  periodEnd?: string;

  @Field(() => DatePrecisionEnum, { defaultValue: 'DAY' })
  periodEndPrecision!: DatePrecision;

  @Field({
    nullable: true,
    description: 'For a programme from the past, recorded from a public report: which (e.g. "Innovasjon Norge, 2015").',
  })
  source?: string;

  @Field(() => ProgrammeStatusEnum, {
    nullable: true,
    description: 'With source: the status that source supports (PLANNED, RUNNING, COMPLETED or CANCELLED; OPEN comes with its grant).',
  })
  reportedStatus?: CompetenceProgrammeStatus;

  @Field({ nullable: true, description: 'The funding programme it belongs to (its code).' })
  fundingProgrammeCode?: string;

  @Field(() => ID, { nullable: true, description: 'The funding application for its grant; it opens when that grant is awarded.' })
  fundingApplicationId?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'A grant made already (e.g. one reported from a public source) that funds it; it can then be opened. Not with fundingApplicationId.',
  })
  grantId?: string;

  @Field(() => KnowledgeTransferInput, { nullable: true })
  knowledgeTransfer?: KnowledgeTransferInput;
}

@InputType('AddModuleInput')
export class AddModuleInput {
  @Field(() => ID)
  programmeId!: string;

  @Field()
  title!: string;

  @Field()
  theme!: string;

  @Field(() => ModuleFormatEnum)
  format!: ModuleFormat;

  @Field({ nullable: true })
  startsOn?: string;

  @Field({ nullable: true })
  endsOn?: string;

  @Field(() => Int, { nullable: true })
  capacity?: number;
}
