import { CLUSTER_LEVEL_LABELS, type ClusterLevel, COUNTIES } from '@klynge/contracts';
import { BadUserInputError, isGiven, type ConnectionPage, type RequestContext, sourceOf, PageArgs } from '@klynge/platform';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { mayEditCluster, requireClusterEditor, requireRegistrar } from '../auth';
import type { ClusterEntity } from './cluster.entity';
import type { ClusterQueries } from './cluster.queries';
import type { ClusterService } from './cluster.service';
import { LEVEL_LABEL_DESCRIPTION } from './level-label.resolver';

import {
  ChangeClusterLevelInput,
  EndClusterLevelInput,
  ClusterConnection,
  ClusterFilter,
  ClusterLevelEnum,
  ClusterLevelPeriodType,
  ClusterType,
  ContactPersonType,
  CountyType,
  MemberStatsType,
  ProgrammePeriodType,
  RegisterClusterInput,
  ReportedTextType,
  UpdateClusterInput,
} from './cluster.types';

@Resolver(() => ClusterType)
export class ClusterResolver {
  constructor(
    private readonly clusterService: ClusterService,
    private readonly clusterQueries: ClusterQueries,
  ) {}

  @Query(() => ClusterType, { nullable: true, description: 'One cluster, by id or by slug (give exactly one).' })
  async cluster(
    @Ctx() context: RequestContext,
    @Arg('id', () => ID, { nullable: true, description: "The cluster's id." }) id?: string | null,
    @Arg('slug', () => String, { nullable: true, description: "The cluster's slug, e.g. from an address." }) slug?: string | null,
  ): Promise<ClusterEntity | null> {
    // Null and left out both mean "not this one".
    if (isGiven(id) === isGiven(slug)) {
      throw new BadUserInputError(isGiven(id) ? 'slug' : 'id', 'Give either id or slug, not both or neither');
    }
    return isGiven(id) ? this.clusterQueries.byId(context, id) : this.clusterQueries.bySlug(slug!);
  }

  @Query(() => ClusterConnection, { description: 'Clusters by name (then id), filtered, a page at a time.' })
  clusters(
    @Arg('filter', () => ClusterFilter, { nullable: true, description: 'Which clusters; every cluster when left out.' })
    filter: ClusterFilter | undefined,
    @Args() page: PageArgs,
  ): Promise<ConnectionPage<ClusterEntity>> {
    return this.clusterQueries.list(filter, page.first, page.after);
  }

  @FieldResolver(() => ClusterLevelEnum, {
    nullable: true,
    description:
      'The level held today: a change decided for a later day shows in levelHistory first. Null when not known: no record or source covers today (a reported period counts only where a source gives its end; a term or a rule does not make today known), or its last level has ended (NCE, a level until 2018) and no source gives the next.',
  })
  level(@Root() cluster: ClusterEntity, @Ctx() context: RequestContext): Promise<ClusterLevel | null> {
    return this.clusterQueries.currentLevel(context, cluster);
  }

  @FieldResolver(() => String, { nullable: true, description: `${LEVEL_LABEL_DESCRIPTION} Null when the level today is not known.` })
  async levelLabel(@Root() cluster: ClusterEntity, @Ctx() context: RequestContext): Promise<string | null> {
    const level = await this.clusterQueries.currentLevel(context, cluster);
    return level === null ? null : CLUSTER_LEVEL_LABELS[level];
  }

  @FieldResolver(() => CountyType, { nullable: true, description: 'The county of countyCode, with its name; null when not known.' })
  county(@Root() cluster: ClusterEntity): CountyType | null {
    const code = cluster.countyCode;
    return code === null ? null : { code, name: COUNTIES[code] ?? code };
  }

  @FieldResolver(() => [ReportedTextType], {
    description:
      'Members as public pages report them, in the pages\' words (e.g. "about 50 companies (2015)"), each with its page; empty when none.',
  })
  membersReported(@Root() cluster: ClusterEntity): ReportedTextType[] {
    return cluster.membersReported.map(({ text, url }) => ({ text, source: sourceOf(url) }));
  }

  @FieldResolver(() => ProgrammePeriodType, { nullable: true, description: 'The current programme period, if known.' })
  programmePeriod(@Root() cluster: ClusterEntity): ProgrammePeriodType | null {
    return cluster.programmeStart ? { start: cluster.programmeStart, end: cluster.programmeEnd } : null;
  }

  @FieldResolver(() => ContactPersonType, {
    nullable: true,
    description: "The cluster manager's contact: personal data, null unless you may edit this cluster.",
  })
  managerContact(@Root() cluster: ClusterEntity, @Ctx() context: RequestContext): ContactPersonType | null {
    if (!mayEditCluster(context.caller, cluster.id)) return null;
    if (!cluster.managerName && !cluster.managerEmail && !cluster.managerPhone) return null;
    return { name: cluster.managerName, email: cluster.managerEmail, phone: cluster.managerPhone };
  }

  @FieldResolver(() => [ClusterLevelPeriodType], { description: 'Every level held, oldest first.' })
  levelHistory(@Root() cluster: ClusterEntity, @Ctx() context: RequestContext): Promise<ClusterLevelPeriodType[]> {
    return this.clusterQueries.levelHistory(context, cluster.id);
  }

  @FieldResolver(() => MemberStatsType, { description: 'How many members it has today, and how many of them are SMEs.' })
  memberStats(@Root() cluster: ClusterEntity, @Ctx() context: RequestContext): Promise<MemberStatsType> {
    return this.clusterQueries.memberStats(context, cluster.id);
  }

  @Mutation(() => ClusterType, {
    description:
      "Registers a cluster at the level it holds today; CONFLICT when its name or slug is taken. Admins, and caseworkers of the cluster programme's agencies.",
  })
  registerCluster(
    @Arg('input', () => RegisterClusterInput, { description: 'The new cluster.' }) input: RegisterClusterInput,
    @Ctx() context: RequestContext,
  ): Promise<ClusterEntity> {
    requireRegistrar(context.caller, 'register clusters');
    return this.clusterService.register(input);
  }

  @Mutation(() => ClusterType, {
    description:
      "Changes a cluster's facts (not its level: see changeClusterLevel). Admins, caseworkers of the cluster programme's agencies, and the cluster's own manager.",
  })
  updateCluster(
    @Arg('id', () => ID, { description: "The cluster's id." }) id: string,
    @Arg('input', () => UpdateClusterInput, { description: 'What changes.' }) input: UpdateClusterInput,
    @Ctx() context: RequestContext,
  ): Promise<ClusterEntity> {
    requireClusterEditor(context.caller, id, 'edit this cluster');
    return this.clusterService.update(id, input);
  }

  @Mutation(() => ClusterType, {
    description: "Up or down; the level history keeps the previous level. Admins, and caseworkers of the cluster programme's agencies.",
  })
  changeClusterLevel(
    @Arg('id', () => ID, { description: "The cluster's id." }) id: string,
    @Arg('input', () => ChangeClusterLevelInput, { description: 'The new level, from when, and why.' }) input: ChangeClusterLevelInput,
    @Ctx() context: RequestContext,
  ): Promise<ClusterEntity> {
    requireRegistrar(context.caller, 'change cluster levels');
    return this.clusterService.changeLevel(id, input);
  }

  @Mutation(() => ClusterType, {
    description:
      "Ends the cluster's level, with what it holds after not known (e.g. NCE, which stopped being a level with 2019). Admins, and caseworkers of the cluster programme's agencies.",
  })
  endClusterLevel(
    @Arg('id', () => ID, { description: "The cluster's id." }) id: string,
    @Arg('input', () => EndClusterLevelInput, { description: 'From when, and why.' }) input: EndClusterLevelInput,
    @Ctx() context: RequestContext,
  ): Promise<ClusterEntity> {
    requireRegistrar(context.caller, 'end cluster levels');
    return this.clusterService.endLevel(id, input);
  }
}
