import { type BrokerLogger, type DeliveredMessage, MAX_BATCH_SIZE, type SubscribeOptions, type Subscription } from '@klynge/broker';
import type { Consumer, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { CLIENT_RETRY, disconnectQuietly } from './kafka-client';

/** What a subscription takes from the adapter's options. */
export interface SubscriptionSettings {
  /** How many partitions a subscription processes at once (default 3). Order holds per partition. */
  readonly partitionsConsumedConcurrently?: number;
  readonly logger?: BrokerLogger;
}

const RESUBSCRIBE_DELAY_MS = 1_000;
/**
 * A member that misses heartbeats this long leaves its group. Short, so that after a broker
 * restart the group does not wait long for members that died with the old connections (kafkajs
 * rejoins as a new member, and has no static membership); handlers that run longer keep their
 * membership by heartbeating while they run. Below Kafka's default minimum (6 s): our brokers
 * allow it with `group.min.session.timeout.ms=2000` (infra/kafka, docker-compose.yml).
 */
const SESSION_TIMEOUT_MS = 2_000;
const HEARTBEAT_INTERVAL_MS = 500;
/**
 * How long the broker may hold a fetch open when nothing is new: the Java client's default.
 * (kafkajs waits 5 s, and a consumer cannot leave its group while a fetch is open.)
 */
const FETCH_MAX_WAIT_MS = 500;

/**
 * One consumer group member. It keeps itself running: if the broker is away when it starts, or
 * its consumer crashes, it subscribes again after a pause, as a new member.
 */
export class KafkaSubscription implements Subscription {
  private consumer: Consumer | undefined;
  private restartTimer: NodeJS.Timeout | undefined;
  private starting: Promise<void> | undefined;
  private closed = false;
  /** Set by kafkajs's GROUP_JOIN; unset when the consumer fails and is restarted, and on close. */
  private memberOfGroup = false;
  /** Counts the group joins: the starting positions settled for one join are dropped once another has come. */
  private joins = 0;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: SubscribeOptions,
    private readonly settings: SubscriptionSettings,
    private readonly hooks: {
      ensureTopics(topics: readonly string[]): Promise<void>;
      committedOffsets(groupId: string, topics: readonly string[]): Promise<Map<string, string>>;
      onClosed(subscription: KafkaSubscription): void;
    },
  ) {}

  /** Resolves after the first attempt to join; a failed attempt is retried in the background. */
  start(): Promise<void> {
    this.starting = this.attempt();
    return this.starting;
  }

  joined(): boolean {
    return this.memberOfGroup && !this.closed;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.memberOfGroup = false;
    clearTimeout(this.restartTimer);
    await this.starting;
    // disconnect() waits for the message in hand to be processed before leaving the group.
    await disconnectQuietly(this.consumer);
    this.consumer = undefined;
    this.hooks.onClosed(this);
  }

  private async attempt(): Promise<void> {
    if (this.closed) return;
    const { groupId, topics } = this.options;
    const consumer = this.kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: SESSION_TIMEOUT_MS,
      heartbeatInterval: HEARTBEAT_INTERVAL_MS,
      maxWaitTimeInMs: FETCH_MAX_WAIT_MS,
      // kafkajs would restart a crashed consumer on a timer of its own, which close() cannot
      // cancel when the crash comes while it closes. Restarts are this class's: scheduleRestart,
      // which close() cancels.
      retry: { ...CLIENT_RETRY, restartOnFailure: () => Promise.resolve(false) },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) => this.scheduleRestart(consumer, payload.error));
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      if (this.consumer === consumer) this.memberOfGroup = true;
      this.startFromOwnPositions(consumer, payload.memberAssignment);
    });
    try {
      await this.hooks.ensureTopics(topics);
      await consumer.connect();
      await consumer.subscribe({ topics: [...topics], fromBeginning: true });
      const options = this.options;
      await consumer.run({
        partitionsConsumedConcurrently: this.settings.partitionsConsumedConcurrently ?? 3,
        ...(options.handleBatch
          ? {
              eachBatchAutoResolve: false,
              eachBatch: (payload) =>
                heartbeating(payload, async () => {
                  const { batch } = payload;
                  // A fetch can bring more than a batch: handed over in slices, each resolved
                  // once handled, so a failure redelivers only from the slice that failed.
                  for (let start = 0; start < batch.messages.length; start += MAX_BATCH_SIZE) {
                    if (!payload.isRunning() || payload.isStale()) return;
                    const slice = batch.messages.slice(start, start + MAX_BATCH_SIZE);
                    await options.handleBatch(slice.map((message) => toDelivered(batch.topic, batch.partition, message)));
                    payload.resolveOffset(slice.at(-1)!.offset);
                  }
                }),
            }
          : {
              eachMessage: (payload) =>
                heartbeating(payload, () => options.handle(toDelivered(payload.topic, payload.partition, payload.message))),
            }),
      });
    } catch (error) {
      this.scheduleRestart(consumer, error);
    }
  }

  /**
   * Where the subscriber keeps positions of its own (SubscribeOptions.ownPositions), a partition
   * whose position there is behind the group's committed offset starts from it. kafkajs emits
   * GROUP_JOIN once the assignment is known and before it fetches for it; the partitions are
   * paused right then, so none of their messages is fetched from the committed offset meanwhile,
   * and resumed once the sought offsets are set (kafkajs commits a sought offset before it next
   * fetches the partition).
   */
  private startFromOwnPositions(consumer: Consumer, memberAssignment: Readonly<Record<string, readonly number[]>>): void {
    const ownPositions = this.options.ownPositions;
    const assigned = Object.entries(memberAssignment)
      .filter(([, partitions]) => partitions.length > 0)
      .map(([topic, partitions]) => ({ topic, partitions: [...partitions] }));
    if (!ownPositions || assigned.length === 0) return;
    const join = (this.joins += 1);
    try {
      consumer.pause(assigned);
    } catch (error) {
      this.scheduleRestart(consumer, error);
      return;
    }
    const { groupId } = this.options;
    const settle = async () => {
      const [committed, own] = await Promise.all([
        this.hooks.committedOffsets(
          groupId,
          assigned.map(({ topic }) => topic),
        ),
        ownPositions(assigned.flatMap(({ topic, partitions }) => partitions.map((partition) => ({ topic, partition })))),
      ]);
      // A later join has its own assignment to settle, and resumes that.
      if (join !== this.joins || this.consumer !== consumer || this.closed) return;
      for (const { topic, partition, offset } of own) {
        const groupAt = committed.get(`${topic}:${partition}`);
        if (groupAt === undefined || BigInt(offset) >= BigInt(groupAt)) continue;
        this.settings.logger?.warn(
          { component: 'kafkajs', groupId, topic, partition, groupAt, subscriberAt: offset },
          "The subscriber has processed less of the partition than its group committed (its store restored from a backup?): delivering from the subscriber's position",
        );
        consumer.seek({ topic, partition, offset });
      }
      consumer.resume(assigned);
    };
    settle().catch((error: unknown) => this.scheduleRestart(consumer, error));
  }

  private scheduleRestart(consumer: Consumer, error: unknown): void {
    if (this.closed || this.consumer !== consumer) return;
    this.memberOfGroup = false;
    this.settings.logger?.warn(
      { component: 'kafkajs', groupId: this.options.groupId, err: error },
      `Kafka subscription stopped; joining again in ${RESUBSCRIBE_DELAY_MS} ms`,
    );
    void disconnectQuietly(consumer);
    this.restartTimer = setTimeout(() => {
      this.starting = this.attempt();
    }, RESUBSCRIBE_DELAY_MS);
  }
}

/** Runs a handler, heartbeating while it runs: a slow one keeps its group membership. */
async function heartbeating(payload: { heartbeat(): Promise<void> }, work: () => Promise<void>): Promise<void> {
  const keepAlive = setInterval(() => void payload.heartbeat().catch(() => undefined), HEARTBEAT_INTERVAL_MS);
  try {
    await work();
  } finally {
    clearInterval(keepAlive);
  }
}

function toDelivered(topic: string, partition: number, message: KafkaMessage): DeliveredMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? '',
    value: message.value?.toString('utf8') ?? '',
    headers: headersToStrings(message.headers),
  };
}

function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    // A repeated header arrives as an array; the last value wins, as in an HTTP header map.
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) result[name] = last.toString();
  }
  return result;
}
