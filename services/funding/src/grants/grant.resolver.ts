import { AgencySupportYearType, type ConnectionPage, MoneyType, nok, type RequestContext, PageArgs } from '@klynge/platform';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ApplicationQueries, ApplicationRecord } from '../applications/application.queries';
import { ApplicantType, ApplicationType } from '../applications/application.types';
import { requireAgencyStaff } from '../auth';
import { ClusterReference, OrganizationReference } from '../references';
import type { ProgrammeQueries, ProgrammeRow } from '../programmes/programme.queries';
import { FundingProgrammeType } from '../programmes/programme.types';
import { toGiving360 } from './giving360';
import type { GrantQueries, GrantRecord } from './grant.queries';
import type { GrantService } from './grant.service';
import {
  DisbursementType,
  FundingYearType,
  GrantConnection,
  GrantFilter,
  GrantRecipientType,
  GrantType,
  GraphQLJSONObject,
  RecordDisbursementInput,
  RecordReportedGrantInput,
} from './grant.types';

@Resolver(() => GrantType)
export class GrantResolver {
  constructor(
    private readonly grantService: GrantService,
    private readonly grantQueries: GrantQueries,
    private readonly applicationQueries: ApplicationQueries,
    private readonly programmeQueries: ProgrammeQueries,
  ) {}

  @Query(() => GrantType, { nullable: true, description: 'One grant, by id; null when there is none.' })
  grant(@Arg('id', () => ID, { description: "The grant's id." }) id: string, @Ctx() context: RequestContext): Promise<GrantRecord | null> {
    return this.grantQueries.byId(context, id);
  }

  @Query(() => GrantConnection, { description: 'Grants, newest award first, filtered, a page at a time.' })
  grants(
    @Arg('filter', () => GrantFilter, { nullable: true, description: 'Which grants; every grant when left out.' })
    filter: GrantFilter | undefined,
    @Args() page: PageArgs,
  ): Promise<ConnectionPage<GrantRecord>> {
    return this.grantQueries.list(filter, page.first, page.after);
  }

  @FieldResolver(() => ApplicationType, { nullable: true, description: 'The application it was awarded on; null for a reported grant.' })
  async application(@Root() grant: GrantRecord, @Ctx() context: RequestContext): Promise<ApplicationRecord | null> {
    return grant.applicationId === null ? null : this.applicationQueries.byId(context, grant.applicationId);
  }

  @FieldResolver(() => FundingProgrammeType, { description: 'The programme it was granted in.' })
  async programme(@Root() grant: GrantRecord, @Ctx() context: RequestContext): Promise<ProgrammeRow> {
    return (await this.programmeQueries.programme(context, grant.programmeCode))!;
  }

  @FieldResolver(() => ApplicantType, {
    nullable: true,
    description: 'The one cluster or organisation it went to; null when it went to several (see recipients) or to one known only by name.',
  })
  recipient(@Root() grant: GrantRecord): ApplicantType | null {
    const [only, ...others] = grant.recipients;
    if (!only || others.length > 0 || (only.clusterId === null && only.orgNumber === null)) return null;
    return { type: only.clusterId ? 'CLUSTER' : 'ORGANIZATION', clusterId: only.clusterId, orgNumber: only.orgNumber, name: only.name };
  }

  @FieldResolver(() => [GrantRecipientType], { description: 'Everyone it went to, in the order the source names them.' })
  recipients(@Root() grant: GrantRecord): GrantRecipientType[] {
    return grant.recipients;
  }

  @FieldResolver(() => MoneyType, { description: 'Agency share: what the agency pays, the amount awarded: exact whole NOK.' })
  agencyShare(@Root() grant: GrantRecord): MoneyType {
    return grant.amountAwarded;
  }

  @FieldResolver({
    description:
      'Whether Klynge holds the payments on this grant: true for a grant awarded here, false for one reported from a public source until a payment is recorded on it.',
  })
  paymentsRecorded(@Root() grant: GrantRecord): boolean {
    return grant.paymentsRecorded;
  }

  @FieldResolver(() => MoneyType, {
    nullable: true,
    description:
      'Paid so far; never more than awarded: exact whole NOK. Null when its payments are not recorded (see paymentsRecorded): not known, not nothing.',
  })
  amountPaid(@Root() grant: GrantRecord): MoneyType | null {
    return grant.paymentsRecorded ? nok(grant.amountPaid) : null;
  }

  @FieldResolver(() => [DisbursementType], { description: 'The payments made against it, the earliest first.' })
  disbursements(@Root() grant: GrantRecord, @Ctx() context: RequestContext): Promise<DisbursementType[]> {
    return this.grantQueries.disbursements(context, grant.id);
  }

  @FieldResolver(() => GraphQLJSONObject, { description: 'The grant in the 360Giving data standard, as JSON.' })
  async giving360(@Root() grant: GrantRecord, @Ctx() context: RequestContext): Promise<Record<string, unknown>> {
    const programme = (await this.programmeQueries.programme(context, grant.programmeCode))!;
    const agency = (await this.programmeQueries.agency(context, programme.agencyCode))!;
    return toGiving360(grant, programme, agency);
  }

  @Mutation(() => GrantType, {
    description:
      "Records a grant made outside the application workflow, from a public report. Admins, and caseworkers of the programme's agency.",
  })
  async recordReportedGrant(
    @Arg('input', () => RecordReportedGrantInput, { description: 'The grant, as the source reports it.' }) input: RecordReportedGrantInput,
    @Ctx() context: RequestContext,
  ): Promise<GrantRecord> {
    const id = await this.grantService.recordReportedGrant(input, (agencyCode) =>
      requireAgencyStaff(context.caller, agencyCode, 'record grants of its programmes'),
    );
    return (await this.grantQueries.byId(context, id))!;
  }

  @Mutation(() => DisbursementType, { description: "Records a payment against a grant. Admins, and caseworkers of the grant's agency." })
  recordDisbursement(
    @Arg('input', () => RecordDisbursementInput, { description: 'The payment.' }) input: RecordDisbursementInput,
    @Ctx() context: RequestContext,
  ) {
    return this.grantService.recordDisbursement(input, (agencyCode) =>
      requireAgencyStaff(context.caller, agencyCode, 'record payments on its grants'),
    );
  }
}

@Resolver(() => ClusterReference)
export class ClusterFundingResolver {
  constructor(
    private readonly grantQueries: GrantQueries,
    private readonly applicationQueries: ApplicationQueries,
  ) {}

  // Fields added to another subgraph's entity are nullable: while funding is down, the gateway can
  // still answer the rest of a query about the cluster.
  @FieldResolver(() => [ApplicationType], { nullable: true, description: 'Its applications, newest first.' })
  applications(@Root() cluster: ClusterReference, @Ctx() context: RequestContext): Promise<ApplicationRecord[]> {
    return this.applicationQueries.ofCluster(context, cluster.id);
  }

  @FieldResolver(() => [GrantType], { nullable: true, description: 'Its grants, newest first.' })
  grants(@Root() cluster: ClusterReference, @Ctx() context: RequestContext): Promise<GrantRecord[]> {
    return this.grantQueries.ofRecipient(context, { clusterId: cluster.id });
  }

  @FieldResolver(() => MoneyType, {
    nullable: true,
    description:
      'Granted to it, optionally for one budget year and programme: exact whole NOK, cancelled grants left out. A grant to a consortium it is part of counts in full. Null where Klynge holds no grant to it (of that year and programme): not known, not nothing.',
  })
  async fundingTotal(
    @Root() cluster: ClusterReference,
    @Ctx() context: RequestContext,
    @Arg('year', () => Int, { nullable: true, description: 'Only grants charged to this budget year.' }) year?: number,
    @Arg('programmeCode', () => String, { nullable: true, description: 'Only grants of this programme.' }) programmeCode?: string,
  ): Promise<MoneyType | null> {
    const filter = { ...(year === undefined ? {} : { year }), ...(programmeCode ? { programmeCode } : {}) };
    const total = await this.grantQueries.fundingTotal(context, cluster.id, filter);
    return total === null ? null : nok(total);
  }

  @FieldResolver(() => [FundingYearType], { nullable: true, description: 'Granted and paid per year, oldest first.' })
  fundingByYear(@Root() cluster: ClusterReference, @Ctx() context: RequestContext): Promise<FundingYearType[]> {
    return this.grantQueries.fundingByYear(context, cluster.id);
  }

  @FieldResolver(() => [AgencySupportYearType], {
    nullable: true,
    description:
      "Granted to it and to its current members through the agencies' programmes, per agency and budget year, oldest first; a grant to several of them counts once.",
  })
  fundingSupportByYear(@Root() cluster: ClusterReference, @Ctx() context: RequestContext): Promise<AgencySupportYearType[]> {
    return this.grantQueries.supportByYear(context, cluster.id);
  }
}

@Resolver(() => OrganizationReference)
export class OrganizationFundingResolver {
  constructor(private readonly grantQueries: GrantQueries) {}

  @FieldResolver(() => [GrantType], { nullable: true, description: 'Its grants, newest first.' })
  grants(@Root() organization: OrganizationReference, @Ctx() context: RequestContext): Promise<GrantRecord[]> {
    return this.grantQueries.ofRecipient(context, { orgNumber: organization.orgNumber });
  }
}
