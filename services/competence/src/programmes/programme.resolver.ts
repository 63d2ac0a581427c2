import { norwegianDate, type RequestContext } from '@klynge/platform';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requirePlanner, requireProgrammeRunner, RUNNERS } from '../auth';
import { type EnrolmentQueries } from '../enrolments/enrolment.queries';
import type { EnrolmentRecord } from '../enrolments/enrolment.service';
import { EnrolmentStatusEnum, type EnrolmentStatus, EnrolmentType } from '../enrolments/enrolment.types';
import type { ReachQueries } from '../reach/reach.queries';
import type { ProgrammeQueries, ProgrammeRecord } from './programme.queries';
import type { ProgrammeService } from './programme.service';
import { periodPhaseOf } from './period-phase';
import { ClusterReference, FundingProgrammeReference, GrantReference } from '../references';
import {
  PeriodPhaseEnum,
  type PeriodPhase,
  AddModuleInput,
  CompetenceProgrammeType,
  KnowledgeTransferType,
  ModuleType,
  PlanProgrammeInput,
  ProgrammeReachType,
  ProgrammeStatusEnum,
} from './programme.types';

@Resolver(() => CompetenceProgrammeType)
export class ProgrammeResolver {
  constructor(
    private readonly programmeService: ProgrammeService,
    private readonly programmeQueries: ProgrammeQueries,
    private readonly enrolmentQueries: EnrolmentQueries,
    private readonly reachQueries: ReachQueries,
  ) {}

  @Query(() => CompetenceProgrammeType, { nullable: true, description: 'One competence programme, by id; null when there is none.' })
  competenceProgramme(
    @Arg('id', () => ID, { description: "The programme's id." }) id: string,
    @Ctx() context: RequestContext,
  ): Promise<ProgrammeRecord | null> {
    return this.programmeQueries.byId(context, id);
  }

  @Query(() => [CompetenceProgrammeType], { description: 'Competence programmes, the latest start first, optionally by status and theme.' })
  competenceProgrammes(
    @Arg('status', () => ProgrammeStatusEnum, { nullable: true, description: 'Only programmes with this status.' }) status?: string,
    @Arg('theme', () => String, { nullable: true, description: 'Only programmes with this theme (in any case).' }) theme?: string,
  ): Promise<ProgrammeRecord[]> {
    return this.programmeQueries.list({ ...(status ? { status } : {}), ...(theme ? { theme: theme.toLowerCase() } : {}) });
  }

  @FieldResolver(() => PeriodPhaseEnum, {
    description:
      'Where today (in Norway) falls against its period: BEFORE, DURING, AFTER, or NOT_KNOWN when it has begun and no end is known. A period known to the month or year ends with that month or year.',
  })
  periodPhase(@Root() programme: ProgrammeRecord): PeriodPhase {
    return periodPhaseOf(programme, norwegianDate(new Date()));
  }

  @FieldResolver(() => [ClusterReference], { description: 'The clusters that host it.' })
  async hostClusters(@Root() programme: ProgrammeRecord, @Ctx() context: RequestContext): Promise<ClusterReference[]> {
    return (await this.programmeQueries.hosts(context, programme.id)).map((id) => ({ id }));
  }

  @FieldResolver(() => FundingProgrammeReference, { nullable: true, description: 'The funding programme it belongs to.' })
  fundingProgramme(@Root() programme: ProgrammeRecord): FundingProgrammeReference | null {
    return programme.fundingProgrammeCode ? { code: programme.fundingProgrammeCode } : null;
  }

  @FieldResolver(() => GrantReference, { nullable: true, description: 'The grant that funds it, once awarded.' })
  grant(@Root() programme: ProgrammeRecord): GrantReference | null {
    return programme.grantId ? { id: programme.grantId } : null;
  }

  @FieldResolver(() => KnowledgeTransferType, {
    nullable: true,
    description: 'Expertise it carries across sectors; null when none is recorded.',
  })
  knowledgeTransfer(@Root() programme: ProgrammeRecord): KnowledgeTransferType | null {
    return programme.knowledgeSource && programme.knowledgeTarget
      ? { source: programme.knowledgeSource, targetSector: programme.knowledgeTarget }
      : null;
  }

  @FieldResolver(() => [ModuleType], { description: 'Its modules, by start day (those without one last), then title.' })
  modules(@Root() programme: ProgrammeRecord, @Ctx() context: RequestContext): Promise<ModuleType[]> {
    return this.programmeQueries.modules(context, programme.id);
  }

  @FieldResolver(() => [EnrolmentType], { description: 'Its enrolments, the earliest first.' })
  enrolments(
    @Root() programme: ProgrammeRecord,
    @Ctx() context: RequestContext,
    @Arg('status', () => EnrolmentStatusEnum, { nullable: true, description: 'Only enrolments with this status.' })
    status?: EnrolmentStatus,
  ): Promise<EnrolmentRecord[]> {
    return this.enrolmentQueries.ofProgramme(context, programme.id, status);
  }

  @FieldResolver(() => ProgrammeReachType, { description: 'How many companies it has reached, against its target.' })
  reach(@Root() programme: ProgrammeRecord, @Ctx() context: RequestContext): Promise<ProgrammeReachType> {
    return this.reachQueries.ofProgramme(context, programme);
  }

  @Mutation(() => CompetenceProgrammeType, {
    description:
      "Plans a programme: PLANNED; it opens when its grant is awarded. Admins, and caseworkers of its funding programme's agency (without one, of the cluster programme's agencies).",
  })
  planProgramme(
    @Arg('input', () => PlanProgrammeInput, { description: 'The programme.' }) input: PlanProgrammeInput,
    @Ctx() context: RequestContext,
  ) {
    return this.programmeService.plan(input, (owner) => requirePlanner(context.caller, owner));
  }

  @Mutation(() => ModuleType, { description: `Adds a module to a programme. ${RUNNERS}` })
  addModule(@Arg('input', () => AddModuleInput, { description: 'The module.' }) input: AddModuleInput, @Ctx() context: RequestContext) {
    return this.programmeService.addModule(input, (owner) => requireProgrammeRunner(context.caller, owner, 'add modules'));
  }

  @Mutation(() => CompetenceProgrammeType, { description: `PLANNED -> OPEN, once its grant is awarded (CONFLICT before). ${RUNNERS}` })
  openProgramme(@Arg('id', () => ID, { description: "The programme's id." }) id: string, @Ctx() context: RequestContext) {
    return this.programmeService.changeStatus(id, 'OPEN', (owner) => requireProgrammeRunner(context.caller, owner, 'open it'));
  }

  @Mutation(() => CompetenceProgrammeType, { description: `OPEN -> RUNNING. ${RUNNERS}` })
  startProgramme(@Arg('id', () => ID, { description: "The programme's id." }) id: string, @Ctx() context: RequestContext) {
    return this.programmeService.changeStatus(id, 'RUNNING', (owner) => requireProgrammeRunner(context.caller, owner, 'start it'));
  }

  @Mutation(() => CompetenceProgrammeType, { description: `RUNNING -> COMPLETED. ${RUNNERS}` })
  completeProgramme(@Arg('id', () => ID, { description: "The programme's id." }) id: string, @Ctx() context: RequestContext) {
    return this.programmeService.changeStatus(id, 'COMPLETED', (owner) => requireProgrammeRunner(context.caller, owner, 'complete it'));
  }

  @Mutation(() => CompetenceProgrammeType, { description: `PLANNED, OPEN or RUNNING -> CANCELLED. ${RUNNERS}` })
  cancelProgramme(@Arg('id', () => ID, { description: "The programme's id." }) id: string, @Ctx() context: RequestContext) {
    return this.programmeService.changeStatus(id, 'CANCELLED', (owner) => requireProgrammeRunner(context.caller, owner, 'cancel it'));
  }
}

@Resolver(() => ClusterReference)
export class ClusterProgrammesResolver {
  constructor(private readonly programmeQueries: ProgrammeQueries) {}

  // Nullable, as a field added to another subgraph's entity: while competence is down, the
  // gateway can still answer the rest of a query about the cluster.
  @FieldResolver(() => [CompetenceProgrammeType], { nullable: true, description: 'Competence programmes it hosts, newest first.' })
  hostedProgrammes(@Root() cluster: ClusterReference, @Ctx() context: RequestContext): Promise<ProgrammeRecord[]> {
    return this.programmeQueries.hostedBy(context, cluster.id);
  }
}
