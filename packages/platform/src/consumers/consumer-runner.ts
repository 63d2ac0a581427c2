import type { DeliveredMessage, MessageBroker, PartitionPosition, Subscription, TopicPartition } from '@klynge/broker';
import type { DataSource, EntityManager } from 'typeorm';
import { isDatabaseUnavailable } from '../database/postgres-errors';
import {
  type EventContract,
  type EventEnvelope,
  type EventSchemas,
  inSpanContinuing,
  SpanKind,
  type TopicNames,
  UntrustedEventSourceError,
} from '../events';
import { type Logger, withLogContext } from '../logging';
import type { UnitOfWork } from '../outbox';
import { backoff, pause } from '@klynge/async';
import type { EventConsumer, EventHandler } from './event-consumer';

const identity = (source: string, id: string) => `${source}\n${id}`;

/** Where a batch leaves its partition: the offset after its last message. */
interface Position {
  readonly topic: string;
  readonly partition: number;
  readonly nextOffset: bigint;
}

/** An event this consumer has a handler for, read and checked. */
interface HandledEvent {
  readonly envelope: EventEnvelope;
  readonly handle: EventHandler<object>;
}

/** Headers a dead-lettered message carries besides its original ones. */
export const DEAD_LETTER_HEADERS = {
  error: 'dlq-error',
  originTopic: 'dlq-origin-topic',
  originPartition: 'dlq-origin-partition',
  originOffset: 'dlq-origin-offset',
  consumerGroup: 'dlq-consumer-group',
  attempts: 'dlq-attempts',
  failedAt: 'dlq-failed-at',
} as const;

export interface ConsumerRunnerOptions {
  readonly service: string;
  readonly consumer: EventConsumer;
  readonly broker: MessageBroker;
  readonly dataSource: DataSource;
  readonly unitOfWork: UnitOfWork;
  readonly schemas: EventSchemas;
  readonly topics: TopicNames;
  readonly logger: Logger;
  /** Tries of a failing handler before its event goes to the dead-letter topic (default 5). */
  readonly maxAttempts?: number;
  /** Longest pause between two tries (default 2 s). */
  readonly maxRetryDelayMs?: number;
  /**
   * The one source each event type may come from (services: the owner of its domain in the
   * registry, see ownerSourceOf). An event from any other source is dead-lettered with the reason:
   * a client the broker lets write to a topic does not thereby speak for the topic's owner.
   */
  readonly ownerOf?: (contract: EventContract) => string;
}

/**
 * Feeds one {@link EventConsumer} from the broker: at-least-once delivery in, exactly-once effect
 * out. An event that cannot be read, fails its schema, or whose handler keeps failing while the
 * database is healthy is parked on `<topic>.dlq` with the error and its origin, and the partition
 * moves on. When the database itself is away, nothing is parked: the event waits and is tried
 * again until the database answers (see isDatabaseUnavailable), or is delivered again.
 *
 * The database also keeps where the consumer is in each partition (consumer_positions, written
 * with each batch's effects), besides the group's offsets the broker keeps. Given a partition, the
 * subscription starts from the database's position where that is behind the group's: the database
 * was restored from a backup and has lost what the consumer applied after it, so that is applied
 * again. (A partition the database has no position for is read from its start, each event
 * already consumed skipped: a backup from before the consumer first read it, or a database from
 * before positions were kept.)
 */
export class ConsumerRunner {
  private readonly logger: Logger;
  private readonly groupId: string;
  private readonly stopping = new AbortController();
  private subscription: Subscription | undefined;

  constructor(private readonly options: ConsumerRunnerOptions) {
    this.groupId = options.topics.consumerGroup(options.service, options.consumer.name);
    this.logger = options.logger.child({ component: 'event-consumer', consumer: options.consumer.name });
  }

  async start(): Promise<void> {
    const { broker, consumer, topics } = this.options;
    this.subscription = await broker.subscribe({
      groupId: this.groupId,
      topics: consumer.topics.map((topic) => topics.topic(topic)),
      ownPositions: (assigned) => this.whileTheDatabaseIsAway(() => this.storedPositions(assigned)),
      handleBatch: (messages) => this.processBatch(messages),
    });
  }

  /** Whether its subscription is a member of the consumer group (see Subscription.joined). */
  joined(): boolean {
    return this.subscription?.joined() ?? false;
  }

  /** The consumer group it joins: `<topic prefix>.<service>.<consumer>`. */
  get group(): string {
    return this.groupId;
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.subscription?.close();
  }

  /**
   * A partition's ready messages in one transaction, the way a backlog is caught up quickly. If
   * anything in the batch fails (a message that cannot be read, a handler that throws), nothing
   * of it is kept, and its messages go one at a time through {@link process}, which retries,
   * parks the poison one on the dead-letter topic and applies the rest: order per partition and
   * so per key holds either way. The batch's position is recorded with its effects, or alone
   * when it had none.
   */
  private async processBatch(messages: readonly DeliveredMessage[]): Promise<void> {
    const last = messages.at(-1)!;
    const position = { topic: last.topic, partition: last.partition, nextOffset: BigInt(last.offset) + 1n };
    const recordedWithEffects = messages.length > 1 ? await this.applyInOneTransaction(messages, position) : undefined;
    if (recordedWithEffects === true) return;
    if (recordedWithEffects === undefined) {
      let recorded = false;
      for (const [index, message] of messages.entries()) {
        recorded = await this.process(message, index === messages.length - 1 ? position : undefined);
      }
      if (recorded) return;
    }
    await this.whileTheDatabaseIsAway(() => this.recordPosition(this.options.dataSource.manager, position));
  }

  /** The database's position in each of `assigned`: the start (0) of a partition it has none for. */
  private async storedPositions(assigned: readonly TopicPartition[]): Promise<PartitionPosition[]> {
    const rows = await this.options.dataSource.query<{ topic: string; partition: number; next_offset: string }[]>(
      'SELECT topic, partition, next_offset FROM consumer_positions WHERE consumer = $1',
      [this.options.consumer.name],
    );
    // None at all: a database this consumer has never applied an event in (a new one, not one
    // restored from a backup of its own). It starts where its group is, as a consumer without
    // positions of its own would: rebuilding a read model from the topics' start is a replay's
    // work (npm run replay), which also empties what the topics' older events would clash with.
    if (rows.length === 0) return [];
    const stored = new Map(rows.map((row) => [`${row.topic}:${row.partition}`, row.next_offset]));
    return assigned.map(({ topic, partition }) => ({ topic, partition, offset: stored.get(`${topic}:${partition}`) ?? '0' }));
  }

  private async recordPosition(manager: EntityManager, position: Position): Promise<void> {
    await manager.query(
      `INSERT INTO consumer_positions (consumer, topic, partition, next_offset) VALUES ($1, $2, $3, $4)
       ON CONFLICT (consumer, topic, partition) DO UPDATE SET next_offset = excluded.next_offset, updated_at = now()`,
      [this.options.consumer.name, position.topic, position.partition, String(position.nextOffset)],
    );
  }

  /**
   * Runs `work` against the database, waiting while the database is away (as events do, see
   * {@link process}) rather than failing the batch, which would make the broker deliver it again
   * and again meanwhile.
   */
  private async whileTheDatabaseIsAway<T>(work: () => Promise<T>): Promise<T> {
    for (let away = 1; ; away += 1) {
      try {
        return await work();
      } catch (error) {
        if (this.stopping.signal.aborted || !isDatabaseUnavailable(error)) throw error;
        const wait = backoff(away, this.options.maxRetryDelayMs ?? 2_000);
        this.logger.warn({ err: error, retryInMs: wait }, 'The database cannot be reached; the event waits');
        await pause(wait, this.stopping.signal);
      }
    }
  }

  /**
   * Undefined when the batch must go one by one (nothing written); otherwise whether its
   * position was recorded with its effects (not when none of it had any).
   */
  private async applyInOneTransaction(messages: readonly DeliveredMessage[], position: Position): Promise<boolean | undefined> {
    const events: HandledEvent[] = [];
    for (const message of messages) {
      const read = this.read(message);
      if ('error' in read) return undefined;
      if (read.handle) events.push({ envelope: read.envelope, handle: read.handle });
    }
    if (events.length === 0) return false;
    try {
      await this.apply(events, position);
      return true;
    } catch (error) {
      if (this.stopping.signal.aborted) throw error; // delivered again after the restart
      this.logger.debug({ err: error, events: events.length }, 'A batch failed as one transaction; applying it one event at a time');
      return undefined;
    }
  }

  /** Applies one message; true when `position` (given for a batch's last) was recorded with its effects. */
  private async process(message: DeliveredMessage, position?: Position): Promise<boolean> {
    const read = this.read(message);
    if ('error' in read) {
      await this.deadLetter(message, read.error, 0, read.envelope);
      return false;
    }
    const { envelope, handle } = read;
    if (!handle) return false;

    const context = { eventId: envelope.id, eventType: envelope.type, correlationId: envelope.correlationid };
    return withLogContext(context, async () => {
      const maxAttempts = this.options.maxAttempts ?? 5;
      let attempt = 0;
      let away = 0;
      for (;;) {
        try {
          await this.apply([{ envelope, handle }], position);
          return position !== undefined;
        } catch (error) {
          if (this.stopping.signal.aborted) throw error; // delivered again after the restart
          if (isDatabaseUnavailable(error)) {
            // The database is away (a restart, a failover): the event is not to blame, and
            // nothing else can be applied meanwhile. It waits here, heartbeating, and is tried
            // again until the database answers; such tries do not count towards dead-lettering.
            away += 1;
            const wait = backoff(away, this.options.maxRetryDelayMs ?? 2_000);
            this.logger.warn({ err: error, retryInMs: wait }, 'The database cannot be reached; the event waits');
            await pause(wait, this.stopping.signal);
            continue;
          }
          away = 0;
          attempt += 1;
          if (attempt < maxAttempts) {
            const wait = backoff(attempt, this.options.maxRetryDelayMs ?? 2_000);
            this.logger.warn({ err: error, attempt, retryInMs: wait }, 'Event handler failed; trying again');
            await pause(wait, this.stopping.signal);
            continue;
          }
          if (!(await this.databaseAnswers())) throw error;
          await this.deadLetter(message, error, attempt, envelope);
          return false;
        }
      }
    });
  }

  /**
   * A message as an event this consumer handles: its envelope and handler (none for a type of
   * the topic it does not handle), or why it cannot be taken (unreadable, of a type the topic
   * does not declare, from a source that does not own it, or breaking its schema).
   */
  private read(
    message: DeliveredMessage,
  ): { envelope: EventEnvelope; handle?: EventHandler<object> } | { error: unknown; envelope?: EventEnvelope } {
    const schemas: EventSchemas = this.options.schemas;
    let envelope: EventEnvelope;
    try {
      const parsed: unknown = JSON.parse(message.value);
      schemas.assertEnvelope(parsed);
      envelope = parsed;
    } catch (error) {
      return { error };
    }
    try {
      // A topic carries several types a consumer may ignore, but only those its owner declares:
      // anything else is parked where it is consumed, for someone to see, not silently skipped.
      schemas.assertDeclared(this.options.topics.logical(message.topic), envelope.type);
    } catch (error) {
      return { error, envelope };
    }
    const registration = this.options.consumer.handlerFor(envelope.type);
    if (!registration) return { envelope };
    const owner = this.options.ownerOf?.(registration.contract);
    if (owner !== undefined && envelope.source !== owner) {
      return { error: new UntrustedEventSourceError(envelope.type, envelope.source, owner), envelope };
    }
    try {
      schemas.assertData(registration.contract, envelope.data);
    } catch (error) {
      return { error, envelope };
    }
    return { envelope, handle: registration.handle };
  }

  /**
   * Applies `events` in one transaction, each once: the ones this consumer has taken effect from
   * already (found in one statement) are skipped, also an event delivered twice among them.
   * `position`, when given, is recorded in the same transaction.
   */
  private async apply(events: readonly HandledEvent[], position?: Position): Promise<void> {
    await this.options.unitOfWork.run(async (tx) => {
      if (position) await this.recordPosition(tx.manager, position);
      const fresh = await tx.manager.query<{ event_source: string; event_id: string }[]>(
        `INSERT INTO consumed_events (consumer, event_source, event_id, event_type, outcome)
         SELECT $1, source, id, type, 'handled' FROM unnest($2::text[], $3::text[], $4::text[]) AS event(source, id, type)
         ON CONFLICT DO NOTHING RETURNING event_source, event_id`,
        [
          this.options.consumer.name,
          events.map(({ envelope }) => envelope.source),
          events.map(({ envelope }) => envelope.id),
          events.map(({ envelope }) => envelope.type),
        ],
      );
      const pending = new Set(fresh.map((row) => identity(row.event_source, row.event_id)));
      for (const { envelope, handle } of events) {
        if (!pending.delete(identity(envelope.source, envelope.id))) {
          this.logger.debug({ eventId: envelope.id }, 'Event already consumed; delivery ignored');
          continue;
        }
        const context = { eventId: envelope.id, eventType: envelope.type, correlationId: envelope.correlationid };
        // The handler's work (its statements, the events it publishes) continues the trace that wrote the event.
        await inSpanContinuing(
          envelope,
          `${this.options.consumer.name} process ${envelope.type}`,
          SpanKind.CONSUMER,
          { 'messaging.system': 'kafka', 'messaging.operation.type': 'process', 'messaging.message.id': envelope.id },
          () => withLogContext(context, () => handle(envelope, { ...tx, logger: this.logger })),
        );
      }
    });
  }

  /**
   * Parks `message` on its topic's dead-letter topic, once: a message this consumer parked before
   * (found in dead_letters by its origin, and its event's identity when it could be read) is not
   * parked again when it comes back, as every message does in a replay. It is published first and
   * recorded after, so a crash between the two parks it twice rather than never.
   */
  private async deadLetter(message: DeliveredMessage, error: unknown, attempts: number, envelope?: EventEnvelope): Promise<void> {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const origin = [
      this.options.consumer.name,
      message.topic,
      message.partition,
      message.offset,
      envelope?.source ?? null,
      envelope?.id ?? null,
    ];
    // The event's identity as well as the offset: a topic made anew (a development broker reset)
    // counts offsets from 0 again, and another message there is parked as any other.
    const [parkedBefore] = await this.options.dataSource.query<unknown[]>(
      `SELECT 1 FROM dead_letters WHERE consumer = $1 AND origin_topic = $2 AND origin_partition = $3 AND origin_offset = $4
         AND event_source IS NOT DISTINCT FROM $5 AND event_id IS NOT DISTINCT FROM $6`,
      origin,
    );
    if (parkedBefore) {
      await this.recordConsumed(envelope);
      this.logger.info(
        { err: error, topic: message.topic, partition: message.partition, offset: message.offset, eventId: envelope?.id },
        'Event parked on the dead-letter topic before; not parked again',
      );
      return;
    }
    await this.options.broker.publish([
      {
        topic: this.options.topics.deadLetter(message.topic),
        key: message.key,
        value: message.value,
        headers: {
          ...message.headers,
          [DEAD_LETTER_HEADERS.error]: reason.slice(0, 2_000),
          [DEAD_LETTER_HEADERS.originTopic]: message.topic,
          [DEAD_LETTER_HEADERS.originPartition]: String(message.partition),
          [DEAD_LETTER_HEADERS.originOffset]: message.offset,
          [DEAD_LETTER_HEADERS.consumerGroup]: this.groupId,
          [DEAD_LETTER_HEADERS.attempts]: String(attempts),
          [DEAD_LETTER_HEADERS.failedAt]: new Date().toISOString(),
        },
      },
    ]);
    await this.options.dataSource.query(
      `INSERT INTO dead_letters (consumer, origin_topic, origin_partition, origin_offset, event_source, event_id, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (consumer, origin_topic, origin_partition, origin_offset)
       DO UPDATE SET event_source = excluded.event_source, event_id = excluded.event_id, reason = excluded.reason, dead_lettered_at = now()`,
      [...origin, reason],
    );
    await this.recordConsumed(envelope);
    this.logger.error(
      { err: error, topic: message.topic, partition: message.partition, offset: message.offset, eventId: envelope?.id },
      'Event sent to the dead-letter topic',
    );
  }

  /** A parked event is consumed too: a later redelivery of it (another offset) is then recognised and skipped. */
  private async recordConsumed(envelope: EventEnvelope | undefined): Promise<void> {
    if (!envelope) return;
    await this.options.dataSource.query(
      `INSERT INTO consumed_events (consumer, event_source, event_id, event_type, outcome)
       VALUES ($1, $2, $3, $4, 'dead-lettered') ON CONFLICT DO NOTHING`,
      [this.options.consumer.name, envelope.source, envelope.id, envelope.type],
    );
  }

  private async databaseAnswers(): Promise<boolean> {
    try {
      await this.options.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}
