import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KafkaBroker } from '@klynge/broker-kafka';
import { TopicNames } from '@klynge/platform';
import { subgraphRegistry } from '@klynge/schemas';
import { subgraphProcessArgs } from '@klynge/subgraph-under-test';
import { eventConsumptions } from '@klynge/subgraph-registry';
import {
  createTestDatabase,
  freePorts,
  kafkaConnection,
  kafkaEnvironment,
  type TestDatabase,
  uniqueName,
  uniqueTopicPrefix,
  waitFor,
} from '@klynge/test-infrastructure';
import { subgraphSettings, supergraphFile } from '../subgraphs';
import { gatewayDirectory, gatewayProcessArgs } from './gateway-process';
import { subgraphSecret, TEST_JWT_SECRET } from './graph-under-test';
import { type Haproxy, startHaproxy } from './haproxy';
import { type InstanceProcess, instanceProcess } from './instance-process';

/** The kind of the gateways, beside the subgraphs' names. */
export const GATEWAY = 'gateway';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

export interface ConsumerGroup {
  readonly id: string;
  /** `<service>.<consumer>`, the id without the deployment's prefix. */
  readonly name: string;
  /** The physical topics it reads. */
  readonly topics: readonly string[];
}

/**
 * Two instances of every registered subgraph and two gateways, each a process of its own on a
 * port of its own, behind one HAProxy: a frontend per kind, the gateways reaching every subgraph
 * through it. Both instances of a subgraph share its database and the deployment's topics. Nothing
 * runs until started; `close()` ends every process and drops the databases.
 */
export interface ReplicaDeployment {
  /** The subgraphs' names in the registry's order, then the gateway's kind. */
  readonly kinds: readonly string[];
  readonly haproxy: Haproxy;
  /** The test's own Kafka client (admin questions, reading topics). */
  readonly broker: KafkaBroker;
  readonly topics: TopicNames;
  /** Where clients ask: HAProxy's frontend for the gateways. */
  readonly graphqlUrl: string;
  /** What both gateways started with: the committed supergraph. */
  readonly committedSupergraph: string;
  /** A subgraph's database (both its instances'). */
  db(service: string): TestDatabase;
  /** The two instances of a kind, `<kind>-a` and `<kind>-b`. */
  pairOf(kind: string): readonly [InstanceProcess, InstanceProcess];
  groupsOf(service: string): readonly ConsumerGroup[];
  /** Whether `service` has `connections` relays connected to its database, one holding the relay lock. */
  relaysAre(service: string, connections: number): Promise<boolean>;
  /** Whether `group` is stable with `members` members holding every partition of its topics, none twice. */
  groupIsStable(group: ConsumerGroup, members: number): Promise<boolean>;
  /** Waits until `service` has as many relays (one leading) and members of every consumer group as `instances`. */
  settledWith(service: string, instances: number): Promise<void>;
  /** Waits until HAProxy routes to exactly the instances that are running. */
  routedAsRunning(description: string): Promise<void>;
  /** Publishes a supergraph to the file both gateways watch, as a deployment would: written beside it, then moved into place. */
  publishSupergraph(sdl: string): void;
  close(): Promise<void>;
}

export async function startReplicaDeployment(label: string): Promise<ReplicaDeployment> {
  const registry = subgraphRegistry();
  const kinds = [...registry.map(({ name }) => name), GATEWAY];
  const folder = mkdtempSync(path.join(os.tmpdir(), `klynge-${label}-`));
  const supergraphCopy = path.join(folder, 'supergraph.graphql');
  const topicPrefix = uniqueTopicPrefix(label);
  const topics = new TopicNames(topicPrefix);
  const databases = new Map<string, TestDatabase>();
  const instances = new Map<string, readonly [InstanceProcess, InstanceProcess]>();
  const broker = new KafkaBroker({ ...kafkaConnection(), clientId: uniqueName(label) });
  let haproxy: Haproxy | undefined;

  const close = async () => {
    await Promise.all([...instances.values()].flat().map((instance) => instance.kill('SIGKILL')));
    await haproxy?.stop();
    await broker.close();
    await Promise.all([...databases.values()].map((database) => database.drop()));
    rmSync(folder, { recursive: true, force: true });
  };

  try {
    const ports = await freePorts(kinds.length * 2);
    const portsOf = (kind: string) => {
      const index = kinds.indexOf(kind);
      return [ports[index * 2]!, ports[index * 2 + 1]!];
    };
    await Promise.all(registry.map(async ({ name }) => databases.set(name, await createTestDatabase(`${label}_${name}`))));
    const balancer = await startHaproxy(
      folder,
      kinds.map((kind) => ({ name: kind, servers: portsOf(kind).map((port, copy) => ({ name: instanceName(kind, copy), port })) })),
    );
    haproxy = balancer;
    const committedSupergraph = readFileSync(supergraphFile, 'utf8');
    const publishSupergraph = (sdl: string) => {
      writeFileSync(`${supergraphCopy}.new`, sdl);
      renameSync(`${supergraphCopy}.new`, supergraphCopy);
    };
    publishSupergraph(committedSupergraph);
    const pair = (kind: string, settings: (port: number, copy: number) => InstanceProcess) => {
      const [first, second] = portsOf(kind).map(settings);
      instances.set(kind, [first!, second!]);
    };
    for (const entry of registry) {
      pair(entry.name, (port, copy) =>
        instanceProcess({
          name: instanceName(entry.name, copy),
          port,
          args: subgraphProcessArgs(path.join(repoRoot, entry.directory, 'src', 'subgraph.ts')),
          cwd: path.join(repoRoot, entry.directory),
          env: {
            DATABASE_URL: databases.get(entry.name)!.url,
            ...kafkaEnvironment(),
            KAFKA_TOPIC_PREFIX: topicPrefix,
            HOST: '127.0.0.1',
            SUBGRAPH_SECRET: subgraphSecret(entry.name),
            JWT_SECRET: TEST_JWT_SECRET,
            // Info: the relay says when it takes the lock (the lines per request are not kept).
            LOG_LEVEL: 'info',
          },
        }),
      );
    }
    pair(GATEWAY, (port, copy) =>
      instanceProcess({
        name: instanceName(GATEWAY, copy),
        port,
        args: gatewayProcessArgs,
        cwd: gatewayDirectory,
        env: {
          JWT_SECRET: TEST_JWT_SECRET,
          // Every subgraph through HAProxy's frontend for it.
          ...subgraphSettings((name) => `${balancer.urlOf(name)}/graphql`, subgraphSecret),
          SUPERGRAPH_SOURCE: `file:${supergraphCopy}`,
          SUPERGRAPH_POLL_INTERVAL_MS: '1000',
          LOG_LEVEL: 'warn',
        },
      }),
    );

    const consumptions = eventConsumptions();
    const groups = new Map(
      registry.map(({ name: service }) => {
        const mine = consumptions.filter((consumption) => consumption.service === service);
        const consumers = [...new Set(mine.map(({ consumer }) => consumer))];
        return [
          service,
          consumers.map((consumer) => ({
            id: topics.consumerGroup(service, consumer),
            name: `${service}.${consumer}`,
            topics: [...new Set(mine.filter((c) => c.consumer === consumer).map(({ contract }) => topics.topic(contract.topic)))],
          })),
        ];
      }),
    );
    const partitionCounts = new Map<string, number>();
    const partitionsOf = async (topic: string) => {
      if (!partitionCounts.has(topic)) partitionCounts.set(topic, (await broker.messagesPerPartition(topic)).size);
      return partitionCounts.get(topic)!;
    };
    const db = (service: string) => {
      const database = databases.get(service);
      if (!database) throw new Error(`No database for ${service}`);
      return database;
    };
    const pairOf = (kind: string) => {
      const found = instances.get(kind);
      if (!found) throw new Error(`No instances of ${kind}`);
      return found;
    };

    const deployment: ReplicaDeployment = {
      kinds,
      haproxy: balancer,
      broker,
      topics,
      graphqlUrl: `${balancer.urlOf(GATEWAY)}/graphql`,
      committedSupergraph,
      db,
      pairOf,
      groupsOf: (service) => groups.get(service) ?? [],
      async relaysAre(service, connections) {
        const relays = await db(service).query<{ leader: boolean }>(
          `SELECT EXISTS (
             SELECT 1 FROM pg_locks lock
             WHERE lock.pid = activity.pid AND lock.locktype = 'advisory' AND lock.granted
               AND ((lock.classid::bigint << 32) | lock.objid::bigint) = hashtext('klynge.outbox-relay')::bigint
           ) AS leader
           FROM pg_stat_activity activity
           WHERE activity.datname = current_database() AND activity.application_name = $1`,
          [`${service}:outbox-relay`],
        );
        return relays.length === connections && relays.filter((relay) => relay.leader).length === 1;
      },
      async groupIsStable(group, members) {
        const assignments = await broker.groupAssignments(group.id);
        if (assignments.state !== 'Stable' || assignments.members.length !== members) return false;
        for (const topic of group.topics) {
          const held = assignments.members.flatMap((member) => member.partitions[topic] ?? []);
          if (held.length !== (await partitionsOf(topic)) || new Set(held).size !== held.length) return false;
        }
        return true;
      },
      async settledWith(service, count) {
        await waitFor(
          `${service}'s relays and consumer groups with ${count} instance(s)`,
          async () => {
            if (!(await deployment.relaysAre(service, count))) return false;
            for (const group of deployment.groupsOf(service)) if (!(await deployment.groupIsStable(group, count))) return false;
            return true;
          },
          { timeoutMs: 60_000, intervalMs: 100 },
        );
      },
      async routedAsRunning(description) {
        await waitFor(
          description,
          async () => {
            const states = await balancer.serverStates();
            const wrong = kinds.flatMap((kind) =>
              pairOf(kind)
                .filter((instance) => (states.get(`${kind}/${instance.name}`) === 'UP') !== instance.isRunning())
                .map(
                  (instance) =>
                    `${instance.name} ${instance.isRunning() ? 'running' : 'not running'}, ${states.get(`${kind}/${instance.name}`)}`,
                ),
            );
            // Thrown, so that a timeout says which and what HAProxy said last.
            if (wrong.length > 0) {
              const said = balancer
                .notices()
                .slice(-5)
                .map(({ line }) => line);
              throw new Error(`in HAProxy: ${wrong.join('; ')}; it said last: ${said.join(' | ')}`);
            }
            return true;
          },
          { timeoutMs: 60_000, intervalMs: 50 },
        );
      },
      publishSupergraph,
      close,
    };
    return deployment;
  } catch (error) {
    await close();
    throw error;
  }
}

/** `<kind>-a`, `<kind>-b`: the two instances of a kind, as HAProxy and the figures name them. */
const instanceName = (kind: string, copy: number) => `${kind}-${'ab'[copy]}`;
