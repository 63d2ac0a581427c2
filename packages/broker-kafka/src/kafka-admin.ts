import { waitFor } from '@klynge/async';
import type { BrokerSettings } from '@klynge/broker';
import { type AclEntry, type Admin, AssignerProtocol, type Kafka } from 'kafkajs';
import { aclEntries, aclKey, allowRulesOf, describeAclEntry, governedBy, type KafkaAccessScope, type KafkaAcl } from './kafka-acls';
import { CLIENT_RETRY, type Connecting, connecting, release, unavailable } from './kafka-client';

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

/** How many partitions and replicas the topics it creates get. */
export type TopicSettings = Pick<BrokerSettings, 'partitions' | 'replicationFactor'>;

/** How long a new topic may take to get leaders for all its partitions. */
const TOPIC_READY_TIMEOUT_MS = 30_000;

/** Kafka's error codes for DeleteGroups. */
const GROUP_NOT_EMPTY = 68;
const GROUP_ID_NOT_FOUND = 69;

/**
 * What the adapter asks of the cluster rather than of a topic's messages: topics, consumer
 * groups and ACLs, through one admin connection made when first needed and replaced when it fails.
 * Topics are created explicitly: brokers run with `auto.create.topics.enable=false`.
 */
export class KafkaAdmin {
  private admin: Connecting<Admin> | undefined;
  private readonly existingTopics = new Set<string>();

  constructor(
    private readonly kafka: Kafka,
    private readonly settings: TopicSettings,
    /** Throws once the adapter is closed: no admin connection is made after that. */
    private readonly assertOpen: () => void,
  ) {}

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
            numPartitions: this.settings.partitions ?? 3,
            replicationFactor: this.settings.replicationFactor ?? 1,
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

  async checkHealth(): Promise<void> {
    await this.withAdmin((admin) => admin.describeCluster());
  }

  /** See {@link KafkaBroker.messagesPerPartition}. */
  async messagesPerPartition(topic: string): Promise<Map<number, number>> {
    const offsets = await this.withAdmin((admin) => admin.fetchTopicOffsets(topic));
    return new Map(offsets.map(({ partition, high, low }) => [partition, Number(high) - Number(low)]));
  }

  /** See {@link KafkaBroker.groupAssignments}. */
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

  /** See {@link KafkaBroker.rewindGroup}. */
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

  /** See {@link KafkaBroker.groupProgress}. */
  /** The offsets consumer group `groupId` has committed in `topics`, by `topic:partition` (none where it has not). */
  async committedOffsets(groupId: string, topics: readonly string[]): Promise<Map<string, string>> {
    const offsets = await this.withAdmin((admin) => admin.fetchOffsets({ groupId, topics: [...topics] }));
    const committed = new Map<string, string>();
    for (const { topic, partitions } of offsets) {
      for (const { partition, offset } of partitions) if (BigInt(offset) >= 0n) committed.set(`${topic}:${partition}`, offset);
    }
    return committed;
  }

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

  /** See {@link KafkaBroker.grantAccess}. */
  async grantAccess(acls: readonly KafkaAcl[]): Promise<void> {
    const entries = acls.flatMap(aclEntries);
    if (entries.length === 0) return;
    await this.withAdmin((admin) => admin.createAcls({ acl: entries }));
  }

  /** See {@link KafkaBroker.revokeAccess}. */
  async revokeAccess(acls: readonly KafkaAcl[]): Promise<void> {
    const filters = acls.flatMap(aclEntries);
    if (filters.length === 0) return;
    await this.withAdmin((admin) => admin.deleteAcls({ filters }));
  }

  /** See {@link KafkaBroker.syncAccess}. */
  async syncAccess(acls: readonly KafkaAcl[], scope: KafkaAccessScope): Promise<string[]> {
    await this.grantAccess(acls);
    const planned = new Set(acls.flatMap(aclEntries).map(aclKey));
    const stale = await this.withAdmin(async (admin) => {
      const held: AclEntry[] = [];
      for (const principal of scope.principals) {
        const { resources } = await admin.describeAcls(allowRulesOf(principal));
        for (const { acls: rules, ...resource } of resources) held.push(...rules.map((rule) => ({ ...resource, ...rule })));
      }
      return held.filter((entry) => governedBy(scope, entry) && !planned.has(aclKey(entry)));
    });
    if (stale.length > 0) await this.withAdmin((admin) => admin.deleteAcls({ filters: stale }));
    return stale.map(describeAclEntry);
  }

  async disconnect(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await release(admin);
  }

  private async withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    this.assertOpen();
    try {
      this.admin ??= connecting(this.kafka.admin({ retry: CLIENT_RETRY }));
      return await work(await this.admin.ready);
    } catch (error) {
      await this.disconnect();
      throw unavailable('reach the cluster', error);
    }
  }
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
