import type { RequestContext } from '@klynge/platform';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { requireProgrammeRunner, RUNNERS } from '../auth';
import type { ProgrammeQueries, ProgrammeRecord } from '../programmes/programme.queries';
import { CompetenceProgrammeType } from '../programmes/programme.types';
import { OrganizationReference } from '../references';
import type { EnrolmentQueries } from './enrolment.queries';
import type { EnrolmentRecord, EnrolmentService } from './enrolment.service';
import { EnrolCompanyInput, EnrolmentType } from './enrolment.types';

@Resolver(() => EnrolmentType)
export class EnrolmentResolver {
  constructor(
    private readonly enrolmentService: EnrolmentService,
    private readonly programmeQueries: ProgrammeQueries,
  ) {}

  @FieldResolver(() => CompetenceProgrammeType, { description: 'The programme.' })
  async programme(@Root() enrolment: EnrolmentRecord, @Ctx() context: RequestContext): Promise<ProgrammeRecord> {
    return (await this.programmeQueries.byId(context, enrolment.programmeId))!;
  }

  @FieldResolver(() => OrganizationReference, {
    nullable: true,
    description:
      'The enrolled organisation, from the cluster registry. Null, with a NOT_FOUND error naming it, if the registry does not know it.',
  })
  organization(@Root() enrolment: EnrolmentRecord): OrganizationReference {
    return { orgNumber: enrolment.orgNumber };
  }

  @Mutation(() => EnrolmentType, {
    description: `Enrols an organisation, while the programme is OPEN or RUNNING and has room; once per organisation. ${RUNNERS}`,
  })
  enrolCompany(
    @Arg('input', () => EnrolCompanyInput, { description: 'Who enrols where.' }) input: EnrolCompanyInput,
    @Ctx() context: RequestContext,
  ) {
    return this.enrolmentService.enrol(input, (owner) => requireProgrammeRunner(context.caller, owner, 'enrol companies'));
  }

  @Mutation(() => EnrolmentType, {
    description: `Records that an ENROLLED company completed one of the programme's modules; recording it again changes nothing. ${RUNNERS}`,
  })
  completeModule(
    @Arg('enrolmentId', () => ID, { description: "The enrolment's id." }) enrolmentId: string,
    @Arg('moduleId', () => ID, { description: "The module's id: one of the enrolment's programme." }) moduleId: string,
    @Arg('completedOn', { description: 'YYYY-MM-DD: not before the company enrolled.' }) completedOn: string,
    @Ctx() context: RequestContext,
  ) {
    return this.enrolmentService.completeModule(enrolmentId, moduleId, completedOn, (owner) =>
      requireProgrammeRunner(context.caller, owner, 'record completions'),
    );
  }

  @Mutation(() => EnrolmentType, { description: `ENROLLED -> COMPLETED. ${RUNNERS}` })
  completeEnrolment(
    @Arg('id', () => ID, { description: "The enrolment's id." }) id: string,
    @Arg('completedOn', { description: 'YYYY-MM-DD: not before the company enrolled.' }) completedOn: string,
    @Ctx() context: RequestContext,
  ) {
    return this.enrolmentService.complete(id, completedOn, (owner) => requireProgrammeRunner(context.caller, owner, 'record completions'));
  }

  @Mutation(() => EnrolmentType, { description: `ENROLLED -> DROPPED; the place is free again. ${RUNNERS}` })
  dropEnrolment(
    @Arg('id', () => ID, { description: "The enrolment's id." }) id: string,
    @Arg('droppedOn', { description: 'YYYY-MM-DD: not before the company enrolled.' }) droppedOn: string,
    @Ctx() context: RequestContext,
  ) {
    return this.enrolmentService.drop(id, droppedOn, (owner) => requireProgrammeRunner(context.caller, owner, 'drop enrolments'));
  }
}

@Resolver(() => OrganizationReference)
export class OrganizationEnrolmentsResolver {
  constructor(private readonly enrolmentQueries: EnrolmentQueries) {}

  @FieldResolver(() => [EnrolmentType], { nullable: true, description: 'Its enrolments in competence programmes, newest first.' })
  enrolments(@Root() organization: OrganizationReference, @Ctx() context: RequestContext): Promise<EnrolmentRecord[]> {
    return this.enrolmentQueries.ofOrganization(context, organization.orgNumber);
  }
}
