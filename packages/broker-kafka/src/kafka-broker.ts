import type {
  BrokerFactory,
  BrokerLogger,
  BrokerSettings,
  OutgoingMessage,
  ReplayableBroker,
  SubscribeOptions,
  Subscription,
} from '@klynge/broker';
import type { Kafka } from 'kafkajs';
import type { KafkaAccessScope, KafkaAcl } from './kafka-acls';
import { type GroupAssignments, KafkaAdmin } from './kafka-admin';
import { kafkaClient, OpenSockets } from './kafka-client';
import { KafkaPublisher } from './kafka-publisher';
import { KafkaSubscription, type SubscriptionSettings } from './kafka-subscription';

export type { BrokerLogger };
export type { KafkaAccessScope, KafkaAcl, KafkaOperation } from './kafka-acls';
export type { GroupAssignments, GroupMemberAssignment } from './kafka-admin';

/** Partitions and replicas default to 3 and 1 (a single development broker). */
export interface KafkaBrokerOptions extends BrokerSettings, SubscriptionSettings {}

/** The Kafka adapter, for a service's own process: `subgraph.main(argv, { broker: kafkaBroker })`. */
export const kafkaBroker: BrokerFactory = (settings) => new KafkaBroker(settings);

/**
 * Kafka through kafkajs: one client whose admin (topics, groups, ACLs: kafka-admin.ts),
 * publisher (kafka-publisher.ts) and subscriptions (kafka-subscription.ts) this class composes,
 * and closes together, leaving no connection open.
 */
export class KafkaBroker implements ReplayableBroker {
  private readonly kafka: Kafka;
  private readonly sockets = new OpenSockets();
  private readonly admin: KafkaAdmin;
  private readonly publisher: KafkaPublisher;
  private readonly subscriptions = new Set<KafkaSubscription>();
  private closed = false;

  constructor(private readonly options: KafkaBrokerOptions) {
    this.kafka = kafkaClient(options, this.sockets);
    const assertOpen = () => this.assertOpen();
    this.admin = new KafkaAdmin(this.kafka, options, assertOpen);
    this.publisher = new KafkaPublisher(this.kafka, (topics) => this.admin.ensureTopics(topics), assertOpen);
  }

  ensureTopics(topics: readonly string[]): Promise<void> {
    return this.admin.ensureTopics(topics);
  }

  publish(messages: readonly OutgoingMessage[]): Promise<void> {
    return this.publisher.publish(messages);
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    this.assertOpen();
    const subscription = new KafkaSubscription(this.kafka, options, this.options, {
      ensureTopics: (topics) => this.admin.ensureTopics(topics),
      committedOffsets: (groupId, topics) => this.admin.committedOffsets(groupId, topics),
      onClosed: (closed) => this.subscriptions.delete(closed),
    });
    this.subscriptions.add(subscription);
    await subscription.start();
    return subscription;
  }

  checkHealth(): Promise<void> {
    return this.admin.checkHealth();
  }

  /**
   * How many messages each partition of `topic` holds: its high watermark less its low one.
   * For operators and tests: what is on the topic, whatever any consumer has read.
   */
  messagesPerPartition(topic: string): Promise<Map<number, number>> {
    return this.admin.messagesPerPartition(topic);
  }

  /**
   * Who in consumer group `groupId` holds which partitions. For operators and tests: which
   * instances of a service share its topics, and who took over when one of them went away.
   */
  groupAssignments(groupId: string): Promise<GroupAssignments> {
    return this.admin.groupAssignments(groupId);
  }

  /**
   * Starts consumer group `groupId` over, for a replay: the group is deleted with its committed
   * offsets, so its consumers read `topics` from the first message they hold (subscriptions start
   * from the beginning). Refused while the group has members: the service must be stopped, or its
   * consumers would go on from where they are. (Setting offsets through a consumer of kafkajs's
   * admin is racy: its commit may not be made before it stops.)
   */
  rewindGroup(groupId: string, topics: readonly string[]): Promise<void> {
    return this.admin.rewindGroup(groupId, topics);
  }

  /** How many messages of `topics` consumer group `groupId` has committed, of all the topics hold. */
  groupProgress(groupId: string, topics: readonly string[]): Promise<{ readonly done: number; readonly total: number }> {
    return this.admin.groupProgress(groupId, topics);
  }

  /**
   * Adds `acls` to the broker's authorizer (the client must be a super user). Adding a rule the
   * broker already has changes nothing, so this may run on every start.
   */
  grantAccess(acls: readonly KafkaAcl[]): Promise<void> {
    return this.admin.grantAccess(acls);
  }

  /** Takes `acls` out of the broker's authorizer again (rules it does not have are skipped). */
  revokeAccess(acls: readonly KafkaAcl[]): Promise<void> {
    return this.admin.revokeAccess(acls);
  }

  /**
   * Makes the authorizer allow, within `scope`, exactly `acls`: grants what is missing and
   * revokes every other allow rule of the scope's principals on the topics and groups it covers
   * (from any host). A plan that no longer gives a principal something thus takes it away from a
   * broker that had it, which granting alone never does. Answers the rules revoked, described.
   * (Deny rules are left alone: they can only take away.)
   */
  syncAccess(acls: readonly KafkaAcl[], scope: KafkaAccessScope): Promise<string[]> {
    return this.admin.syncAccess(acls, scope);
  }

  /** How many connections to the brokers are open: none once closed. */
  openConnections(): number {
    return this.sockets.count;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await Promise.all([this.publisher.disconnect(), this.admin.disconnect()]);
    // kafkajs can keep a connection it opened while a client was being disconnected (seen
    // here: an idle socket that held a test process open until the broker dropped it after
    // ten minutes). Nothing of this adapter's may outlive close(), so whatever is left goes.
    this.sockets.releaseAll();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The Kafka broker adapter is closed');
  }
}
