import { defineSubgraph } from '@klynge/platform';
import { clusterDirectory, directoryMigrations, stubReferenceResolvers } from '@klynge/read-models';
import { CatapultNoteRecorded } from './catapult.events';
import { CreateCatapult1796095566354 } from './migrations/1796095566354-create-catapult';
import { NoteQueries } from './notes/note.queries';
import { ClusterNotesResolver, NoteResolver } from './notes/note.resolver';
import { NoteService } from './notes/note.service';
import { ClusterReference } from './references';
import { seedCatapult } from './seed/seed-catapult';

/** The catapult subgraph, owned by siva. */
export const subgraph = defineSubgraph({
  name: 'catapult',
  migrations: [...directoryMigrations, CreateCatapult1796095566354],
  publishes: [CatapultNoteRecorded],
  schema: ({ dataSource, unitOfWork }) => {
    const notes = new NoteQueries(dataSource);
    return {
      resolvers: [new NoteResolver(new NoteService(unitOfWork), notes), new ClusterNotesResolver(notes)],
      // No field returns it directly: the gateway reaches it through _entities.
      orphanedTypes: [ClusterReference],
      referenceResolvers: {
        CatapultNote: (reference, context) => notes.byId(context, String(reference.id)),
        Cluster: stubReferenceResolvers.Cluster,
      },
    };
  },
  // The clusters this subgraph has heard of, from the clusters subgraph's events.
  consumers: () => [clusterDirectory],
  seed: { run: seedCatapult },
});
