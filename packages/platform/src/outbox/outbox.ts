import { escapeLiteral } from 'pg';
import type { EntityManager } from 'typeorm';
import {
  CLOUDEVENTS_CONTENT_TYPE,
  createEnvelope,
  type EventContract,
  type EventEnvelope,
  type EventSchemas,
  currentTraceContext,
  type TopicNames,
} from '../events';
import { currentLogContext } from '../logging';
import { type OutboxStorage, WAL_OUTBOX_PREFIX } from './outbox-storage';

export interface PublishInput<TData extends object> {
  /** The aggregate's id: the envelope's subject and the message key. */
  readonly subject: string;
  readonly data: TData;
}

/** What the relay publishes for one event; the WAL outbox's message content. */
export interface OutboxMessage {
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  readonly headers: Record<string, string>;
}

/**
 * Writes events into the outbox inside the caller's transaction, so an event exists if and only
 * if the write it describes commits. The {@link OutboxRelay} publishes them afterwards. Where the
 * events wait (see {@link OutboxStorage}) is the table until the service has found out at start
 * what its database supports ({@link Outbox.use}).
 */
export class Outbox {
  private storage: OutboxStorage = 'table';

  constructor(
    private readonly options: {
      /** The CloudEvents `source` of everything this service publishes, e.g. `/klynge/clusters`. */
      readonly source: string;
      readonly schemas: EventSchemas;
      readonly topics: TopicNames;
    },
  ) {}

  /** Where events are written from now on: the relay reading the same storage must be started with it. */
  use(storage: OutboxStorage): void {
    this.storage = storage;
  }

  /**
   * `beforeCommit`: where the caller, which commits the transaction itself, collects the WAL
   * outbox's messages to send with its COMMIT (see UnitOfWork); without it they are sent now.
   */
  async add<TData extends object>(
    manager: EntityManager,
    contract: EventContract<TData>,
    input: PublishInput<TData>,
    beforeCommit?: string[],
  ): Promise<EventEnvelope<TData>> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Outbox.add needs the EntityManager of an open transaction: the event must commit with its write');
    }
    this.options.schemas.assertData(contract, input.data);
    const context = currentLogContext();
    const trace = currentTraceContext();
    const envelope = createEnvelope(contract, {
      source: this.options.source,
      subject: input.subject,
      data: input.data,
      correlationId: context.requestId ?? context.eventId,
      trace,
    });
    const topic = this.options.topics.topic(contract.topic);
    // traceparent also as a Kafka header, where W3C-aware Kafka tools look for it (the envelope carries it too).
    const headers = { 'content-type': CLOUDEVENTS_CONTENT_TYPE, ...trace };
    const value = JSON.stringify(envelope);
    if (this.storage === 'wal') {
      // PostgreSQL decodes committed transactions in commit order, so per-key order needs no lock:
      // a later writer of the same aggregate commits later. Nothing is decoded for a rollback.
      const message: OutboxMessage = { topic, key: input.subject, value, headers };
      if (beforeCommit) beforeCommit.push(emitStatement(message));
      else await manager.query('SELECT pg_logical_emit_message(true, $1, $2::text)', [WAL_OUTBOX_PREFIX, JSON.stringify(message)]);
      return envelope;
    }
    // Transactions writing events for the same key take their outbox positions one after the
    // other, in commit order; the relay publishes by position, so per-key order survives
    // concurrent writers. The lock is released at commit or rollback. One statement, one round
    // trip: the row (and its position) is made only once the lock is held (a volatile CTE is not
    // folded into the query).
    await manager.query(
      `WITH locked AS (SELECT pg_advisory_xact_lock(hashtext($2), hashtext($3)))
       INSERT INTO outbox_events (event_id, topic, message_key, payload, headers) SELECT $1, $2, $3, $4, $5 FROM locked`,
      [envelope.id, topic, input.subject, value, headers],
    );
    return envelope;
  }
}

/** The WAL outbox's message as one statement of a simple (multi-statement) query: its text as a literal. */
function emitStatement(message: OutboxMessage): string {
  return `SELECT pg_logical_emit_message(true, ${escapeLiteral(WAL_OUTBOX_PREFIX)}, ${escapeLiteral(JSON.stringify(message))})`;
}
