import { randomUUID } from 'node:crypto';
import { type Caller, optionalText, requiredText, type UnitOfWork } from '@klynge/platform';
import { requireKnownClusters } from '@klynge/read-models';
import { __Name__NoteRecorded } from '../__name__.events';
import { NOTE_COLUMNS } from './note.queries';
import type { NoteRecord, RecordNoteInput } from './note.types';

/** The use case: one transaction writes the note and its event, or neither. */
export class NoteService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** A note about a cluster this subgraph has heard of; `authorize` sees whose cluster it is first. */
  async record(input: RecordNoteInput, authorize: (clusterId: string) => Caller): Promise<NoteRecord> {
    const title = requiredText('title', input.title, 200);
    const body = optionalText('body', input.body, 5_000);
    const id = randomUUID();
    return this.unitOfWork.run(async ({ manager, publish }) => {
      await requireKnownClusters(manager, 'clusterId', [input.clusterId]);
      const caller = authorize(input.clusterId);
      const [note] = await manager.query<NoteRecord[]>(
        `INSERT INTO notes (id, cluster_id, title, body, recorded_by) VALUES ($1, $2, $3, $4, $5)
         RETURNING ${NOTE_COLUMNS}`,
        [id, input.clusterId, title, body, caller.subject],
      );
      await publish(__Name__NoteRecorded, {
        subject: id,
        data: { noteId: id, clusterId: input.clusterId, title, recordedAt: note!.recordedAt },
      });
      return note!;
    });
  }
}
