import { alignByKey, type ConnectionPage, decodeCursor, groupByKey, isUuid, pageSize, type RequestContext, toPage } from '@klynge/platform';
import type { DataSource } from 'typeorm';
import type { NoteRecord } from './note.types';

const COLUMNS = `id, cluster_id AS "clusterId", title, body,
  to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "recordedAt"`;

/**
 * Reading notes; lookups by key go through the request's loaders, one statement per request.
 * Keys that are not UUIDs (a representation sent to _entities can hold anything) name nothing,
 * so they never reach SQL.
 */
export class NoteQueries {
  constructor(private readonly dataSource: DataSource) {}

  byId(context: RequestContext, id: string): Promise<NoteRecord | null> {
    return context.loaders
      .get<string, NoteRecord | null>('notes.byId', async (ids) =>
        alignByKey(
          ids,
          await this.dataSource.query<NoteRecord[]>(`SELECT ${COLUMNS} FROM notes WHERE id = ANY($1::uuid[])`, [ids.filter(isUuid)]),
          (note) => note.id,
        ),
      )
      .load(id);
  }

  /** The notes about each cluster, newest first, for every cluster of one request at once. */
  ofCluster(context: RequestContext, clusterId: string): Promise<NoteRecord[]> {
    return context.loaders
      .get<string, NoteRecord[]>('notes.ofCluster', async (clusterIds) =>
        groupByKey(
          clusterIds,
          await this.dataSource.query<NoteRecord[]>(
            `SELECT ${COLUMNS} FROM notes WHERE cluster_id = ANY($1::uuid[]) ORDER BY recorded_at DESC, id DESC`,
            [clusterIds.filter(isUuid)],
          ),
          (note) => note.clusterId,
        ),
      )
      .load(clusterId);
  }

  /** Every note, newest first, a page at a time. */
  async list(first: number, after: string | undefined): Promise<ConnectionPage<NoteRecord>> {
    const limit = pageSize(first);
    const cursor = after ? decodeCursor(after, ['timestamp', 'uuid']) : undefined;
    // One count for every note and for those at or before the cursor (a previous page).
    const [{ total, preceding }] = await this.dataSource.query<[{ total: number; preceding: number }]>(
      `SELECT count(*)::int AS total,
              ${cursor ? 'count(*) FILTER (WHERE (recorded_at, id) >= ($1::timestamptz, $2::uuid))' : '0'}::int AS preceding
       FROM notes`,
      cursor ?? [],
    );
    const rows = await this.dataSource.query<NoteRecord[]>(
      `SELECT ${COLUMNS} FROM notes ${cursor ? 'WHERE (recorded_at, id) < ($2::timestamptz, $3::uuid)' : ''}
       ORDER BY recorded_at DESC, id DESC LIMIT $1`,
      cursor ? [limit + 1, ...cursor] : [limit + 1],
    );
    return toPage(
      rows,
      limit,
      total,
      (row) => row,
      (row) => [row.recordedAt, row.id],
      preceding,
    );
  }
}
