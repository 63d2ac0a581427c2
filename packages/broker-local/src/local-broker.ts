import { BrokerUnavailableError, type MessageBroker, type OutgoingMessage, type SubscribeOptions, type Subscription } from '@klynge/broker';
import { access, constants } from 'node:fs/promises';
import { ConsumerGroup, GroupMember } from './consumer-group';
import { type GroupPositions, LogDirectory } from './log-directory';
import type { LocalBrokerLogger } from './logger';
import { PartitionLog, type StoredMessage, toUnavailable } from './partition-log';
import { partitionForKey } from './partitioner';
import { PositionsWriter } from './positions-writer';

/** How a {@link LocalBroker} keeps its data and creates topics; every option may be left out. */
export interface LocalBrokerOptions {
  /**
   * Where to keep the messages and the groups' positions, so that a broker opened later on the
   * same directory continues where this one stopped. Created if missing. Without it everything
   * lives in memory and is gone when the process ends. One broker at a time per directory.
   */
  readonly directory?: string;
  /** Partitions of the topics this broker creates (default 3). Existing topics keep theirs. */
  readonly partitions?: number;
  /** How long position changes may wait before they are written to the directory (default 200 ms). */
  readonly positionsWriteDelayMs?: number;
  readonly logger?: LocalBrokerLogger;
}

/** Kafka's rule for topic names, which also makes them safe as folder names. */
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

/**
 * A message broker inside the process, for running the services and the gateway together with no
 * Kafka: topics with a fixed number of partitions, keys hashed to partitions, consumer groups that
 * share partitions among their members and start from the earliest message, and redelivery of a
 * message whose handler rejects. Like our Kafka adapter, it creates a topic when it is first
 * published to or subscribed to.
 *
 * With a `directory`, `publish` resolves only once its messages are written and synced to disk,
 * and each group's positions are written there shortly after they move (and at `close`), so after
 * a crash a group resumes at most a few messages early: at-least-once, as the consumers expect.
 */
export class LocalBroker implements MessageBroker {
  private readonly partitions: number;
  private readonly directory: LogDirectory | undefined;
  private readonly positionsWriter: PositionsWriter | undefined;
  /** Topic → its partitions, once created or loaded; the promise makes concurrent creation safe. */
  private readonly topics = new Map<string, Promise<readonly PartitionLog[]>>();
  private readonly groups = new Map<string, ConsumerGroup>();
  private readonly subscriptions = new Set<GroupMember>();
  private readonly loading: Promise<void>;
  private closing: Promise<void> | undefined;

  constructor(private readonly options: LocalBrokerOptions = {}) {
    const partitions = options.partitions ?? 3;
    if (!Number.isInteger(partitions) || partitions < 1) {
      throw new RangeError(`partitions must be a positive integer, not ${partitions}`);
    }
    this.partitions = partitions;
    if (options.directory === undefined) {
      this.loading = Promise.resolve();
      return;
    }
    const directory = new LogDirectory(options.directory, options.logger);
    this.directory = directory;
    this.positionsWriter = new PositionsWriter({
      write: () => directory.writePositions(this.currentPositions()),
      delayMs: options.positionsWriteDelayMs ?? 200,
      onError: (error) =>
        options.logger?.warn(
          { component: 'broker-local', err: error },
          'Could not write the consumer groups’ positions; trying again at the next change',
        ),
    });
    this.loading = this.load(directory);
    // Failures surface from every method that awaits the load; this only keeps them from also
    // being reported as an unhandled rejection.
    void this.loading.catch(() => undefined);
  }

  async ensureTopics(topics: readonly string[]): Promise<void> {
    await this.opened();
    await Promise.all([...new Set(topics)].map((topic) => this.topic(topic)));
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.opened();
    const logsByTopic = new Map<string, readonly PartitionLog[]>();
    for (const topic of new Set(messages.map((message) => message.topic))) {
      logsByTopic.set(topic, await this.topic(topic));
    }
    // Messages are grouped per partition in the order given, so one key's messages keep theirs.
    const batches = new Map<PartitionLog, StoredMessage[]>();
    for (const { topic, key, value, headers } of messages) {
      const logs = logsByTopic.get(topic) ?? [];
      const log = logs[partitionForKey(key, logs.length)];
      if (!log) throw new Error(`Topic ${topic} has no partitions`); // cannot happen: every topic has at least one
      const batch = batches.get(log) ?? [];
      batch.push({ key, value, headers: { ...headers } });
      batches.set(log, batch);
    }
    this.assertOpen();
    await Promise.all([...batches].map(([log, batch]) => log.append(batch)));
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    await this.opened();
    const topics = new Map<string, readonly PartitionLog[]>();
    for (const topic of new Set(options.topics)) topics.set(topic, await this.topic(topic));
    this.assertOpen();
    const group = this.group(options.groupId);
    const member = new GroupMember(group, topics, options, (closed) => this.subscriptions.delete(closed));
    this.subscriptions.add(member);
    group.join(member);
    return member;
  }

  async checkHealth(): Promise<void> {
    await this.opened();
    for (const creation of this.topics.values()) {
      for (const log of await creation.catch(() => [])) {
        if (log.brokenBy) throw log.brokenBy;
      }
    }
    if (this.options.directory !== undefined) {
      try {
        await access(this.options.directory, constants.R_OK | constants.W_OK);
      } catch (error) {
        throw toUnavailable(`cannot use ${this.options.directory}`, error);
      }
    }
  }

  /**
   * Stops every subscription (each finishes its message in hand), waits for the writes under way,
   * writes the groups' final positions and releases the files.
   */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    await this.loading.catch(() => undefined);
    // No delivery starts any more; those in hand finish. A handler publishing meanwhile (a dead
    // letter, say) is refused like any publish after close, so its message is delivered again
    // next time; writes already under way complete before the files close.
    await Promise.all([...this.groups.values()].map((group) => group.stop()));
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    const logs = await Promise.all([...this.topics.values()].map((creation) => creation.catch(() => [])));
    await Promise.all(logs.flat().map((log) => log.close()));
    await this.positionsWriter?.close();
  }

  private async load(directory: LogDirectory): Promise<void> {
    const { topics, positions } = await directory.load();
    for (const [topic, logs] of topics) this.topics.set(topic, Promise.resolve(logs));
    for (const [groupId, byTopic] of positions) this.groups.set(groupId, this.newGroup(groupId, byTopic));
  }

  /** Waits for the directory to be read; rejects once the broker is closing or could not load. */
  private async opened(): Promise<void> {
    this.assertOpen();
    try {
      await this.loading;
    } catch (error) {
      throw toUnavailable(`could not open ${this.options.directory}`, error);
    }
    this.assertOpen();
  }

  private assertOpen(): void {
    if (this.closing) throw new BrokerUnavailableError('In-process broker: closed');
  }

  /** The topic's partitions, creating the topic first if it does not exist. */
  private topic(name: string): Promise<readonly PartitionLog[]> {
    let creation = this.topics.get(name);
    if (!creation) {
      if (!TOPIC_NAME.test(name) || name === '.' || name === '..') {
        return Promise.reject(new Error(`Invalid topic name ${JSON.stringify(name)}: use 1–249 letters, digits, '.', '_' or '-'`));
      }
      creation = this.createTopic(name);
      this.topics.set(name, creation);
      // A creation that failed (a full disk, say) is forgotten, so the next call tries again.
      void creation.catch(() => {
        if (this.topics.get(name) === creation) this.topics.delete(name);
      });
    }
    return creation;
  }

  private async createTopic(name: string): Promise<readonly PartitionLog[]> {
    if (!this.directory) {
      return Array.from({ length: this.partitions }, (_, partition) => new PartitionLog(name, partition));
    }
    try {
      return await this.directory.createTopic(name, this.partitions);
    } catch (error) {
      throw toUnavailable(`could not create topic ${name}`, error);
    }
  }

  private group(groupId: string): ConsumerGroup {
    let group = this.groups.get(groupId);
    if (!group) {
      group = this.newGroup(groupId, new Map());
      this.groups.set(groupId, group);
    }
    return group;
  }

  private newGroup(groupId: string, positions: Map<string, number[]>): ConsumerGroup {
    return new ConsumerGroup(groupId, positions, {
      positionsChanged: () => this.positionsWriter?.schedule(),
      logger: this.options.logger,
    });
  }

  private currentPositions(): GroupPositions {
    const positions: GroupPositions = new Map();
    for (const [groupId, group] of this.groups) {
      positions.set(groupId, new Map([...group.positionsByTopic].map(([topic, offsets]) => [topic, [...offsets]])));
    }
    return positions;
  }
}
