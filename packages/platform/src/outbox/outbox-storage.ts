import type { Logger } from '../logging';

/**
 * Where the outbox keeps committed events until the relay has published them:
 *
 * - `table`: a row in `outbox_events`, deleted once published. Works on every PostgreSQL and on
 *   the embedded PGlite; a pg_dump carries the events not yet published.
 * - `wal`: a transactional logical-decoding message (`pg_logical_emit_message`) in the writing
 *   transaction's WAL, read back through a logical replication slot of the service's database
 *   (the built-in `pgoutput` plugin with `messages`), as Debezium reads outboxes. No row, no index,
 *   no delete and no vacuum per event; PostgreSQL decodes only committed transactions, in commit
 *   order. Needs `wal_level = logical` and a role that may create replication slots.
 */
export type OutboxStorage = 'table' | 'wal';

/** The prefix of the outbox's logical-decoding messages (others' messages in the same WAL are not ours). */
export const WAL_OUTBOX_PREFIX = 'klynge.outbox';

/** Runs one statement outside any transaction (a DataSource, a pg client). */
export type Query = <R>(sql: string, params?: unknown[]) => Promise<R[]>;

/**
 * The replication slot and publication of the WAL outbox in the current database. Slots are
 * per server, not per database, so the name carries the database's; the publication is empty:
 * pgoutput needs one to be named, and publishes no table's changes from it, only the messages.
 */
export async function walOutboxNames(query: Query): Promise<{ slot: string; publication: string }> {
  const [row] = await query<{ database: string }>('SELECT current_database() AS database');
  const database = (row?.database ?? '').toLowerCase().replace(/[^a-z0-9_]/g, '_');
  // Slot names are at most 63 characters: a long database name keeps its end (test names end in a unique part).
  return { slot: `klynge_outbox_${database}`.slice(-63).replace(/^_+/, ''), publication: 'klynge_outbox' };
}

/**
 * Which outbox this database supports: `wal` when its server runs with `wal_level = logical` and
 * the outbox's replication slot exists or could be made now (before the first event is written:
 * a message written before its slot exists is never decoded), otherwise `table`. `prefer: 'table'`
 * keeps the table whatever the server supports.
 */
export async function chooseOutboxStorage(
  query: Query,
  logger: Logger,
  options: { readonly prefer?: OutboxStorage } = {},
): Promise<OutboxStorage> {
  if (options.prefer === 'table') return 'table';
  const [level] = await query<{ wal_level: string }>('SHOW wal_level');
  if (level?.wal_level !== 'logical') return 'table';
  try {
    await ensureWalOutboxSlot(query);
    return 'wal';
  } catch (error) {
    logger.warn({ err: error }, 'wal_level is logical but the outbox could not make its replication slot: it keeps its events in a table');
    return 'table';
  }
}

/** What OUTBOX_STORAGE (`auto` or `table`) asks of {@link chooseOutboxStorage}. */
export function preferredOutbox(setting: 'auto' | 'table'): { readonly prefer?: OutboxStorage } {
  return setting === 'table' ? { prefer: 'table' } : {};
}

/** Makes the outbox's publication and slot unless they exist; another instance making them at the same time is fine. */
export async function ensureWalOutboxSlot(query: Query): Promise<void> {
  const { slot, publication } = await walOutboxNames(query);
  const alreadyThere = (error: unknown) => (error as { code?: string }).code === '42710';
  const [hasPublication] = await query<{ found: boolean }>('SELECT true AS found FROM pg_publication WHERE pubname = $1', [publication]);
  if (!hasPublication) await query(`CREATE PUBLICATION ${publication}`).catch((error: unknown) => ignoreIf(alreadyThere(error), error));
  const [hasSlot] = await query<{ found: boolean }>('SELECT true AS found FROM pg_replication_slots WHERE slot_name = $1', [slot]);
  if (!hasSlot) {
    await query(`SELECT pg_create_logical_replication_slot($1, 'pgoutput')`, [slot]).catch((error: unknown) =>
      ignoreIf(alreadyThere(error), error),
    );
  }
}

function ignoreIf(ignore: boolean, error: unknown): void {
  if (!ignore) throw error;
}
