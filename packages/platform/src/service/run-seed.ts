import type { DataSource, MigrationInterface } from 'typeorm';
import { defineConfig, env, LOG_LEVELS, subgraphVariables } from '../config';
import { createDataSource, runMigrations } from '../database';
import { EventSchemas, TopicNames } from '../events';
import { createLogger } from '../logging';
import { Outbox, UnitOfWork } from '../outbox';

/**
 * The whole of a service's seed command: migrates its database, then runs `seed` with the same
 * unit of work as the API, so seeded data publishes its events through the outbox (they go out
 * when the service runs). Reads DATABASE_URL, KAFKA_TOPIC_PREFIX and LOG_LEVEL.
 */
export async function runSeed(options: {
  readonly service: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's type for entity classes
  readonly entities?: readonly Function[];
  readonly migrations: readonly (new () => MigrationInterface)[];
  readonly seed: (dataSource: DataSource, unitOfWork: UnitOfWork) => Promise<readonly string[]>;
}): Promise<void> {
  const variables = subgraphVariables(options.service, 0);
  const config = defineConfig({
    DATABASE_URL: variables.DATABASE_URL,
    KAFKA_TOPIC_PREFIX: variables.KAFKA_TOPIC_PREFIX,
    LOG_LEVEL: env.oneOf(LOG_LEVELS, { description: 'least severe log level written', default: 'info' }),
  }).load();
  const logger = createLogger({ service: `${options.service}-seed`, level: config.LOG_LEVEL });
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    applicationName: `${options.service}-seed`,
    entities: options.entities ?? [],
    migrations: options.migrations,
    logger,
  });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const outbox = new Outbox({
      source: `/klynge/${options.service}`,
      schemas: new EventSchemas(),
      topics: new TopicNames(config.KAFKA_TOPIC_PREFIX),
    });
    const added = await options.seed(dataSource, new UnitOfWork(dataSource, outbox));
    logger.info({ added }, added.length ? `Seeded ${added.length} records` : 'The demo data was already there');
  } finally {
    await dataSource.destroy();
  }
}
