import { defineSubgraph } from '@klynge/platform';
import { clusterDirectory, directoryMigrations, stubReferenceResolvers } from '@klynge/read-models';
import { __Name__NoteRecorded } from './__name__.events';
import { Create__Name____migration__ } from './migrations/__migration__-create-__name__';
import { NoteQueries } from './notes/note.queries';
import { ClusterNotesResolver, NoteResolver } from './notes/note.resolver';
import { NoteService } from './notes/note.service';
import { ClusterReference } from './references';
import { seed__Name__ } from './seed/seed-__name__';

/** The __name__ subgraph, owned by __owner__. */
export const subgraph = defineSubgraph({
  name: '__name__',
  migrations: [...directoryMigrations, Create__Name____migration__],
  publishes: [__Name__NoteRecorded],
  schema: ({ dataSource, unitOfWork }) => {
    const notes = new NoteQueries(dataSource);
    return {
      resolvers: [new NoteResolver(new NoteService(unitOfWork), notes), new ClusterNotesResolver(notes)],
      // No field returns it directly: the gateway reaches it through _entities.
      orphanedTypes: [ClusterReference],
      referenceResolvers: {
        __Name__Note: (reference, context) => notes.byId(context, String(reference.id)),
        Cluster: stubReferenceResolvers.Cluster,
      },
    };
  },
  // The clusters this subgraph has heard of, from the clusters subgraph's events.
  consumers: () => [clusterDirectory],
  seed: { run: seed__Name__ },
});
