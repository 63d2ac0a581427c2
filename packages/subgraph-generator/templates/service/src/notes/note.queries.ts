import {
  type ConnectionPage,
  groupByKey,
  isoTimestamp,
  isUuid,
  Keyset,
  keysetPage,
  type RequestContext,
  SqlConditions,
} from '@klynge/platform';
import type { DataSource } from 'typeorm';
import type { NoteRecord } from './note.types';

/** A note's columns, as a NoteRecord: what its reads select and its insert returns. */
export const NOTE_COLUMNS = `id, cluster_id AS "clusterId", title, body,
  ${isoTimestamp('recorded_at')} AS "recordedAt"`;

/** Notes in a list: the newest first. */
const NOTES_ORDER = Keyset.descending(['recorded_at', 'timestamp'], ['id', 'uuid']);

/**
 * Reading notes; lookups by key go through the request's loaders, one statement per request.
 * Keys that are not UUIDs (a representation sent to _entities can hold anything) name nothing,
 * so they never reach SQL.
 */
export class NoteQueries {
  constructor(private readonly dataSource: DataSource) {}

  byId(context: RequestContext, id: string): Promise<NoteRecord | null> {
    return context.loaders.byUuid('notes.byId', id, (ids) =>
      this.dataSource.query<NoteRecord[]>(`SELECT ${NOTE_COLUMNS} FROM notes WHERE id = ANY($1::uuid[])`, [ids]),
    );
  }

  /** The notes about each cluster, newest first, for every cluster of one request at once. */
  ofCluster(context: RequestContext, clusterId: string): Promise<NoteRecord[]> {
    return context.loaders
      .get<string, NoteRecord[]>('notes.ofCluster', async (clusterIds) =>
        groupByKey(
          clusterIds,
          await this.dataSource.query<NoteRecord[]>(
            `SELECT ${NOTE_COLUMNS} FROM notes WHERE cluster_id = ANY($1::uuid[]) ORDER BY recorded_at DESC, id DESC`,
            [clusterIds.filter(isUuid)],
          ),
          (note) => note.clusterId,
        ),
      )
      .load(clusterId);
  }

  /** Every note, newest first, a page at a time. */
  list(first: number, after: string | undefined): Promise<ConnectionPage<NoteRecord>> {
    return keysetPage(this.dataSource, {
      from: 'notes',
      where: new SqlConditions(),
      order: NOTES_ORDER,
      first,
      after,
      rows: (tail, params) => this.dataSource.query<NoteRecord[]>(`SELECT ${NOTE_COLUMNS} FROM notes ${tail}`, params),
      sortKey: (note) => [note.recordedAt, note.id],
    });
  }
}
