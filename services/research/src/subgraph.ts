import { defineSubgraph } from '@klynge/platform';
import { clusterDirectory, directoryMigrations, stubReferenceResolvers } from '@klynge/read-models';
import { ResearchNoteRecorded } from './research.events';
import { CreateResearch1796096854442 } from './migrations/1796096854442-create-research';
import { NoteQueries } from './notes/note.queries';
import { ClusterNotesResolver, NoteResolver } from './notes/note.resolver';
import { NoteService } from './notes/note.service';
import { ClusterReference } from './references';
import { seedResearch } from './seed/seed-research';

/** The research subgraph, owned by forskningsradet. */
export const subgraph = defineSubgraph({
  name: 'research',
  migrations: [...directoryMigrations, CreateResearch1796096854442],
  publishes: [ResearchNoteRecorded],
  schema: ({ dataSource, unitOfWork }) => {
    const notes = new NoteQueries(dataSource);
    return {
      resolvers: [new NoteResolver(new NoteService(unitOfWork), notes), new ClusterNotesResolver(notes)],
      // No field returns it directly: the gateway reaches it through _entities.
      orphanedTypes: [ClusterReference],
      referenceResolvers: {
        ResearchNote: (reference, context) => notes.byId(context, String(reference.id)),
        Cluster: stubReferenceResolvers.Cluster,
      },
    };
  },
  // The clusters this subgraph has heard of, from the clusters subgraph's events.
  consumers: () => [clusterDirectory],
  seed: { run: seedResearch },
});
