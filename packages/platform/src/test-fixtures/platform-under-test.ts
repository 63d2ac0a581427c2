import type { DeliveredMessage } from '@klynge/broker';
import { KafkaBroker } from '@klynge/broker-kafka';
import {
  createTestDatabase,
  kafkaConnection,
  type KafkaCredentials,
  type TestDatabase,
  uniqueName,
  uniqueTopicPrefix,
} from '@klynge/test-infrastructure';
import type { DataSource } from 'typeorm';
import { ConsumerRunner, type ConsumerRunnerOptions, type EventConsumer } from '../consumers';
import { createDataSource, runMigrations } from '../database';
import { type EventSchemas, TopicNames } from '../events';
import { createLogger, type Logger } from '../logging';
import { chooseOutboxStorage, Outbox, OutboxRelay, type OutboxStorage, UnitOfWork, walOutboxNames } from '../outbox';
import { sampleEventSchemas, TallyIncremented } from './sample-events';
import { CreateTallies1795400000001 } from './tally-model';

/**
 * The platform's parts wired by hand against the real PostgreSQL (a database of this test
 * file's own) and the real Kafka (topics under a prefix of its own).
 */
export interface PlatformUnderTest {
  readonly db: TestDatabase;
  readonly dataSource: DataSource;
  readonly broker: KafkaBroker;
  readonly topics: TopicNames;
  readonly schemas: EventSchemas;
  readonly unitOfWork: UnitOfWork;
  readonly relay: OutboxRelay;
  /** Where its outbox keeps events: the WAL on a server with wal_level = logical, unless `outbox: 'table'` was asked for. */
  readonly outboxStorage: OutboxStorage;
  readonly logger: Logger;
  /** The physical topic of the sample events. */
  readonly tallyTopic: string;
  startConsumer(consumer: EventConsumer, options?: Partial<ConsumerRunnerOptions>): Promise<ConsumerRunner>;
  /** Everything arriving on `topic` from its beginning, read by a group of its own. */
  readTopic(topic: string): Promise<TopicReader>;
  close(): Promise<void>;
}

export interface TopicReader {
  readonly messages: DeliveredMessage[];
  close(): Promise<void>;
}

/**
 * `kafka`: a broker of the test's own (a DedicatedKafka); by default the one the setup provided.
 * `source`: the events' source, for a consumer that trusts only its own (the sample service's is `/klynge/sample`).
 * `postgres`: the URL of the server to make its database on (a DedicatedPostgres's); by default the one the setup provided.
 * `outbox: 'table'`: the table outbox even where the server supports the WAL outbox.
 * `poolSize`: connections of its DataSource (default 10).
 */
export async function startPlatformUnderTest(
  label: string,
  options: {
    kafka?: { readonly brokers: string; readonly credentials: KafkaCredentials };
    source?: string;
    postgres?: string;
    outbox?: OutboxStorage;
    poolSize?: number;
  } = {},
): Promise<PlatformUnderTest> {
  const db = await createTestDatabase(label, options.postgres);
  const logger = createLogger({ service: label, level: (process.env.LOG_LEVEL ?? 'warn') as 'warn' });
  const dataSource = createDataSource({
    url: db.url,
    applicationName: label,
    entities: [],
    migrations: [CreateTallies1795400000001],
    logger,
    ...(options.poolSize !== undefined && { poolSize: options.poolSize }),
  });
  await dataSource.initialize();
  await runMigrations(dataSource);
  const connection = options.kafka ? { brokers: [options.kafka.brokers], credentials: options.kafka.credentials } : kafkaConnection();
  const broker = new KafkaBroker({ ...connection, clientId: label, logger });
  const topics = new TopicNames(uniqueTopicPrefix(label));
  const schemas = sampleEventSchemas();
  const relay = new OutboxRelay({ databaseUrl: db.url, applicationName: label, broker, logger, pollIntervalMs: 200 });
  const outbox = new Outbox({ source: options.source ?? `/klynge/${label}`, schemas, topics });
  const unitOfWork = new UnitOfWork(dataSource, outbox, { relay });
  const query = <R>(sql: string, params?: unknown[]) => dataSource.query<R[]>(sql, params);
  const outboxStorage = await chooseOutboxStorage(query, logger, options.outbox ? { prefer: options.outbox } : {});
  outbox.use(outboxStorage);
  relay.start(outboxStorage);
  const runners: ConsumerRunner[] = [];
  const readers: TopicReader[] = [];

  return {
    db,
    dataSource,
    broker,
    topics,
    schemas,
    unitOfWork,
    relay,
    outboxStorage,
    logger,
    tallyTopic: topics.topic(TallyIncremented.topic),
    async startConsumer(consumer, overrides = {}) {
      const runner = new ConsumerRunner({
        service: label,
        consumer,
        broker,
        dataSource,
        unitOfWork,
        schemas,
        topics,
        logger,
        ...overrides,
      });
      await runner.start();
      runners.push(runner);
      return runner;
    },
    async readTopic(topic) {
      const messages: DeliveredMessage[] = [];
      const subscription = await broker.subscribe({
        groupId: topics.consumerGroup('reader', uniqueName('reader')),
        topics: [topic],
        handle: async (message) => {
          messages.push(message);
          return Promise.resolve();
        },
      });
      const reader = { messages, close: () => subscription.close() };
      readers.push(reader);
      return reader;
    },
    async close() {
      await Promise.all([...runners.map((runner) => runner.stop()), ...readers.map((reader) => reader.close())]);
      await relay.stop();
      await broker.close();
      // A database with a replication slot cannot be dropped.
      if (outboxStorage === 'wal') await query(`SELECT pg_drop_replication_slot($1)`, [(await walOutboxNames(query)).slot]);
      await dataSource.destroy();
      await db.drop();
    },
  };
}
