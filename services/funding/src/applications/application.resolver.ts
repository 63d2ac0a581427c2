import { type ConnectionPage, type RequestContext, requireCaller, PageArgs } from '@klynge/platform';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { mayReadApplicantSide, requireAgencyCaseworker, requireApplicantSide } from '../auth';
import type { GrantQueries, GrantRecord } from '../grants/grant.queries';
import { GrantType } from '../grants/grant.types';
import type { ProgrammeQueries, ProgrammeRow } from '../programmes/programme.queries';
import { CallType, FundingProgrammeType } from '../programmes/programme.types';
import type { ApplicationQueries, ApplicationRecord } from './application.queries';
import type { ApplicationService } from './application.service';
import {
  ApplicantType,
  ApplicationConnection,
  ApplicationFilter,
  ApplicationStepType,
  ApplicationType,
  CreateApplicationInput,
  DecideApplicationInput,
} from './application.types';

@Resolver(() => ApplicationType)
export class ApplicationResolver {
  constructor(
    private readonly applicationService: ApplicationService,
    private readonly applicationQueries: ApplicationQueries,
    private readonly programmeQueries: ProgrammeQueries,
    private readonly grantQueries: GrantQueries,
  ) {}

  @Query(() => ApplicationType, { nullable: true, description: 'One application, by id; null when there is none.' })
  application(
    @Arg('id', () => ID, { description: "The application's id." }) id: string,
    @Ctx() context: RequestContext,
  ): Promise<ApplicationRecord | null> {
    return this.applicationQueries.byId(context, id);
  }

  @Query(() => ApplicationConnection, { description: 'Applications, newest first, filtered, a page at a time.' })
  applications(
    @Arg('filter', () => ApplicationFilter, { nullable: true, description: 'Which applications; every one when left out.' })
    filter: ApplicationFilter | undefined,
    @Args() page: PageArgs,
  ): Promise<ConnectionPage<ApplicationRecord>> {
    return this.applicationQueries.list(filter, page.first, page.after);
  }

  @FieldResolver(() => CallType, { description: 'The call applied to.' })
  async call(@Root() application: ApplicationRecord, @Ctx() context: RequestContext): Promise<CallType> {
    return (await this.programmeQueries.call(context, application.callId))!;
  }

  @FieldResolver(() => FundingProgrammeType, { description: 'The programme of the call.' })
  async programme(@Root() application: ApplicationRecord, @Ctx() context: RequestContext): Promise<ProgrammeRow> {
    return (await this.programmeQueries.programme(context, application.programmeCode))!;
  }

  @FieldResolver(() => ApplicantType, { description: 'Who applies: a cluster or an organisation.' })
  applicant(@Root() application: ApplicationRecord): ApplicantType {
    return application.applicant;
  }

  @FieldResolver(() => [ApplicationStepType], {
    description: 'Every step taken, oldest first: when, to which status, and (for those who may see it) by whom.',
  })
  async steps(@Root() application: ApplicationRecord, @Ctx() context: RequestContext): Promise<ApplicationStepType[]> {
    const steps = await this.applicationQueries.steps(context, application.id);
    const programme = (await this.programmeQueries.programme(context, application.programmeCode))!;
    if (mayReadApplicantSide(context.caller, ownerOf(application, programme))) return steps;
    return steps.map((step) => ({ ...step, actor: null, note: null }));
  }

  @FieldResolver(() => GrantType, { nullable: true, description: 'The grant made on it; null unless it was GRANTED.' })
  grant(@Root() application: ApplicationRecord, @Ctx() context: RequestContext): Promise<GrantRecord | null> {
    return this.grantQueries.ofApplication(context, application.id);
  }

  @Mutation(() => ApplicationType, {
    description: "Creates a DRAFT application. Admins, caseworkers of the programme's agency, and the applying cluster's manager.",
  })
  createApplication(
    @Arg('input', () => CreateApplicationInput, { description: 'The application.' }) input: CreateApplicationInput,
    @Ctx() context: RequestContext,
  ) {
    requireCaller(context.caller);
    return this.applicationService.create(input, (owner) => requireApplicantSide(context.caller, owner, 'apply'));
  }

  @Mutation(() => ApplicationType, {
    description:
      "DRAFT -> SUBMITTED, while the call is open (CONFLICT otherwise); the applicant must still be eligible and the programme have a budget for the call's budgetYear. Admins, caseworkers of the programme's agency, and the applying cluster's manager.",
  })
  submitApplication(@Arg('id', () => ID, { description: "The application's id." }) id: string, @Ctx() context: RequestContext) {
    return this.applicationService.submit(id, ({ application, programme }) =>
      requireApplicantSide(context.caller, ownerOf(application, programme), 'submit this application'),
    );
  }

  @Mutation(() => ApplicationType, { description: "SUBMITTED -> UNDER_REVIEW. Caseworkers of the programme's agency." })
  startReview(@Arg('id', () => ID, { description: "The application's id." }) id: string, @Ctx() context: RequestContext) {
    return this.applicationService.startReview(id, ({ programme }) =>
      requireAgencyCaseworker(context.caller, programme.agencyCode, "review its programmes' applications"),
    );
  }

  @Mutation(() => ApplicationType, {
    description: "UNDER_REVIEW -> GRANTED (making the grant) or REJECTED. Caseworkers of the programme's agency.",
  })
  decideApplication(
    @Arg('id', () => ID, { description: "The application's id." }) id: string,
    @Arg('input', () => DecideApplicationInput, { description: 'The decision.' }) input: DecideApplicationInput,
    @Ctx() context: RequestContext,
  ) {
    return this.applicationService.decide(id, input, ({ programme }) =>
      requireAgencyCaseworker(context.caller, programme.agencyCode, "decide its programmes' applications"),
    );
  }

  @Mutation(() => ApplicationType, {
    description: "-> WITHDRAWN, before a decision. Admins, caseworkers of the programme's agency, and the applying cluster's manager.",
  })
  withdrawApplication(
    @Arg('id', () => ID, { description: "The application's id." }) id: string,
    @Ctx() context: RequestContext,
    @Arg('note', () => String, { nullable: true, description: "Why: at most 2000 characters; shown like the step's actor." }) note?: string,
  ) {
    return this.applicationService.withdraw(
      id,
      ({ application, programme }) => requireApplicantSide(context.caller, ownerOf(application, programme), 'withdraw this application'),
      note,
    );
  }
}

/** Whom an application belongs to: the agency of its programme, and the cluster that applies. */
function ownerOf(application: ApplicationRecord, programme: ProgrammeRow) {
  return { agencyCode: programme.agencyCode, clusterId: application.applicant.clusterId ?? null };
}
