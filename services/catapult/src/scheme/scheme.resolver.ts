import { AgencySupportYearType, type RequestContext } from '@klynge/platform';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireSchemeWriter } from '../auth';
import { ClusterReference } from '../references';
import type { SchemeQueries } from './scheme.queries';
import type { SchemeService } from './scheme.service';
import { type AllocationRecord, AllocationType, AllocationYearType, RecordAllocationInput } from './allocation.types';
import { CentreFilter, type CentreRecord, CentreType, CloseCentreInput, DesignateCentreInput } from './centre.types';
import { NodeFilter, type NodeRecord, NodeType, SelectNodeInput } from './node.types';

@Resolver(() => CentreType)
export class CentreResolver {
  constructor(
    private readonly scheme: SchemeService,
    private readonly queries: SchemeQueries,
  ) {}

  @Query(() => CentreType, { nullable: true, description: 'One catapult centre, by id; null when there is none.' })
  catapultCentre(
    @Arg('id', () => ID, { description: "The centre's id." }) id: string,
    @Ctx() context: RequestContext,
  ): Promise<CentreRecord | null> {
    return this.queries.centre(context, id);
  }

  @Query(() => [CentreType], { description: 'The catapult centres, in the order they were designated.' })
  catapultCentres(
    @Arg('filter', () => CentreFilter, { nullable: true, description: 'Which centres; every one when left out.' }) filter?: CentreFilter,
  ): Promise<CentreRecord[]> {
    return this.queries.centres(filter);
  }

  @FieldResolver(() => [ClusterReference], { description: 'The clusters that stand behind it.' })
  clusters(@Root() centre: CentreRecord): ClusterReference[] {
    return centre.clusterIds.map((id) => ({ id }));
  }

  @FieldResolver(() => [NodeType], { description: 'The regional nodes that work with it, where the sources say.' })
  nodes(@Root() centre: CentreRecord, @Ctx() context: RequestContext): Promise<NodeRecord[]> {
    return this.queries.nodesOfCentre(context, centre.id);
  }

  @Mutation(() => CentreType, { description: 'Closes a centre: no project starts there from that day. Admins and caseworkers of siva.' })
  async closeCatapultCentre(
    @Arg('input', () => CloseCentreInput, { description: 'Which centre, and from when.' }) input: CloseCentreInput,
    @Ctx() context: RequestContext,
  ): Promise<CentreRecord> {
    const { id } = await this.scheme.closeCentre(input, () => requireSchemeWriter(context.caller, 'close catapult centres'));
    return (await this.queries.centre(context, id))!;
  }

  @Mutation(() => CentreType, { description: 'Designates a centre. Admins and caseworkers of siva.' })
  async designateCatapultCentre(
    @Arg('input', () => DesignateCentreInput, { description: 'The centre.' }) input: DesignateCentreInput,
    @Ctx() context: RequestContext,
  ): Promise<CentreRecord> {
    const { id } = await this.scheme.designateCentre(input, () => requireSchemeWriter(context.caller, 'designate catapult centres'));
    return (await this.queries.centre(context, id))!;
  }
}

@Resolver(() => NodeType)
export class NodeResolver {
  constructor(
    private readonly scheme: SchemeService,
    private readonly queries: SchemeQueries,
  ) {}

  @Query(() => NodeType, { nullable: true, description: 'One regional catapult node, by id; null when there is none.' })
  catapultNode(
    @Arg('id', () => ID, { description: "The node's id." }) id: string,
    @Ctx() context: RequestContext,
  ): Promise<NodeRecord | null> {
    return this.queries.node(context, id);
  }

  @Query(() => [NodeType], { description: 'The regional catapult nodes, in the order they were selected.' })
  catapultNodes(
    @Arg('filter', () => NodeFilter, { nullable: true, description: 'Which nodes; every one when left out.' }) filter?: NodeFilter,
  ): Promise<NodeRecord[]> {
    return this.queries.nodes(filter);
  }

  @FieldResolver(() => ClusterReference, { nullable: true, description: 'The host, where it is a cluster of the clusters subgraph.' })
  hostCluster(@Root() node: NodeRecord): ClusterReference | null {
    return node.hostClusterId === null ? null : { id: node.hostClusterId };
  }

  @FieldResolver(() => [CentreType], { description: 'The centres it works with, where the sources say.' })
  centres(@Root() node: NodeRecord, @Ctx() context: RequestContext): Promise<CentreRecord[]> {
    return this.queries.centresByIds(context, node.centreIds);
  }

  @Mutation(() => NodeType, { description: 'Selects a regional node. Admins and caseworkers of siva.' })
  async selectCatapultNode(
    @Arg('input', () => SelectNodeInput, { description: 'The node.' }) input: SelectNodeInput,
    @Ctx() context: RequestContext,
  ): Promise<NodeRecord> {
    const { id } = await this.scheme.selectNode(input, () => requireSchemeWriter(context.caller, 'select catapult nodes'));
    return (await this.queries.node(context, id))!;
  }
}

@Resolver(() => AllocationType)
export class AllocationResolver {
  constructor(
    private readonly scheme: SchemeService,
    private readonly queries: SchemeQueries,
  ) {}

  @Query(() => [AllocationType], { description: 'Money to Norsk katapult, oldest first; one year’s with `year`.' })
  catapultAllocations(
    @Arg('year', () => Int, { nullable: true, description: 'Only this year; every year when left out.' }) year?: number,
  ): Promise<AllocationRecord[]> {
    return this.queries.allocations(year ?? undefined);
  }

  @Query(() => [AllocationYearType], { description: 'Money to Norsk katapult per year, oldest first.' })
  catapultAllocationsByYear(): Promise<AllocationYearType[]> {
    return this.queries.allocationsByYear();
  }

  @FieldResolver(() => [CentreType], { description: 'For an allocation to CENTRES: the centres it went to.' })
  centres(@Root() allocation: AllocationRecord, @Ctx() context: RequestContext): Promise<CentreRecord[]> {
    return this.queries.centresByIds(context, allocation.centreIds);
  }

  @Mutation(() => AllocationType, { description: 'Records an allocation as a source reports it. Admins and caseworkers of siva.' })
  async recordCatapultAllocation(
    @Arg('input', () => RecordAllocationInput, { description: 'The allocation.' }) input: RecordAllocationInput,
    @Ctx() context: RequestContext,
  ): Promise<AllocationRecord> {
    const { id } = await this.scheme.recordAllocation(input, () => requireSchemeWriter(context.caller, 'record catapult allocations'));
    return (await this.queries.allocations(input.year)).find((allocation) => allocation.id === id)!;
  }
}

@Resolver(() => ClusterReference)
export class ClusterCatapultResolver {
  constructor(private readonly queries: SchemeQueries) {}

  // Nullable, as fields added to another subgraph's entity: while this subgraph is down, the
  // gateway can still answer the rest of a query about the cluster.
  @FieldResolver(() => [CentreType], { nullable: true, description: 'The catapult centres it stands behind.' })
  catapultCentres(@Root() cluster: ClusterReference, @Ctx() context: RequestContext): Promise<CentreRecord[]> {
    return this.queries.centresOfCluster(context, cluster.id);
  }

  @FieldResolver(() => [NodeType], { nullable: true, description: 'The regional catapult nodes it hosts.' })
  catapultNodes(@Root() cluster: ClusterReference, @Ctx() context: RequestContext): Promise<NodeRecord[]> {
    return this.queries.nodesOfCluster(context, cluster.id);
  }

  @FieldResolver(() => [AgencySupportYearType], {
    nullable: true,
    description: 'Granted by Siva to the catapult nodes it hosts, per year selected, oldest first (where a node’s own amount is known).',
  })
  catapultSupportByYear(@Root() cluster: ClusterReference, @Ctx() context: RequestContext): Promise<AgencySupportYearType[]> {
    return this.queries.supportOfCluster(context, cluster.id);
  }
}
