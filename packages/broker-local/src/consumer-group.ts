import { backoff, Wakeup } from '@klynge/async';
import { type DeliveredMessage, MAX_BATCH_SIZE, type SubscribeOptions, type Subscription } from '@klynge/broker';
import type { LocalBrokerLogger } from './logger';
import type { PartitionLog, StoredMessage } from './partition-log';

/** What a group needs from the broker that holds it. */
export interface GroupHost {
  /** A group's position moved: the broker persists positions (soon, not necessarily now). */
  positionsChanged(): void;
  readonly logger: LocalBrokerLogger | undefined;
}

/**
 * A consumer group: its members, and per partition the next offset to process. Each partition of
 * the topics its members subscribe to is owned by one member at a time, and read by one loop
 * (a {@link PartitionCursor}) that hands messages to the current owner one after another. When
 * members join or leave, partitions change owner between two messages, so a partition never has
 * two messages in hand, and a new owner continues exactly where the previous one stopped.
 */
export class ConsumerGroup {
  private readonly members: GroupMember[] = [];
  private readonly cursors = new Map<PartitionLog, PartitionCursor>();
  private stopped = false;

  /** `positions`: topic → next offset per partition, as last persisted (empty for a new group). */
  constructor(
    readonly id: string,
    private readonly positions: Map<string, number[]>,
    private readonly host: GroupHost,
  ) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Topic → next offset to process per partition. */
  get positionsByTopic(): ReadonlyMap<string, readonly number[]> {
    return this.positions;
  }

  position(log: PartitionLog): number {
    return this.positions.get(log.topic)?.[log.partition] ?? 0;
  }

  /** Records that everything before `next` in `log` is processed. */
  advance(log: PartitionLog, next: number): void {
    let offsets = this.positions.get(log.topic);
    if (!offsets) {
      offsets = [];
      this.positions.set(log.topic, offsets);
    }
    // Fill any gap with 0 (nothing processed): positions are written as plain JSON arrays.
    while (offsets.length < log.partition) offsets.push(0);
    offsets[log.partition] = next;
    this.host.positionsChanged();
  }

  join(member: GroupMember): void {
    this.members.push(member);
    this.rebalance();
  }

  /** Gives the member's partitions to the others, then waits for the messages it has in hand. */
  async leave(member: GroupMember): Promise<void> {
    const index = this.members.indexOf(member);
    if (index !== -1) this.members.splice(index, 1);
    this.rebalance();
    await Promise.all([...this.cursors.values()].flatMap((cursor) => cursor.handling(member) ?? []));
  }

  /** Starts no more deliveries; resolves once the messages in hand are finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.cursors.values()].map((cursor) => cursor.stop()));
  }

  /** Logs a handler's rejection (or its ownPositions'); the cursor tries again after `retryInMs`. */
  reportRejection(log: PartitionLog, offset: number, attempt: number, retryInMs: number, error: unknown): void {
    this.host.logger?.warn(
      { component: 'broker-local', groupId: this.id, topic: log.topic, partition: log.partition, offset, attempt, retryInMs, err: error },
      'A message handler rejected; the message is delivered again',
    );
  }

  /**
   * Deals the partitions of every subscribed topic round-robin among the members subscribed to
   * it, in the order they joined. Partitions nobody subscribes to any more are left unowned.
   */
  private rebalance(): void {
    const subscribed = new Map<string, readonly PartitionLog[]>();
    for (const member of this.members) for (const [topic, logs] of member.topics) subscribed.set(topic, logs);
    for (const cursor of this.cursors.values()) {
      if (!subscribed.has(cursor.log.topic)) cursor.assign(undefined);
    }
    let turn = 0;
    for (const [topic, logs] of subscribed) {
      const subscribers = this.members.filter((member) => member.topics.has(topic));
      for (const log of logs) {
        this.cursorFor(log).assign(subscribers[turn % subscribers.length]);
        turn += 1;
      }
    }
  }

  private cursorFor(log: PartitionLog): PartitionCursor {
    let cursor = this.cursors.get(log);
    if (!cursor) {
      cursor = new PartitionCursor(this, log);
      this.cursors.set(log, cursor);
    }
    return cursor;
  }
}

/** How many messages a partition's loop delivers in a row before letting the event loop turn. */
const DELIVERIES_BETWEEN_YIELDS = 100;
/** The longest pause before a message whose handler rejected is delivered again (from 100 ms, doubling). */
const MAX_REDELIVERY_DELAY_MS = 2_000;

/**
 * One group's reader of one partition. Its loop runs while the partition has an owner: it hands
 * the message at the group's position to the owner, advances when the handler resolves, and after
 * a rejection hands over the same message again after a growing pause. With nothing new it sleeps
 * until the partition appends or the owner changes.
 */
class PartitionCursor {
  private owner: GroupMember | undefined;
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private inHand: { readonly member: GroupMember; readonly done: Promise<void> } | undefined;
  /** The owner whose own position the group's has been checked against (see GroupMember.ownPosition). */
  private settledFor: GroupMember | undefined;
  private readonly wakeup = new Wakeup();

  constructor(
    private readonly group: ConsumerGroup,
    readonly log: PartitionLog,
  ) {
    log.listen(this.wakeup);
  }

  /** Takes effect before the next delivery; the message in hand finishes with its current owner. */
  assign(member: GroupMember | undefined): void {
    if (this.owner === member) return;
    this.owner = member;
    this.wakeup.fire();
    if (member && !this.running && !this.group.isStopped) {
      this.running = true;
      this.loop = this.run();
    }
  }

  /** The member's message in hand here, if it has one: resolves when its handler settles. */
  handling(member: GroupMember): Promise<void> | undefined {
    return this.inHand?.member === member ? this.inHand.done : undefined;
  }

  /** Called once the group is stopped: wakes the loop so it ends, and resolves when it has. */
  stop(): Promise<void> {
    this.wakeup.fire();
    return this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    let deliveriesSinceYield = 0;
    try {
      for (;;) {
        // Owner, position and message are read and the handler called in one synchronous step,
        // so a member that has left never receives another message.
        const member = this.owner;
        if (!member || this.group.isStopped) return;
        if (this.settledFor !== member) {
          // A new owner that keeps positions of its own and is behind the group starts from its own.
          let own: number | undefined;
          try {
            own = await member.ownPosition(this.log);
          } catch (error) {
            failures += 1;
            const delay = backoff(failures, MAX_REDELIVERY_DELAY_MS);
            this.group.reportRejection(this.log, this.group.position(this.log), failures, delay, error);
            await this.pause(delay);
            continue;
          }
          failures = 0;
          if (own !== undefined && this.owner === member && own < this.group.position(this.log)) this.group.advance(this.log, own);
          this.settledFor = member;
          continue;
        }
        const offset = this.group.position(this.log);
        const messages = this.ready(offset, member.batchSize);
        if (messages.length === 0) {
          await this.wakeup.wait();
          continue;
        }
        const delivery = member.deliver(messages);
        this.inHand = { member, done: delivery.then(() => undefined) };
        const outcome = await delivery;
        this.inHand = undefined;
        if (!outcome) {
          failures = 0;
          this.group.advance(this.log, offset + messages.length);
          // Handlers that finish without I/O (an event type nobody handles, say) settle as
          // microtasks; through a long backlog they would keep timers and sockets waiting.
          deliveriesSinceYield += 1;
          if (deliveriesSinceYield >= DELIVERIES_BETWEEN_YIELDS) {
            deliveriesSinceYield = 0;
            await new Promise((resolve) => setImmediate(resolve));
          }
          continue;
        }
        failures += 1;
        const delay = backoff(failures, MAX_REDELIVERY_DELAY_MS);
        this.group.reportRejection(this.log, offset, failures, delay, outcome.error);
        await this.pause(delay);
      }
    } finally {
      this.running = false;
    }
  }

  /** Waits `ms`, or less if the group stops. Appends wake the loop early; it sleeps on. */
  private async pause(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (!this.group.isStopped && Date.now() < until) await this.wakeup.wait(until - Date.now());
  }

  /** Up to `most` messages from `offset` on, as many as the partition holds. */
  private ready(offset: number, most: number): DeliveredMessage[] {
    const messages: DeliveredMessage[] = [];
    for (let next = offset; messages.length < most; next += 1) {
      const message = this.log.at(next);
      if (!message) break;
      messages.push(this.toDelivered(next, message));
    }
    return messages;
  }

  private toDelivered(offset: number, message: StoredMessage): DeliveredMessage {
    return {
      topic: this.log.topic,
      partition: this.log.partition,
      offset: String(offset),
      key: message.key,
      value: message.value,
      // A copy per delivery: what one handler does to it cannot reach another group.
      headers: { ...message.headers },
    };
  }
}

/** A subscription: one member of its consumer group. */
export class GroupMember implements Subscription {
  private closing: Promise<void> | undefined;

  constructor(
    private readonly group: ConsumerGroup,
    /** The subscribed topics and their partitions. */
    readonly topics: ReadonlyMap<string, readonly PartitionLog[]>,
    private readonly options: SubscribeOptions,
    private readonly onClosed: (member: GroupMember) => void,
  ) {}

  /** In one process a member joins as it subscribes, and stays until it closes. */
  joined(): boolean {
    return this.closing === undefined;
  }

  close(): Promise<void> {
    this.closing ??= this.leave();
    return this.closing;
  }

  /** The subscriber's own position in `log`, if it keeps one (SubscribeOptions.ownPositions). */
  async ownPosition(log: PartitionLog): Promise<number | undefined> {
    if (!this.options.ownPositions) return undefined;
    const positions = await this.options.ownPositions([{ topic: log.topic, partition: log.partition }]);
    const own = positions.find((position) => position.topic === log.topic && position.partition === log.partition);
    return own === undefined ? undefined : Math.max(0, Number(own.offset));
  }

  /** How many messages it takes at once: one, unless it handles batches. */
  get batchSize(): number {
    return this.options.handleBatch ? MAX_BATCH_SIZE : 1;
  }

  /** Calls the handler (synchronously, before the first await); resolves with its error, if any. */
  async deliver(messages: readonly DeliveredMessage[]): Promise<{ error: unknown } | undefined> {
    try {
      if (this.options.handleBatch) await this.options.handleBatch(messages);
      else await this.options.handle(messages[0]!);
      return undefined;
    } catch (error) {
      return { error };
    }
  }

  private async leave(): Promise<void> {
    await this.group.leave(this);
    this.onClosed(this);
  }
}
