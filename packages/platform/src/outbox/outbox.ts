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

export interface PublishInput<TData extends object> {
  /** The aggregate's id: the envelope's subject and the message key. */
  readonly subject: string;
  readonly data: TData;
}

/**
 * Writes events into the outbox table inside the caller's transaction, so an event exists if
 * and only if the write it describes commits. The {@link OutboxRelay} publishes them afterwards.
 */
export class Outbox {
  constructor(
    private readonly options: {
      /** The CloudEvents `source` of everything this service publishes, e.g. `/klynge/clusters`. */
      readonly source: string;
      readonly schemas: EventSchemas;
      readonly topics: TopicNames;
    },
  ) {}

  async add<TData extends object>(
    manager: EntityManager,
    contract: EventContract<TData>,
    input: PublishInput<TData>,
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
    // Transactions writing events for the same key take their outbox positions one after the
    // other, in commit order; the relay publishes by position, so per-key order survives
    // concurrent writers. The lock is released at commit or rollback. One statement, one round
    // trip: the row (and its position) is made only once the lock is held (a volatile CTE is not
    // folded into the query).
    await manager.query(
      `WITH locked AS (SELECT pg_advisory_xact_lock(hashtext($2), hashtext($3)))
       INSERT INTO outbox_events (event_id, topic, message_key, payload, headers) SELECT $1, $2, $3, $4, $5 FROM locked`,
      [
        envelope.id,
        topic,
        input.subject,
        JSON.stringify(envelope),
        // traceparent also as a Kafka header, where W3C-aware Kafka tools look for it (the envelope carries it too).
        { 'content-type': CLOUDEVENTS_CONTENT_TYPE, ...trace },
      ],
    );
    return envelope;
  }
}
