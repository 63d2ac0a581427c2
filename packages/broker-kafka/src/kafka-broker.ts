import net from 'node:net';
import { waitFor } from '@klynge/async';
import {
  type BrokerFactory,
  type BrokerLogger,
  type BrokerSettings,
  BrokerUnavailableError,
  type DeliveredMessage,
  MAX_BATCH_SIZE,
  type ReplayableBroker,
  type OutgoingMessage,
  type SubscribeOptions,
  type Subscription,
} from '@klynge/broker';
import {
  type AclEntry,
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  type Admin,
  AssignerProtocol,
  type Consumer,
  type IHeaders,
  Kafka,
  type KafkaMessage,
  logLevel,
  type LogEntry,
  Partitioners,
  type Producer,
  ResourcePatternTypes,
} from 'kafkajs';
import { fixKafkajsRequestQueue } from './request-queue-fix';

// Before any client exists: kafkajs's connections otherwise spin on a 1 ms timer (see the file).
fixKafkajsRequestQueue();

export type { BrokerLogger };

/** A consumer group as the coordinator sees it: its state and each member's partitions. */
export interface GroupAssignments {
  /** Kafka's group state: `Stable`, `PreparingRebalance`, `CompletingRebalance`, `Empty`, `Dead`. */
  readonly state: string;
  readonly members: readonly GroupMemberAssignment[];
}

export interface GroupMemberAssignment {
  readonly memberId: string;
  readonly clientId: string;
  readonly clientHost: string;
  /** The partitions assigned to the member, by topic (none while the group rebalances). */
  readonly partitions: Readonly<Record<string, readonly number[]>>;
}

/** What a principal may do with a kind of resource, as Kafka's ACLs name it. */
export type KafkaOperation = 'READ' | 'WRITE' | 'CREATE' | 'DELETE' | 'DESCRIBE' | 'ALTER' | 'DESCRIBE_CONFIGS';

/**
 * One rule of Kafka's StandardAuthorizer, allowing `principal` the `operations` on a topic or a
 * consumer group: the one named `name`, or with `prefixed` every one whose name starts with it.
 */
export interface KafkaAcl {
  /** The SASL user name (the authorizer's `User:<name>`). */
  readonly principal: string;
  readonly resource: 'topic' | 'group';
  readonly name: string;
  readonly prefixed: boolean;
  readonly operations: readonly KafkaOperation[];
}

/**
 * The rules a sync of access governs (see {@link KafkaBroker.syncAccess}): those of `principals`
 * on the topics and consumer groups whose names `covers` accepts. Rules outside it (another
 * deployment's topic prefix, a principal nobody registered) are left as they are.
 */
export interface KafkaAccessScope {
  readonly principals: readonly string[];
  covers(resourceName: string): boolean;
}

/** Partitions and replicas default to 3 and 1 (a single development broker). */
export interface KafkaBrokerOptions extends BrokerSettings {
  /** How many partitions a subscription processes at once (default 3). Order holds per partition. */
  readonly partitionsConsumedConcurrently?: number;
}

/** The Kafka adapter, for a service's own process: `subgraph.main(argv, { broker: kafkaBroker })`. */
export const kafkaBroker: BrokerFactory = (settings) => new KafkaBroker(settings);

/** As kafkajs's own socket factory: TCP keep-alive probes after a minute idle. */
const KEEP_ALIVE_DELAY_MS = 60_000;
/** Kafka's own retries are kept short: the outbox relay and the subscriptions retry on top. */
const CLIENT_RETRY = { initialRetryTime: 200, maxRetryTime: 2_000, retries: 3 };
const RESUBSCRIBE_DELAY_MS = 1_000;
/** How long a new topic may take to get leaders for all its partitions. */
const TOPIC_READY_TIMEOUT_MS = 30_000;
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
/** acks = -1: the leader answers only once every in-sync replica has the messages. */
const ACKS_ALL = -1;

/**
 * Kafka through kafkajs. Topics are created explicitly (brokers run with
 * `auto.create.topics.enable=false`) and partitioned with Kafka's Java-compatible murmur2
 * partitioner, so a partner's Java producer and ours put the same key in the same partition.
 */
/** A rule as kafkajs's admin sends it: one entry per operation, allowed from any host. */
function aclEntries(acl: KafkaAcl): AclEntry[] {
  return acl.operations.map((operation) => ({
    resourceType: acl.resource === 'topic' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
    resourceName: acl.name,
    resourcePatternType: acl.prefixed ? ResourcePatternTypes.PREFIXED : ResourcePatternTypes.LITERAL,
    principal: `User:${acl.principal}`,
    host: '*',
    operation: AclOperationTypes[operation],
    permissionType: AclPermissionTypes.ALLOW,
  }));
}

/** One rule, exactly as the authorizer holds it: two rules are the same when their keys are. */
function aclKey(entry: AclEntry): string {
  return JSON.stringify([
    entry.principal,
    entry.resourceType,
    entry.resourceName,
    entry.resourcePatternType,
    entry.host,
    entry.operation,
    entry.permissionType,
  ]);
}

/** A rule as an operator reads it in a log: `User:siva WRITE topic clusters.* from *`. */
function describeAclEntry(entry: AclEntry): string {
  const named = <T extends Record<string, unknown>>(values: T, value: unknown) =>
    Object.keys(values).find((key) => values[key] === value) ?? String(value);
  const pattern = entry.resourcePatternType === ResourcePatternTypes.PREFIXED ? '*' : '';
  return `${entry.principal} ${named(AclOperationTypes, entry.operation)} ${named(AclResourceTypes, entry.resourceType).toLowerCase()} ${entry.resourceName}${pattern} from ${entry.host}`;
}

/** Kafka's error codes for DeleteGroups. */
const GROUP_NOT_EMPTY = 68;
const GROUP_ID_NOT_FOUND = 69;

export class KafkaBroker implements ReplayableBroker {
  private readonly kafka: Kafka;
  private producer: Connecting<Producer> | undefined;
  private admin: Connecting<Admin> | undefined;
  private readonly existingTopics = new Set<string>();
  private readonly subscriptions = new Set<KafkaSubscription>();
  /** Every connection kafkajs opened for this adapter and has not closed yet. */
  private readonly sockets = new Set<net.Socket>();
  private closed = false;
  /** Set once close() has released everything: a connection opened after that is ended at once. */
  private released = false;

  constructor(private readonly options: KafkaBrokerOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      ...(options.credentials && { sasl: { mechanism: 'scram-sha-512', ...options.credentials } }),
      socketFactory: ({ host, port, onConnect }) => {
        const socket = net.connect({ host, port }, onConnect);
        socket.setKeepAlive(true, KEEP_ALIVE_DELAY_MS);
        if (this.released) {
          socket.destroy();
          return socket;
        }
        this.sockets.add(socket);
        socket.once('close', () => this.sockets.delete(socket));
        return socket;
      },
      connectionTimeout: 3_000,
      requestTimeout: 10_000,
      retry: CLIENT_RETRY,
      logLevel: logLevel.INFO,
      logCreator: () => (entry) => this.log(entry),
    });
  }

  async ensureTopics(topics: readonly string[]): Promise<void> {
    const wanted = [...new Set(topics)].filter((topic) => !this.existingTopics.has(topic));
    if (wanted.length === 0) return;
    await this.withAdmin(async (admin) => {
      const existing = new Set(await admin.listTopics());
      const missing = wanted.filter((topic) => !existing.has(topic));
      if (missing.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({
            topic,
            numPartitions: this.options.partitions ?? 3,
            replicationFactor: this.options.replicationFactor ?? 1,
            // An event topic keeps its events for good, so a read model can be rebuilt from the start
            // (npm run replay); a dead-letter topic keeps the broker's default (7 days).
            configEntries: topic.endsWith('.dlq') ? [] : [{ name: 'retention.ms', value: '-1' }],
          })),
        });
      }
      await awaitLeaders(admin, wanted);
    });
    for (const topic of wanted) this.existingTopics.add(topic);
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    this.assertOpen();
    const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
    for (const { topic, key, value, headers } of messages) {
      const batch = byTopic.get(topic) ?? [];
      batch.push({ key, value, headers: { ...headers } });
      byTopic.set(topic, batch);
    }
    await this.ensureTopics([...byTopic.keys()]);
    try {
      const producer = await this.connectedProducer();
      await producer.sendBatch({
        acks: ACKS_ALL,
        topicMessages: [...byTopic].map(([topic, batch]) => ({ topic, messages: batch })),
      });
    } catch (error) {
      // The same producer sends again, with the same sequence numbers, so the broker recognises
      // what it already has: kafkajs reconnects it by itself. Only a producer the broker no longer
      // accepts is replaced (a new producer id, whose resends the broker cannot recognise).
      if (producerRejected(error)) await this.dropProducer();
      throw unavailable('publish', error);
    }
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    this.assertOpen();
    const subscription = new KafkaSubscription(this.kafka, options, this.options, {
      ensureTopics: (topics) => this.ensureTopics(topics),
      committedOffsets: (groupId, topics) => this.committedOffsets(groupId, topics),
      onClosed: (closed) => this.subscriptions.delete(closed),
    });
    this.subscriptions.add(subscription);
    await subscription.start();
    return subscription;
  }

  async checkHealth(): Promise<void> {
    await this.withAdmin((admin) => admin.describeCluster());
  }

  /**
   * How many messages each partition of `topic` holds: its high watermark less its low one.
   * For operators and tests: what is on the topic, whatever any consumer has read.
   */
  async messagesPerPartition(topic: string): Promise<Map<number, number>> {
    const offsets = await this.withAdmin((admin) => admin.fetchTopicOffsets(topic));
    return new Map(offsets.map(({ partition, high, low }) => [partition, Number(high) - Number(low)]));
  }

  /**
   * Who in consumer group `groupId` holds which partitions. For operators and tests: which
   * instances of a service share its topics, and who took over when one of them went away.
   */
  async groupAssignments(groupId: string): Promise<GroupAssignments> {
    const { groups } = await this.withAdmin((admin) => admin.describeGroups([groupId]));
    const group = groups.find((described) => described.groupId === groupId);
    if (!group) return { state: 'Unknown', members: [] };
    return {
      state: group.state,
      members: group.members.map(({ memberId, clientId, clientHost, memberAssignment }) => ({
        memberId,
        clientId,
        clientHost,
        // A member that has joined but not yet been given its share has an empty assignment.
        partitions: memberAssignment.length === 0 ? {} : (AssignerProtocol.MemberAssignment.decode(memberAssignment)?.assignment ?? {}),
      })),
    };
  }

  /**
   * Starts consumer group `groupId` over, for a replay: the group is deleted with its committed
   * offsets, so its consumers read `topics` from the first message they hold (subscriptions start
   * from the beginning). Refused while the group has members: the service must be stopped, or its
   * consumers would go on from where they are. (Setting offsets through a consumer of kafkajs's
   * admin is racy: its commit may not be made before it stops.)
   */
  async rewindGroup(groupId: string, topics: readonly string[]): Promise<void> {
    await this.ensureTopics(topics);
    const outcome = await this.withAdmin(async (admin) => {
      const { groups } = await admin.describeGroups([groupId]);
      const members = groups.find((group) => group.groupId === groupId)?.members.length ?? 0;
      if (members > 0) return { members };
      try {
        await admin.deleteGroups([groupId]);
      } catch (error) {
        const codes = ((error as { groups?: { errorCode: number }[] }).groups ?? []).map((group) => group.errorCode);
        // 69 GROUP_ID_NOT_FOUND: it never committed, so it starts from the beginning anyway.
        if (codes.length > 0 && codes.every((code) => code === GROUP_ID_NOT_FOUND)) return { members: 0 };
        // 68 GROUP_NOT_EMPTY: a member joined meanwhile.
        if (codes.includes(GROUP_NOT_EMPTY)) return { members: 1 };
        throw error;
      }
      return { members: 0 };
    });
    if (outcome.members > 0) throw new Error(`Consumer group ${groupId} has ${outcome.members} member(s) running: stop the service first`);
  }

  /** How many messages of `topics` consumer group `groupId` has committed, of all the topics hold. */
  async groupProgress(groupId: string, topics: readonly string[]): Promise<{ readonly done: number; readonly total: number }> {
    return this.withAdmin(async (admin) => {
      let done = 0;
      let total = 0;
      for (const topic of topics) {
        const ends = await admin.fetchTopicOffsets(topic);
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        for (const { partition, high, low } of ends) {
          const at = Number(committed?.partitions.find((one) => one.partition === partition)?.offset ?? -1);
          total += Number(high) - Number(low);
          done += Math.max(0, (at < 0 ? Number(low) : at) - Number(low));
        }
      }
      return { done, total };
    });
  }

  /** The offsets consumer group `groupId` has committed in `topics`, by `topic:partition` (none where it has not). */
  private async committedOffsets(groupId: string, topics: readonly string[]): Promise<Map<string, string>> {
    const offsets = await this.withAdmin((admin) => admin.fetchOffsets({ groupId, topics: [...topics] }));
    const committed = new Map<string, string>();
    for (const { topic, partitions } of offsets) {
      for (const { partition, offset } of partitions) if (BigInt(offset) >= 0n) committed.set(`${topic}:${partition}`, offset);
    }
    return committed;
  }

  /** How many connections to the brokers are open: none once closed. */
  openConnections(): number {
    return this.sockets.size;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await Promise.all([this.dropProducer(), this.dropAdmin()]);
    // kafkajs can keep a connection it opened while a client was being disconnected (seen
    // here: an idle socket that held a test process open until the broker dropped it after
    // ten minutes). Nothing of this adapter's may outlive close(), so whatever is left goes.
    this.released = true;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  /**
   * Adds `acls` to the broker's authorizer (the client must be a super user). Adding a rule the
   * broker already has changes nothing, so this may run on every start.
   */
  async grantAccess(acls: readonly KafkaAcl[]): Promise<void> {
    const entries = acls.flatMap(aclEntries);
    if (entries.length === 0) return;
    await this.withAdmin((admin) => admin.createAcls({ acl: entries }));
  }

  /** Takes `acls` out of the broker's authorizer again (rules it does not have are skipped). */
  async revokeAccess(acls: readonly KafkaAcl[]): Promise<void> {
    const filters = acls.flatMap(aclEntries);
    if (filters.length === 0) return;
    await this.withAdmin((admin) => admin.deleteAcls({ filters }));
  }

  /**
   * Makes the authorizer allow, within `scope`, exactly `acls`: grants what is missing and
   * revokes every other allow rule of the scope's principals on the topics and groups it covers
   * (from any host). A plan that no longer gives a principal something thus takes it away from a
   * broker that had it, which granting alone never does. Answers the rules revoked, described.
   * (Deny rules are left alone: they can only take away.)
   */
  async syncAccess(acls: readonly KafkaAcl[], scope: KafkaAccessScope): Promise<string[]> {
    await this.grantAccess(acls);
    const planned = new Set(acls.flatMap(aclEntries).map(aclKey));
    const stale = await this.withAdmin(async (admin) => {
      const held: AclEntry[] = [];
      for (const principal of scope.principals) {
        const { resources } = await admin.describeAcls({
          resourceType: AclResourceTypes.ANY,
          resourcePatternType: ResourcePatternTypes.ANY,
          principal: `User:${principal}`,
          operation: AclOperationTypes.ANY,
          permissionType: AclPermissionTypes.ALLOW,
        });
        for (const { acls: rules, ...resource } of resources) held.push(...rules.map((rule) => ({ ...resource, ...rule })));
      }
      return held.filter(
        (entry) =>
          (entry.resourceType === AclResourceTypes.TOPIC || entry.resourceType === AclResourceTypes.GROUP) &&
          scope.covers(entry.resourceName) &&
          !planned.has(aclKey(entry)),
      );
    });
    if (stale.length > 0) await this.withAdmin((admin) => admin.deleteAcls({ filters: stale }));
    return stale.map(describeAclEntry);
  }

  private async withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    this.assertOpen();
    try {
      this.admin ??= connecting(this.kafka.admin({ retry: CLIENT_RETRY }));
      return await work(await this.admin.ready);
    } catch (error) {
      await this.dropAdmin();
      throw unavailable('reach the cluster', error);
    }
  }

  private connectedProducer(): Promise<Producer> {
    // A publish that began before close() must not make a new producer after it.
    this.assertOpen();
    this.producer ??= connecting(
      this.kafka.producer({
        createPartitioner: Partitioners.DefaultPartitioner,
        allowAutoTopicCreation: false,
        // Kafka's idempotent producer: the broker drops a batch it already has from this producer
        // (kafkajs resends whole requests when one partition's leader moved), so a retry never
        // puts a message on the topic twice. One request in flight, so none overtakes another.
        idempotent: true,
        maxInFlightRequests: 1,
        retry: CLIENT_RETRY,
      }),
    );
    return this.producer.ready;
  }

  private async dropProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await release(producer);
  }

  private async dropAdmin(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await release(admin);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The Kafka broker adapter is closed');
  }

  /**
   * kafkajs logs every failed connection attempt at ERROR although it retries them; the caller
   * decides what is an error, so these arrive one level lower.
   */
  private log({ level, log }: LogEntry): void {
    const logger = this.options.logger;
    if (!logger) return;
    const { message, ...details } = log;
    const text = `kafkajs: ${message}`;
    const fields = { component: 'kafkajs', ...details };
    if (level === logLevel.ERROR || level === logLevel.WARN) logger.warn(fields, text);
    else logger.debug(fields, text);
  }
}

/**
 * One consumer group member. It keeps itself running: if the broker is away when it starts, or
 * its consumer crashes, it subscribes again after a pause, as a new member.
 */
class KafkaSubscription implements Subscription {
  private consumer: Consumer | undefined;
  private restartTimer: NodeJS.Timeout | undefined;
  private starting: Promise<void> | undefined;
  private closed = false;
  /** Counts the group joins: the starting positions settled for one join are dropped once another has come. */
  private joins = 0;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: SubscribeOptions,
    private readonly settings: KafkaBrokerOptions,
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

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
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
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => this.startFromOwnPositions(consumer, payload.memberAssignment));
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

/**
 * createTopics answers before every broker knows the new topics (and answers false when another
 * client created them first), so metadata can still say "does not host this topic-partition"
 * for a while, longer on a busy machine than kafkajs's own retries last. Nobody produces to or
 * subscribes to a topic until each of its partitions has a leader. The same admin connection asks
 * again: these are answers from a live broker, not a broken connection.
 */
function awaitLeaders(admin: Admin, topics: readonly string[]): Promise<boolean> {
  return waitFor(
    `leaders for ${topics.join(', ')}`,
    async () => {
      const { topics: described } = await admin.fetchTopicMetadata({ topics: [...topics] });
      return (
        described.length === topics.length &&
        described.every(({ partitions }) => partitions.length > 0 && partitions.every(({ leader }) => leader >= 0))
      );
    },
    { timeoutMs: TOPIC_READY_TIMEOUT_MS, intervalMs: 100 },
  );
}

/** A kafkajs client and its connecting, kept apart so that a client whose connect failed can still be released. */
interface Connecting<T> {
  readonly client: T;
  readonly ready: Promise<T>;
}

function connecting<T extends { connect(): Promise<void> }>(client: T): Connecting<T> {
  const ready = client.connect().then(() => client);
  // Whoever awaits `ready` sees the failure; this only keeps it from being reported unhandled too.
  ready.catch(() => undefined);
  return { client, ready };
}

/**
 * Disconnects a client once its connecting has settled, failed or not: a failed connect may
 * already have opened connections, and only disconnect() is sure to close them.
 */
async function release(connection: Connecting<{ disconnect(): Promise<void> }> | undefined): Promise<void> {
  if (!connection) return;
  await connection.ready.catch(() => undefined);
  await disconnectQuietly(connection.client);
}

async function disconnectQuietly(client: { disconnect(): Promise<void> } | undefined): Promise<void> {
  try {
    await client?.disconnect();
  } catch {
    // Already gone: nothing more to release.
  }
}

/** What the broker answers a producer it will take nothing more from, under its current id. */
const PRODUCER_REJECTED = new Set([
  'OUT_OF_ORDER_SEQUENCE_NUMBER',
  'INVALID_PRODUCER_EPOCH',
  'UNKNOWN_PRODUCER_ID',
  'INVALID_PRODUCER_ID_MAPPING',
]);

function producerRejected(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = (cause as { originalError?: unknown }).originalError ?? cause.cause) {
    if (PRODUCER_REJECTED.has((cause as { type?: string }).type ?? '')) return true;
  }
  return false;
}

function unavailable(action: string, error: unknown): BrokerUnavailableError {
  if (error instanceof BrokerUnavailableError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new BrokerUnavailableError(`Kafka: could not ${action}: ${reason}`, { cause: error });
}
