import { PostgreSqlContainer } from '@testcontainers/postgresql';
import { GenericContainer, type StartedTestContainer, Wait } from 'testcontainers';
import { freePorts } from './free-ports';
import { kafkaVersion } from './infra-scripts';

/**
 * PostgreSQL and Kafka in containers, for machines with a Docker engine. Kafka is the official
 * apache/kafka image, the same version the infra scripts run, in KRaft mode; it advertises a
 * fixed host port chosen before start, since clients must be told an address they can reach.
 */
/** What the tests need: the database server, the broker, or both. */
export type InfraPart = 'postgres' | 'kafka';

export interface StartedContainers {
  readonly databaseUrl?: string;
  readonly kafkaBrokers?: string;
  stop(): Promise<void>;
}

export async function startContainers(parts: readonly InfraPart[]): Promise<StartedContainers> {
  const started: StartedTestContainer[] = [];
  const result: { databaseUrl?: string; kafkaBrokers?: string } = {};
  try {
    if (parts.includes('postgres')) {
      const postgres = await new PostgreSqlContainer('postgres:15').start();
      started.push(postgres);
      result.databaseUrl = postgres.getConnectionUri();
    }
    if (parts.includes('kafka')) {
      const [hostPort] = await freePorts(1);
      const kafka = await new GenericContainer(`apache/kafka:${kafkaVersion}`)
        .withExposedPorts({ container: 9092, host: hostPort! })
        .withEnvironment({
          KAFKA_NODE_ID: '1',
          KAFKA_PROCESS_ROLES: 'broker,controller',
          KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
          KAFKA_LISTENERS: 'PLAINTEXT://:9092,INTERNAL://:19092,CONTROLLER://:9093',
          KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${hostPort},INTERNAL://localhost:19092`,
          KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'PLAINTEXT:PLAINTEXT,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT',
          KAFKA_INTER_BROKER_LISTENER_NAME: 'INTERNAL',
          KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
          KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
          KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
          KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
          KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
          KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
          KAFKA_GROUP_MIN_SESSION_TIMEOUT_MS: '2000',
        })
        .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
        .start();
      started.push(kafka);
      result.kafkaBrokers = `127.0.0.1:${hostPort}`;
    }
  } catch (error) {
    await Promise.allSettled(started.map((container) => container.stop()));
    throw error;
  }
  return {
    ...result,
    stop: async () => {
      await Promise.all(started.map((container) => container.stop()));
    },
  };
}
