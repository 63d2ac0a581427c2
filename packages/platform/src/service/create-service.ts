import type { BrokerFactory, MessageBroker } from '@klynge/broker';
import type express from 'express';
import type { DataSource, MigrationInterface } from 'typeorm';
import { bearerAuthenticator, tokenSettings, tokenVerifier } from '../auth';
import { ConfigError, type SubgraphConfig } from '../config';
import { ConsumerRunner, type EventConsumer } from '../consumers';
import { createDataSource, runMigrations } from '../database';
import { type EventContract, EventSchemas, ownerSourceOf, sourceOfService, TopicNames } from '../events';
import { buildFederatedSchema, type RequestContext, type SubgraphSchemaOptions } from '../graphql';
import { SubgraphServer, type SubgraphServerOptions } from '../http/subgraph-server';
import { createLogger, type Logger } from '../logging';
import { chooseOutboxStorage, Outbox, OutboxRelay, preferredOutbox, UnitOfWork } from '../outbox';

/** What a service's own code gets to build its resolvers and event handlers with. */
export interface ServiceDependencies {
  readonly config: SubgraphConfig;
  readonly dataSource: DataSource;
  readonly unitOfWork: UnitOfWork;
  readonly logger: Logger;
}

/**
 * Everything that makes one subgraph service: its domain code, declared; the platform does the
 * wiring (database, migrations, outbox relay, consumers, HTTP, shutdown).
 */
export interface ServiceDefinition<TContext extends RequestContext = RequestContext> {
  /** Lower-case service name: the CloudEvents source `/klynge/<name>`, logs, consumer groups. */
  readonly name: string;
  readonly config: SubgraphConfig;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's type for entity classes
  readonly entities?: readonly Function[];
  readonly migrations?: readonly (new () => MigrationInterface)[];
  /** The event types it publishes; their topics exist from the first start, before any event. */
  readonly publishes?: readonly EventContract[];
  readonly schema: (dependencies: ServiceDependencies) => SubgraphSchemaOptions<TContext>;
  readonly consumers?: (dependencies: ServiceDependencies) => readonly EventConsumer[];
  readonly context?: (base: RequestContext, request: express.Request) => TContext | Promise<TContext>;
  /** Finds out who is asking; by default from the bearer token (tests may pass their own). */
  readonly authenticate?: SubgraphServerOptions<TContext>['authenticate'];
  /**
   * The broker it publishes and consumes on: a client already made (an in-process broker for
   * `npm start`), or how to make one from KAFKA_BROKERS (where the process starts, e.g. Kafka's).
   */
  readonly broker: MessageBroker | BrokerFactory;
  readonly eventSchemas?: EventSchemas;
  readonly logger?: Logger;
}

export interface Service extends ServiceDependencies {
  readonly name: string;
  readonly relay: OutboxRelay;
  /** Migrates, starts relaying and consuming, then serves; answers the GraphQL URL. */
  start(): Promise<string>;
  /** Stops serving, finishes in-flight requests and events, flushes the outbox, disconnects. */
  stop(): Promise<void>;
}

export function createService<TContext extends RequestContext>(definition: ServiceDefinition<TContext>): Service {
  const { name, config } = definition;
  const logger = definition.logger ?? createLogger({ service: name, level: config.LOG_LEVEL });
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    applicationName: name,
    entities: definition.entities ?? [],
    migrations: definition.migrations ?? [],
    poolSize: config.DATABASE_POOL_SIZE,
    logger,
  });
  const broker = typeof definition.broker === 'function' ? brokerFromConfig(definition.broker, config, name, logger) : definition.broker;
  const schemas = definition.eventSchemas ?? new EventSchemas();
  const topics = new TopicNames(config.KAFKA_TOPIC_PREFIX);
  const outbox = new Outbox({ source: sourceOfService(name), schemas, topics });
  const relay = new OutboxRelay({
    databaseUrl: config.DATABASE_URL,
    applicationName: name,
    broker,
    logger,
    pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
    dataSource,
  });
  const unitOfWork = new UnitOfWork(dataSource, outbox, { relay });
  const dependencies: ServiceDependencies = { config, dataSource, unitOfWork, logger };
  const runners = (definition.consumers?.(dependencies) ?? []).map(
    (consumer) =>
      new ConsumerRunner({ service: name, consumer, broker, dataSource, unitOfWork, schemas, topics, logger, ownerOf: ownerSourceOf }),
  );
  let server: SubgraphServer<TContext> | undefined;
  let stopping: Promise<void> | undefined;

  async function start(): Promise<string> {
    await dataSource.initialize();
    const applied = await runMigrations(dataSource);
    if (applied.length > 0) logger.info({ migrations: applied }, 'Applied migrations');
    const published = [...new Set((definition.publishes ?? []).map((contract) => topics.topic(contract.topic)))];
    try {
      await broker.ensureTopics(published);
    } catch (error) {
      // Not fatal: the relay creates them when it first publishes, once the broker is back.
      logger.warn({ err: error }, 'Could not create the topics this service publishes to');
    }
    // The WAL outbox where the server supports it (wal_level = logical), else the table: see outbox/outbox-storage.ts.
    const storage = await chooseOutboxStorage(
      (sql, params) => dataSource.query(sql, params),
      logger,
      preferredOutbox(config.OUTBOX_STORAGE),
    );
    outbox.use(storage);
    logger.info(
      { outbox: storage },
      `The outbox keeps events in the ${storage === 'wal' ? 'WAL (logical decoding)' : 'outbox_events table'}`,
    );
    relay.start(storage);
    await Promise.all(runners.map((runner) => runner.start()));
    server = new SubgraphServer<TContext>({
      schema: await buildFederatedSchema(definition.schema(dependencies)),
      logger,
      mode: config.NODE_ENV,
      readiness: [
        { name: 'database', check: async () => void (await dataSource.query('SELECT 1')) },
        { name: 'broker', check: () => broker.checkHealth() },
        // Ready also means its consumers have joined their groups: an instance whose read models
        // are not being kept (its consumer failed and is restarting) is not one to route to.
        ...(runners.length > 0 ? [{ name: 'consumers', check: () => Promise.resolve().then(() => consumersJoined(runners)) }] : []),
      ],
      ...(definition.context ? { context: definition.context } : {}),
      authenticate: definition.authenticate ?? bearerAuthenticator(tokenVerifier(tokenSettings(config))),
      secrets: [config.SUBGRAPH_SECRET, config.SUBGRAPH_SECRET_PREVIOUS],
    });
    const url = await server.listen(config.PORT, config.HOST);
    logger.info({ url }, `The ${name} subgraph is serving`);
    return url;
  }

  function stop(): Promise<void> {
    stopping ??= shutDown();
    return stopping;
  }

  async function shutDown(): Promise<void> {
    await server?.close();
    await Promise.all(runners.map((runner) => runner.stop()));
    if (!(await relay.flush(config.SHUTDOWN_TIMEOUT_MS / 2))) {
      logger.warn('The outbox could not be emptied before shutdown; its events are published at the next start');
    }
    await relay.stop();
    await broker.close();
    if (dataSource.isInitialized) await dataSource.destroy();
    logger.info(`The ${name} subgraph has stopped`);
  }

  return { name, ...dependencies, relay, start, stop };
}

/** The broker a subgraph's settings name (KAFKA_BROKERS, its principal, partitions, replication), made by `make`. */
export function brokerFromConfig(make: BrokerFactory, config: SubgraphConfig, name: string, logger: Logger): MessageBroker {
  if (!config.KAFKA_BROKERS) {
    throw new ConfigError([{ variable: 'KAFKA_BROKERS', message: 'is required (Kafka bootstrap servers, comma-separated host:port)' }]);
  }
  return make({
    brokers: config.KAFKA_BROKERS,
    clientId: name,
    partitions: config.KAFKA_TOPIC_PARTITIONS,
    replicationFactor: config.KAFKA_REPLICATION_FACTOR,
    logger: logger.child({ component: 'broker' }),
    ...(config.KAFKA_USERNAME !== undefined &&
      config.KAFKA_PASSWORD !== undefined && { credentials: { username: config.KAFKA_USERNAME, password: config.KAFKA_PASSWORD } }),
  });
}

/** Throws, naming the groups, unless every consumer is a member of its group. */
function consumersJoined(runners: readonly ConsumerRunner[]): void {
  const waiting = runners.filter((runner) => !runner.joined()).map((runner) => runner.group);
  if (waiting.length > 0) throw new Error(`Not yet members of their consumer groups: ${waiting.join(', ')}`);
}
