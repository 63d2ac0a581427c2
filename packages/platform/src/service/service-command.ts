import type { DataSource, MigrationInterface } from 'typeorm';
import { type ConfigValues, defineConfig, env, LOG_LEVELS, subgraphVariables, type VariableSpec } from '../config';
import { createDataSource, runMigrations } from '../database';
import { EventSchemas, TopicNames } from '../events';
import { createLogger, type Logger } from '../logging';
import { chooseOutboxStorage, Outbox, preferredOutbox, UnitOfWork } from '../outbox';

/** What a command of a subgraph's process works with: its database, migrated, and the API's unit of work. */
export interface ServiceCommandContext {
  readonly dataSource: DataSource;
  /** Writes with their events through the outbox, as the API does (they go out when the service runs). */
  readonly unitOfWork: UnitOfWork;
  readonly logger: Logger;
}

/**
 * A command a subgraph adds to its process (`klynge-subgraph . <name> ...`), e.g. an import.
 * It answers the process's exit code (0 when left out).
 */
export interface SubgraphCommand {
  readonly description: string;
  run(args: readonly string[], context: ServiceCommandContext): Promise<number | void>;
}

const commandVariables = (service: string) => {
  const variables = subgraphVariables(service, 0);
  return {
    DATABASE_URL: variables.DATABASE_URL,
    KAFKA_TOPIC_PREFIX: variables.KAFKA_TOPIC_PREFIX,
    OUTBOX_STORAGE: variables.OUTBOX_STORAGE,
    LOG_LEVEL: env.oneOf(LOG_LEVELS, { description: 'least severe log level written', default: 'info' }),
  };
};

/**
 * Runs `work` on the service's database (DATABASE_URL), migrated first, with the same unit of
 * work as the API; the database connection is closed after. Reads DATABASE_URL,
 * KAFKA_TOPIC_PREFIX, OUTBOX_STORAGE and LOG_LEVEL, and the `more` variables, whose values it hands to `work`.
 */
export async function withServiceDatabase<M extends Record<string, VariableSpec<unknown>>, T>(
  options: {
    readonly service: string;
    /** What the process is for, in its log lines and database application name, e.g. seed. */
    readonly role: string;
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's type for entity classes
    readonly entities?: readonly Function[];
    readonly migrations: readonly (new () => MigrationInterface)[];
    readonly more?: M;
  },
  work: (context: ServiceCommandContext & { readonly settings: ConfigValues<M> }) => Promise<T>,
): Promise<T> {
  const common = commandVariables(options.service);
  const config = defineConfig(common).load();
  const settings = defineConfig(options.more ?? ({} as M)).load();
  const logger = createLogger({ service: `${options.service}-${options.role}`, level: config.LOG_LEVEL });
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    applicationName: `${options.service}-${options.role}`,
    entities: options.entities ?? [],
    migrations: options.migrations,
    logger,
  });
  await dataSource.initialize();
  try {
    const applied = await runMigrations(dataSource);
    if (applied.length > 0) logger.info({ migrations: applied }, 'Applied migrations');
    const outbox = new Outbox({
      source: `/klynge/${options.service}`,
      schemas: new EventSchemas(),
      topics: new TopicNames(config.KAFKA_TOPIC_PREFIX),
    });
    // Where the service's relay reads: the WAL where the server supports it (see outbox/outbox-storage.ts).
    outbox.use(await chooseOutboxStorage((sql, params) => dataSource.query(sql, params), logger, preferredOutbox(config.OUTBOX_STORAGE)));
    return await work({ dataSource, unitOfWork: new UnitOfWork(dataSource, outbox), logger, settings });
  } finally {
    await dataSource.destroy();
  }
}
