import { spawn } from 'node:child_process';
import path from 'node:path';
import type { DeliveredMessage } from '@klynge/broker';
import { KafkaBroker, kafkaBroker } from '@klynge/broker-kafka';
import {
  type Caller,
  CLOUDEVENTS_CONTENT_TYPE,
  createEnvelope,
  type EventContract,
  type EventEnvelope,
  type Service,
  type Subgraph,
  TopicNames,
} from '@klynge/platform';
import {
  authenticateFromTestHeader,
  callerHeaders,
  createTestDatabase,
  freePorts,
  kafkaConnection,
  kafkaEnvironment,
  type TestDatabase,
  uniqueName,
  uniqueTopicPrefix,
} from '@klynge/test-infrastructure';

export interface GraphQLResult<T> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string } & Record<string, unknown> }[];
}

/** A subgraph service running in this test process, on a database and topic prefix of its own. */
export interface ServiceUnderTest {
  readonly db: TestDatabase;
  /** The running service (a new one after restart). */
  readonly service: Service;
  readonly url: string;
  readonly topicPrefix: string;
  /** Queries the service as `caller` (anonymous when left out). */
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLResult<T>>;
  /** Everything on a logical topic (e.g. clusters.cluster.v1) from its beginning, read by a group of its own. */
  readTopic(topic: string): Promise<DeliveredMessage[]>;
  /** Puts a message on a logical topic as it is, e.g. the same event twice, or a broken one. */
  publishMessage(topic: string, key: string, value: string): Promise<void>;
  /**
   * What of this service's events is still on its way, in words, or undefined when nothing is:
   * rows in its outbox not yet published, and messages on its consumers' topics not yet applied
   * (committed) by their groups. Background work a test must wait out before it compares tables.
   */
  stillMoving(): Promise<string | undefined>;
  /** Stops the service, then starts a new one on the same port, database and topics. */
  restart(): Promise<void>;
  /** Publishes an event as its owning service would, on the stream topic, keyed by `subject`. */
  publishEvent<TData extends object>(contract: EventContract<TData>, subject: string, data: TData): Promise<EventEnvelope<TData>>;
  close(): Promise<void>;
}

export async function startServiceUnderTest(options: {
  /** Names the database and topics; unique per test file. */
  readonly label: string;
  readonly subgraph: Subgraph;
  /** Shares topics with another service under test (for flows across services). */
  readonly topicPrefix?: string;
  /** More configuration, e.g. JWT_SECRET and SUBGRAPH_SECRET. */
  readonly env?: Record<string, string>;
  /**
   * Callers named by the test header (default). False: the service's own authentication, from
   * bearer tokens, as in production.
   */
  readonly testCallers?: boolean;
}): Promise<ServiceUnderTest> {
  const db = await createTestDatabase(options.label);
  const topicPrefix = options.topicPrefix ?? uniqueTopicPrefix(options.label);
  const [port] = await freePorts(1);
  const config = options.subgraph.config.load({
    DATABASE_URL: db.url,
    ...kafkaEnvironment(),
    KAFKA_TOPIC_PREFIX: topicPrefix,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'fatal',
    ...options.env,
  });
  const create = () =>
    options.subgraph.create(config, {
      broker: kafkaBroker,
      ...(options.testCallers === false ? {} : { authenticate: (request) => authenticateFromTestHeader<Caller>(request) }),
    });
  let service = create();
  const url = await service.start();
  const broker = new KafkaBroker({ ...kafkaConnection(), clientId: `${options.label}-test` });
  const topics = new TopicNames(topicPrefix);
  // The groups stillMoving looks at: only names and topics, the same for every instance of the service.
  const consumerGroups = (options.subgraph.definition.consumers?.(service) ?? []).map((consumer) => ({
    id: topics.consumerGroup(options.subgraph.name, consumer.name),
    topics: consumer.topics.map((topic) => topics.topic(topic)),
  }));
  const subscriptions: { close(): Promise<void> }[] = [];
  const publishMessage = (topic: string, key: string, value: string) =>
    broker.publish([{ topic: `${topicPrefix}${topic}`, key, value, headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE } }]);

  return {
    db,
    get service() {
      return service;
    },
    url,
    topicPrefix,
    async query(query, variables = {}, caller) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(caller ? callerHeaders({ ...caller, roles: [...caller.roles] }) : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as never;
    },
    async readTopic(topic) {
      const messages: DeliveredMessage[] = [];
      subscriptions.push(
        await broker.subscribe({
          groupId: `${topicPrefix}reader.${uniqueName('reader')}`,
          topics: [`${topicPrefix}${topic}`],
          handle: (message) => {
            messages.push(message);
            return Promise.resolve();
          },
        }),
      );
      return messages;
    },
    publishMessage,
    async stillMoving() {
      const [outbox] = await db.query<{ n: string }>('SELECT count(*) AS n FROM outbox_events');
      if (Number(outbox!.n) > 0) return `${outbox!.n} events in the ${options.subgraph.name} outbox`;
      for (const group of consumerGroups) {
        const { done, total } = await broker.groupProgress(group.id, group.topics);
        if (done < total) return `${group.id} has applied ${done} of ${total} messages`;
      }
      return undefined;
    },
    async restart() {
      await service.stop();
      service = create();
      await service.start();
    },
    async publishEvent(contract, subject, data) {
      const envelope = createEnvelope(contract, { source: `/klynge/${contract.stream.domain}`, subject, data });
      await publishMessage(contract.topic, subject, JSON.stringify(envelope));
      return envelope;
    },
    async close() {
      await Promise.all(subscriptions.map((subscription) => subscription.close()));
      await broker.close();
      await service.stop();
      await db.drop();
    },
  };
}

/** The event types, in order, of the messages with `key`. */
export function eventTypes(messages: readonly DeliveredMessage[], key: string): string[] {
  return messages.filter((message) => message.key === key).map((message) => (JSON.parse(message.value) as { type: string }).type);
}

/** Callers for tests, as the gateway's tokens will describe them. */
export const testCallers = {
  admin: { subject: 'admin-1', roles: ['admin'] } satisfies Caller,
  caseworker: (agency = 'innovasjon-norge'): Caller => ({ subject: `cw-${agency}`, roles: ['caseworker'], agency }),
  viewer: { subject: 'viewer-1', roles: ['viewer'] } satisfies Caller,
  managerOf: (clusterId: string): Caller => ({ subject: `manager-${clusterId}`, roles: ['cluster-manager'], clusterId }),
  staffOf: (unit: string): Caller => ({ subject: `staff-${unit}`, roles: ['staff'], unit }),
};

/** The subgraph runner's TypeScript, which `npm start` and `npm run <command>` run built. */
const RUNNER_SOURCE = path.join(path.dirname(require.resolve('@klynge/subgraph-runner/package.json')), 'src', 'main.ts');

/**
 * Node's arguments for a subgraph's own process from its TypeScript (`subgraph`, its
 * src/subgraph.ts), as `npm start` (no command) or `npm run <command>` runs it built.
 */
export const subgraphProcessArgs = (subgraph: string, command: readonly string[] = []): string[] => [
  '-r',
  '@klynge/jest-config/register',
  RUNNER_SOURCE,
  subgraph,
  ...command,
];

/**
 * Runs a command of a subgraph's own process on the service under test's database, topics and
 * Kafka, as `npm run <command>` runs `klynge-subgraph . <command>`, from its TypeScript (`subgraph`,
 * the service's src/subgraph.ts): answers the exit code and what the process wrote.
 */
export function runSubgraphCommand(
  service: ServiceUnderTest,
  subgraph: string,
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, subgraphProcessArgs(subgraph, args), {
      env: {
        ...process.env,
        DATABASE_URL: service.db.url,
        ...kafkaEnvironment(),
        KAFKA_TOPIC_PREFIX: service.topicPrefix,
        LOG_LEVEL: 'fatal',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
