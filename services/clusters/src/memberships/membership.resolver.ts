import { type ConnectionPage, type RequestContext, requireCaller, PageArgs } from '@klynge/platform';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { requireClusterEditor } from '../auth';
import type { ClusterEntity } from '../clusters/cluster.entity';
import type { ClusterQueries } from '../clusters/cluster.queries';
import { ClusterType } from '../clusters/cluster.types';
import type { OrganizationEntity } from '../organizations/organization.entity';
import type { OrganizationQueries } from '../organizations/organization.queries';
import { OrganizationType } from '../organizations/organization.types';
import type { MembershipEntity } from './membership.entity';
import type { MembershipQueries } from './membership.queries';
import type { MembershipService } from './membership.service';
import { AddMemberInput, MembershipConnection, MembershipType } from './membership.types';

@Resolver(() => MembershipType)
export class MembershipResolver {
  constructor(
    private readonly memberships: MembershipService,
    private readonly clusters: ClusterQueries,
    private readonly organizations: OrganizationQueries,
  ) {}

  @FieldResolver(() => ClusterType, { description: 'The cluster.' })
  async cluster(@Root() membership: MembershipEntity, @Ctx() context: RequestContext): Promise<ClusterEntity> {
    return (await this.clusters.byId(context, membership.clusterId))!;
  }

  @FieldResolver(() => OrganizationType, { description: 'The member organisation.' })
  async organization(@Root() membership: MembershipEntity, @Ctx() context: RequestContext): Promise<OrganizationEntity> {
    return (await this.organizations.byOrgNumber(context, membership.orgNumber))!;
  }

  @FieldResolver(() => Boolean, { description: 'Not ended, or ending today or later.' })
  active(@Root() membership: MembershipEntity): boolean {
    return membership.leftOn === null || membership.leftOn >= new Date().toISOString().slice(0, 10);
  }

  @Mutation(() => MembershipType, {
    description:
      "Adds an organisation to a cluster from a day. Admins, caseworkers of the cluster programme's agencies, and the cluster's own manager.",
  })
  addMember(
    @Arg('input', () => AddMemberInput, { description: 'Who joins which cluster, from when.' }) input: AddMemberInput,
    @Ctx() context: RequestContext,
  ): Promise<MembershipEntity> {
    requireClusterEditor(context.caller, input.clusterId, "change this cluster's members");
    return this.memberships.add(input);
  }

  @Mutation(() => MembershipType, {
    description:
      "Ends a membership; it stays in the history with its end date. CONFLICT when it has ended already. Admins, caseworkers of the cluster programme's agencies, and the cluster's own manager.",
  })
  endMembership(
    @Arg('id', () => ID, { description: "The membership's id." }) id: string,
    @Arg('leftOn', { description: 'YYYY-MM-DD, the last day; not before it began.' }) leftOn: string,
    @Ctx() context: RequestContext,
  ): Promise<MembershipEntity> {
    requireCaller(context.caller);
    return this.memberships.end(id, leftOn, (clusterId) =>
      requireClusterEditor(context.caller, clusterId, "change this cluster's members"),
    );
  }
}

@Resolver(() => ClusterType)
export class ClusterMembersResolver {
  constructor(private readonly memberships: MembershipQueries) {}

  @FieldResolver(() => MembershipConnection, { description: 'Members by organisation name, a page at a time.' })
  members(
    @Root() cluster: ClusterEntity,
    @Ctx() context: RequestContext,
    @Args() page: PageArgs,
    @Arg('includeEnded', { defaultValue: false, description: 'Also list memberships that have ended.' }) includeEnded: boolean,
  ): Promise<ConnectionPage<MembershipEntity>> {
    return this.memberships.ofCluster(context, cluster.id, { first: page.first, after: page.after, includeEnded });
  }
}

@Resolver(() => OrganizationType)
export class OrganizationMembershipsResolver {
  constructor(private readonly membershipQueries: MembershipQueries) {}

  @FieldResolver(() => [MembershipType], { description: 'Its memberships, newest first.' })
  memberships(
    @Root() organization: OrganizationEntity,
    @Ctx() context: RequestContext,
    @Arg('includeEnded', { defaultValue: true, description: 'Also list memberships that have ended (false: only those that have not).' })
    includeEnded: boolean,
  ): Promise<MembershipEntity[]> {
    return this.membershipQueries.ofOrganization(context, organization.orgNumber, includeEnded);
  }
}
