import type { DeliveredMessage } from '@klynge/broker';
import { KafkaBroker } from '@klynge/broker-kafka';
import type { Caller, Service } from '@klynge/platform';
import {
  authenticateFromTestHeader,
  callerHeaders,
  createTestDatabase,
  freePorts,
  kafkaBrokers,
  type TestDatabase,
  uniqueName,
  uniqueTopicPrefix,
} from '@klynge/testing';
import { clustersConfig } from '../config';
import { createClustersService } from '../server';

export const admin: Caller = { subject: 'admin-1', roles: ['admin'] };
export const caseworker: Caller = { subject: 'cw-1', roles: ['caseworker'], agency: 'innovasjon-norge' };
export const viewer: Caller = { subject: 'viewer-1', roles: ['viewer'] };
export const managerOf = (clusterId: string): Caller => ({ subject: `manager-${clusterId}`, roles: ['cluster-manager'], clusterId });

export interface GraphQLResult<T> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string } }[];
}

/**
 * The clusters service, in this process, on a database and topic prefix of the test file's own,
 * with callers named by a test header.
 */
export interface ClustersHarness {
  readonly db: TestDatabase;
  readonly service: Service;
  readonly url: string;
  readonly topicPrefix: string;
  readonly broker: KafkaBroker;
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLResult<T>>;
  /** Everything on `topic` (a logical name, e.g. clusters.cluster.v1) from its beginning. */
  readTopic(topic: string): Promise<DeliveredMessage[]>;
  close(): Promise<void>;
}

export async function startClusters(label: string): Promise<ClustersHarness> {
  const db = await createTestDatabase(label);
  const topicPrefix = uniqueTopicPrefix(label);
  const [port] = await freePorts(1);
  const config = clustersConfig.load({
    DATABASE_URL: db.url,
    KAFKA_BROKERS: kafkaBrokers().join(','),
    KAFKA_TOPIC_PREFIX: topicPrefix,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'fatal',
  });
  const service = createClustersService(config, { authenticate: (request) => authenticateFromTestHeader<Caller>(request) });
  const url = await service.start();
  const broker = new KafkaBroker({ brokers: kafkaBrokers(), clientId: `${label}-reader` });
  const subscriptions: { close(): Promise<void> }[] = [];

  return {
    db,
    service,
    url,
    topicPrefix,
    broker,
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

export const REGISTER = `
  mutation Register($input: RegisterClusterInput!) {
    registerCluster(input: $input) { id slug name level countyCode county { code name } levelHistory { level from to reason } }
  }`;

/** A valid registration (facts of NCE Raufoss), with `overrides`. */
export function registration(overrides: Record<string, unknown> = {}) {
  return {
    name: 'NCE Raufoss',
    level: 'NCE',
    levelSince: '2006-01-01',
    levelReason: 'Admitted as NCE in 2006',
    countyCode: '34',
    town: 'Raufoss',
    sectors: ['manufacturing'],
    ...overrides,
  };
}
