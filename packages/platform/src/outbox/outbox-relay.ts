import { EventEmitter, once } from 'node:events';
import { type MessageBroker, BrokerUnavailableError } from '@klynge/broker';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { isPgliteUrl, openPglite } from '../database/pglite';
import { failed, SpanKind, startSpanContinuing } from '../events';
import type { Logger } from '../logging';
import { backoff, pause, Wakeup } from '@klynge/async';
import { type OutboxStorage, type Query, walOutboxNames } from './outbox-storage';
import { type OutboxBatch, WalStream } from './wal-stream';

export interface OutboxRelayOptions {
  readonly databaseUrl: string;
  readonly applicationName: string;
  readonly broker: MessageBroker;
  readonly logger: Logger;
  /** Rows published per broker request (default 200). */
  readonly batchSize?: number;
  /** Fallback poll when no notification arrives, e.g. after a lost connection (default 1 s). */
  readonly pollIntervalMs?: number;
  /** Longest pause between attempts while the broker or database is away (default 5 s). */
  readonly maxBackoffMs?: number;
  /**
   * The service's DataSource; needed for an embedded (pglite:) database, which is one session:
   * the relay then queries through the DataSource's single pooled connection (never inside
   * someone else's transaction) and is woken by PGlite's notifications instead of a LISTEN
   * connection of its own.
   */
  readonly dataSource?: DataSource;
}

/**
 * Publishes the outbox, oldest first, and lets each event go (deletes its row, or moves the
 * replication slot past it) once the broker has acknowledged it.
 *
 * - Woken after a commit with events: the table outbox's directly by a UnitOfWork in its own
 *   process, by NOTIFY from others, with a fallback poll; the WAL outbox's by its replication
 *   stream (see WalStream). While the broker is away the events simply wait, and the relay
 *   retries with backoff.
 * - One relay per database publishes at a time: leadership is a PostgreSQL session advisory lock
 *   held by the relay's own connection, so a second instance of a service stands by instead of
 *   racing the first and reordering events; only the leader reads the WAL outbox's slot.
 * - A crash between publishing and letting go publishes those events again: delivery is
 *   at-least-once, and consumers deduplicate by event id.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly logger: Logger;
  private readonly wakeup = new Wakeup();
  private readonly progress = new EventEmitter();
  private readonly stopping = new AbortController();
  private client: pg.Client | undefined;
  private embedded: { readonly close: () => Promise<void> } | undefined;
  private leader = false;
  private loop: Promise<void> | undefined;
  /** The batch last sent without an acknowledgement: what is sent next. */
  private unacknowledged: OutboxBatch | undefined;
  private storage: OutboxStorage = 'table';
  /** The WAL outbox's stream from its slot (while leading), read after the table's rows left from before it. */
  private walStream: WalStream | undefined;
  private tableDrained = false;
  private publishedSoFar = { requests: 0, events: 0 };

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 200;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
    this.logger = options.logger.child({ component: 'outbox-relay' });
  }

  /** Starts publishing from `storage`, where the service's {@link Outbox} writes (see chooseOutboxStorage). */
  start(storage: OutboxStorage = 'table'): void {
    this.storage = storage;
    this.loop ??= this.run();
  }

  /** The broker requests this relay has published with, and their events, since it started: how full its batches are. */
  get published(): { readonly requests: number; readonly events: number } {
    return { ...this.publishedSoFar };
  }

  /** Whether this instance holds the relay lock and is the one publishing. */
  get isLeader(): boolean {
    return this.leader;
  }

  /** Events were committed in this process: publishes them now if this is the relay publishing (see UnitOfWork). */
  wakeIfLeading(): boolean {
    if (!this.leader || this.stopping.signal.aborted) return false;
    // The WAL outbox's stream wakes the relay itself once the commit is decoded: not before.
    if (!this.walStream) this.wakeup.fire();
    return true;
  }

  /**
   * Publishes what is in the outbox now. Resolves true once the relay has seen the outbox empty,
   * false if that did not happen within `timeoutMs` (the broker is away): the rest stays in the
   * outbox for the next start. An instance that is not the leader has nothing to flush. (The WAL
   * outbox's "now" is what its stream has delivered: a commit still being decoded is left to the
   * next start, which reads it from the slot.)
   */
  async flush(timeoutMs: number): Promise<boolean> {
    if (!this.loop || !this.leader) return true;
    const drained = once(this.progress, 'drained', { signal: AbortSignal.timeout(timeoutMs) }).then(
      () => true,
      () => false,
    );
    this.wakeup.fire();
    return drained;
  }

  async stop(): Promise<void> {
    if (!this.loop) return;
    this.stopping.abort();
    this.wakeup.fire();
    await this.loop;
    await this.disconnect();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      try {
        await this.lead();
        const published = this.leader ? await this.publishBatch() : 0;
        failures = 0;
        if (published > 0) continue; // more may be waiting
        if (this.leader) this.progress.emit('drained');
        await this.wakeup.wait(this.pollIntervalMs);
      } catch (error) {
        failures += 1;
        const wait = backoff(failures, this.maxBackoffMs);
        this.logger.warn({ err: error, failures, retryInMs: wait }, 'Outbox relay could not publish; the events wait in the outbox');
        // A broker failure leaves the database connection (and the lock) healthy.
        if (!(error instanceof BrokerUnavailableError)) await this.disconnect();
        await pause(wait, this.stopping.signal);
      }
    }
  }

  /** Connects, listens and tries to take the relay lock, unless all that is already done. */
  private async lead(): Promise<void> {
    if (isPgliteUrl(this.options.databaseUrl)) return this.leadEmbedded();
    if (!this.client) {
      const client = new pg.Client({
        connectionString: this.options.databaseUrl,
        application_name: `${this.options.applicationName}:outbox-relay`,
      });
      client.on('notification', () => this.wakeup.fire());
      client.on('error', (error) => {
        this.logger.warn({ err: error }, 'Outbox relay lost its database connection');
        if (this.client === client) {
          this.client = undefined;
          this.leader = false;
          this.unacknowledged = undefined;
        }
        this.wakeup.fire();
      });
      await client.connect();
      this.client = client;
      await client.query('LISTEN outbox_events');
    }
    if (!this.leader) {
      const result = await this.client.query<{ acquired: boolean }>(
        `SELECT pg_try_advisory_lock(hashtext('klynge.outbox-relay')) AS acquired`,
      );
      this.leader = result.rows[0]?.acquired === true;
      if (this.leader) {
        this.logger.info({ outbox: this.storage }, 'Outbox relay is publishing for this database');
        // Rows from before the WAL outbox (the server ran without wal_level = logical) go first.
        this.tableDrained = false;
        if (this.storage === 'wal') {
          const names = await walOutboxNames((sql, params) => this.query(sql, params ?? []));
          this.walStream = new WalStream({
            databaseUrl: this.options.databaseUrl,
            applicationName: `${this.options.applicationName}:outbox-relay`,
            ...names,
            onChange: () => this.wakeup.fire(),
          });
          this.walStream.start();
        }
      }
    }
  }

  /**
   * An embedded database's directory is locked to this process (see database/pglite.ts), so there
   * is no other relay to stand by for: leadership is a given.
   */
  private async leadEmbedded(): Promise<void> {
    if (this.embedded) return;
    const dataSource = this.options.dataSource;
    if (!dataSource) throw new Error('An outbox relay on a pglite: database needs the DataSource');
    const database = openPglite(this.options.databaseUrl);
    const unsubscribe = database.pglite.onNotification((channel) => {
      if (channel === 'outbox_events') this.wakeup.fire();
    });
    // Through the pool, so that it never lands inside a transaction in progress.
    await dataSource.query('LISTEN outbox_events');
    this.embedded = {
      close: async () => {
        unsubscribe();
        await database.close();
      },
    };
    this.leader = true;
  }

  private async query<R>(sql: string, params: unknown[]): Promise<R[]> {
    if (this.embedded) return (await this.options.dataSource!.query<R[]>(sql, params)) ?? [];
    const client = this.client;
    if (!client) return [];
    return (await client.query(sql, params)).rows as R[];
  }

  /** Where the next events come from: the table (while rows are left in it), else the WAL. */
  private async readBatch(): Promise<OutboxBatch | undefined> {
    if (!this.walStream || !this.tableDrained) {
      const batch = await readTable((sql, params) => this.query(sql, params ?? []), this.batchSize);
      if (batch || !this.walStream) return batch;
      this.tableDrained = true;
    }
    return this.walStream.read(this.batchSize);
  }

  /**
   * Publishes the oldest events, then lets them go. A batch the broker did not acknowledge is sent
   * again exactly as it was (not with events added since): the idempotent producer recognises the
   * part the broker already has only when the same messages come again in the same requests.
   */
  private async publishBatch(): Promise<number> {
    if (!this.client && !this.embedded) return 0;
    const batch = this.unacknowledged ?? (await this.readBatch());
    if (!batch) return 0;
    this.unacknowledged = batch;
    const { messages } = batch;
    // Each traced event's publication is a span of the trace that wrote it (untraced events carry no traceparent).
    const spans = messages
      .filter((message) => message.headers.traceparent)
      .map((message) =>
        startSpanContinuing(
          { traceparent: message.headers.traceparent, tracestate: message.headers.tracestate },
          `${message.topic} publish`,
          SpanKind.PRODUCER,
          {
            'messaging.system': 'kafka',
            'messaging.operation.type': 'publish',
            'messaging.destination.name': message.topic,
            'messaging.kafka.message.key': message.key,
          },
        ),
      );
    try {
      await this.options.broker.publish(messages);
    } catch (error) {
      for (const span of spans) failed(span, error);
      throw error;
    } finally {
      for (const span of spans) span.end();
    }
    this.unacknowledged = undefined;
    this.publishedSoFar.requests += 1;
    this.publishedSoFar.events += messages.length;
    await batch.acknowledge();
    this.logger.debug({ count: messages.length }, 'Published outbox events');
    return messages.length;
  }

  private async disconnect(): Promise<void> {
    const embedded = this.embedded;
    this.embedded = undefined;
    await embedded?.close();
    const client = this.client;
    this.client = undefined;
    this.leader = false;
    const walStream = this.walStream;
    this.walStream = undefined;
    await walStream?.stop().catch(() => undefined);
    // Another instance may lead next and publish those rows: read them again when leading again.
    this.unacknowledged = undefined;
    // Ending the session releases the advisory lock.
    await client?.end().catch(() => undefined);
  }
}

/** The table outbox's oldest rows, by position; deleted once published. */
async function readTable(query: Query, limit: number): Promise<OutboxBatch | undefined> {
  const rows = await query<{ position: string; topic: string; message_key: string; payload: string; headers: Record<string, string> }>(
    'SELECT position, topic, message_key, payload, headers FROM outbox_events ORDER BY position LIMIT $1',
    [limit],
  );
  if (rows.length === 0) return undefined;
  return {
    messages: rows.map((row) => ({ topic: row.topic, key: row.message_key, value: row.payload, headers: row.headers })),
    acknowledge: async () =>
      void (await query('DELETE FROM outbox_events WHERE position = ANY($1::bigint[])', [rows.map((row) => row.position)])),
  };
}
