/**
 * The publish/subscribe contract between a Klynge service and a message broker.
 *
 * Services never talk to a broker client directly: the platform's outbox relay publishes through
 * `publish`, and its event consumers receive through `subscribe`. Kafka (kafkajs) implements this
 * in @klynge/broker-kafka; an in-process implementation can stand in where no broker runs, so the
 * same outbox, relay and consumer code serves both.
 */

/** A message as it travels: a key that decides its partition (and so its order), a body, headers. */
export interface BrokerMessage {
  /** Messages with the same key are delivered in the order they were published. */
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface OutgoingMessage extends BrokerMessage {
  readonly topic: string;
}

export interface DeliveredMessage extends BrokerMessage {
  readonly topic: string;
  readonly partition: number;
  /** The position in its partition, as a decimal string (Kafka offsets exceed 2^53). */
  readonly offset: string;
}

interface SubscriptionTarget {
  /** Subscribers sharing a group id share the work; each group sees every message. */
  readonly groupId: string;
  readonly topics: readonly string[];
  /**
   * The subscriber's own record of how far it has processed each partition, kept apart from the
   * group's committed offsets (in its database, say): asked whenever the subscription is given
   * partitions, before any of their messages is handed over. A partition whose record is behind
   * the group's committed offset is delivered from the record instead, and the group's offset
   * goes back there: the subscriber's store was set back (restored from a backup) and has not
   * seen the messages in between. Where the record is at or after the committed offset, or there
   * is none, delivery starts from the committed offset as usual.
   */
  readonly ownPositions?: (assigned: readonly TopicPartition[]) => Promise<readonly PartitionPosition[]>;
}

export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** A place in a partition: the offset of the next message to process there. */
export interface PartitionPosition extends TopicPartition {
  /** A decimal string, as offsets are. */
  readonly offset: string;
}

interface OneAtATime {
  /**
   * Called for each message, one at a time per partition, in partition order. When the returned
   * promise resolves the message counts as processed; when it rejects, the message is delivered
   * again (at-least-once), so handlers must be idempotent.
   */
  handle(message: DeliveredMessage): Promise<void>;
  readonly handleBatch?: never;
}

interface InBatches {
  /**
   * Called with the messages of one partition that are ready, in partition order (at least one,
   * at most the adapter's batch size), one batch at a time per partition. When the returned
   * promise resolves every message of the batch counts as processed; when it rejects, the whole
   * batch is delivered again, so handlers must be idempotent.
   */
  handleBatch(messages: readonly DeliveredMessage[]): Promise<void>;
  readonly handle?: never;
}

export type SubscribeOptions = SubscriptionTarget & (OneAtATime | InBatches);

/** Most messages a batch holds; adapters hand over fewer when fewer are ready. */
export const MAX_BATCH_SIZE = 500;

export interface Subscription {
  /**
   * Whether the subscriber is a member of its group: it has joined since it last (re)started, and
   * is not closed. A rebalance does not unset it (a member keeps its place while the group
   * settles, and unsetting it would take every member out of service at once); a failure that
   * restarts the subscription does, until it has joined again. A service is ready only while
   * each of its subscriptions has joined.
   */
  joined(): boolean;
  /** Stops receiving: waits for the message in hand to finish, then leaves the group. */
  close(): Promise<void>;
}

export interface MessageBroker {
  /** Creates the topics that do not exist yet. Safe to call repeatedly and concurrently. */
  ensureTopics(topics: readonly string[]): Promise<void>;
  /**
   * Publishes the messages and resolves once the broker has durably accepted every one of them
   * (for Kafka: acknowledged by all in-sync replicas). Messages sharing a key keep their order.
   * Rejects with {@link BrokerUnavailableError} when the broker cannot be reached; nothing is
   * then known to be published, and publishing again may duplicate some messages.
   */
  publish(messages: readonly OutgoingMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** Resolves when the broker answers; rejects with {@link BrokerUnavailableError} otherwise. */
  checkHealth(): Promise<void>;
  /** Closes every subscription and connection. */
  close(): Promise<void>;
}

/** The part of a pino logger a broker adapter writes to. */
export interface BrokerLogger {
  debug(details: object, message: string): void;
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** What a service tells the broker adapter it runs on: where the brokers are, and who it is. */
export interface BrokerSettings {
  /** Bootstrap servers, `host:port`. */
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Partitions of the topics the adapter creates. */
  readonly partitions?: number;
  /** Replicas of the topics the adapter creates. */
  readonly replicationFactor?: number;
  readonly logger?: BrokerLogger;
  /**
   * Who the client is to the broker (Kafka: SASL/SCRAM-SHA-512); without them it connects
   * unauthenticated, which a broker set up by infra/ refuses.
   */
  readonly credentials?: BrokerCredentials;
}

/** A principal's name and password on the broker. */
export interface BrokerCredentials {
  readonly username: string;
  readonly password: string;
}

/**
 * Makes a service's broker client. Where a process starts, it chooses the adapter (Kafka for a
 * service's own process, an in-process broker for `npm start`); the platform never names one.
 */
export type BrokerFactory = (settings: BrokerSettings) => MessageBroker;

export class BrokerUnavailableError extends Error {
  override readonly name = 'BrokerUnavailableError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A broker whose consumer groups can be rewound: what `npm run replay` needs (Kafka; not the in-process broker). */
export interface ReplayableBroker extends MessageBroker {
  /** Starts the group over from the first message each partition of `topics` holds; refused while the group has members. */
  rewindGroup(groupId: string, topics: readonly string[]): Promise<void>;
  /** How many messages of `topics` the group has committed, of all they hold. */
  groupProgress(groupId: string, topics: readonly string[]): Promise<{ readonly done: number; readonly total: number }>;
}

export function isReplayable(broker: MessageBroker): broker is ReplayableBroker {
  return (
    typeof (broker as Partial<ReplayableBroker>).rewindGroup === 'function' &&
    typeof (broker as Partial<ReplayableBroker>).groupProgress === 'function'
  );
}
