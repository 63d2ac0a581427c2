import { type ConnectionPage, type RequestContext, PageArgs } from '@klynge/platform';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireNoteWriter } from '../auth';
import { ClusterReference } from '../references';
import type { NoteQueries } from './note.queries';
import type { NoteService } from './note.service';
import { NoteConnection, type NoteRecord, NoteType, RecordNoteInput } from './note.types';

@Resolver(() => NoteType)
export class NoteResolver {
  constructor(
    private readonly notes: NoteService,
    private readonly queries: NoteQueries,
  ) {}

  @Query(() => NoteType, { nullable: true, description: 'One note, by id; null when there is none.' })
  __camel__Note(
    @Arg('id', () => ID, { description: "The note's id." }) id: string,
    @Ctx() context: RequestContext,
  ): Promise<NoteRecord | null> {
    return this.queries.byId(context, id);
  }

  @Query(() => NoteConnection, { description: 'Every note, newest first, a page at a time.' })
  __camel__Notes(@Args() page: PageArgs): Promise<ConnectionPage<NoteRecord>> {
    return this.queries.list(page.first, page.after ?? undefined);
  }

  @FieldResolver(() => ClusterReference, { description: 'The cluster it is about.' })
  cluster(@Root() note: NoteRecord): ClusterReference {
    return { id: note.clusterId };
  }

  @Mutation(() => NoteType, { description: "Records a note about a cluster. Admins, caseworkers of __owner__, and the cluster's manager." })
  record__Name__Note(
    @Arg('input', () => RecordNoteInput, { description: 'The note.' }) input: RecordNoteInput,
    @Ctx() context: RequestContext,
  ): Promise<NoteRecord> {
    return this.notes.record(input, (clusterId) => requireNoteWriter(context.caller, clusterId));
  }
}

@Resolver(() => ClusterReference)
export class ClusterNotesResolver {
  constructor(private readonly queries: NoteQueries) {}

  // Nullable, as a field added to another subgraph's entity: while this subgraph is down, the
  // gateway can still answer the rest of a query about the cluster.
  @FieldResolver(() => [NoteType], { nullable: true, description: 'Notes about it kept by the __name__ subgraph, newest first.' })
  __camel__Notes(@Root() cluster: ClusterReference, @Ctx() context: RequestContext): Promise<NoteRecord[]> {
    return this.queries.ofCluster(context, cluster.id);
  }
}
