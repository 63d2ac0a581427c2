import pg from 'pg';
import { DataSource, type Logger as TypeOrmLogger, type MigrationInterface } from 'typeorm';
import type { Logger } from '../logging';
import { CreateEventTables1795400000000 } from './migrations/1795400000000-create-event-tables';
import { OutboxNotifyAfterCommit1796100000000 } from './migrations/1796100000000-outbox-notify-after-commit';
import { DeadLetters1796200000000 } from './migrations/1796200000000-dead-letters';
import { ConsumerPositions1797120000000 } from './migrations/1797120000000-consumer-positions';
import { isPgliteUrl, openPglite } from './pglite';

/** The platform's migrations; they run before a service's own. */
export const platformMigrations: readonly (new () => MigrationInterface)[] = [
  CreateEventTables1795400000000,
  OutboxNotifyAfterCommit1796100000000,
  DeadLetters1796200000000,
  ConsumerPositions1797120000000,
];

export interface DatabaseOptions {
  readonly url: string;
  /** Shown in pg_stat_activity, so a connection can be traced to its service. */
  readonly applicationName: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
  readonly entities: readonly Function[];
  readonly migrations: readonly (new () => MigrationInterface)[];
  readonly poolSize?: number;
  readonly logger: Logger;
}

/**
 * A service's PostgreSQL data source. The schema changes only through migrations: `synchronize`
 * stays off, and {@link runMigrations} applies the platform's migrations and then the service's.
 */
export function createDataSource(options: DatabaseOptions): DataSource {
  // A pglite: URL is a database inside this process (see pglite.ts), reached through one pooled
  // connection so that transactions take turns on its single session.
  const embedded = isPgliteUrl(options.url) ? openPglite(options.url) : undefined;
  const dataSource = new DataSource({
    type: 'postgres',
    ...(embedded ? { extra: { connection: embedded.connection } } : { url: options.url }),
    applicationName: options.applicationName,
    entities: [...options.entities],
    migrations: [...platformMigrations, ...options.migrations],
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    poolSize: embedded ? 1 : (options.poolSize ?? 10),
    logging: ['error', 'warn', 'migration'],
    logger: new PinoTypeOrmLogger(options.logger.child({ component: 'typeorm' })),
  });
  if (embedded) {
    const destroy = dataSource.destroy.bind(dataSource);
    dataSource.destroy = async () => {
      await destroy();
      await embedded.close();
    };
  }
  return dataSource;
}

/**
 * Applies the pending migrations, each in its own transaction; answers the names applied.
 *
 * Instances of a service starting together (replicas of a new release, or a service and its seed)
 * take turns by a PostgreSQL advisory lock, held on a connection of its own while migrating: the
 * first applies what is pending, the others then find nothing left. Without it, both would run the
 * same migration (TypeORM does not lock), one failing on what the other created, or a migration
 * that changes data taking effect twice.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const migrate = async () => (await dataSource.runMigrations({ transaction: 'each' })).map((migration) => migration.name);
  const { url, applicationName } = dataSource.options as { url?: string; applicationName?: string };
  // An embedded database belongs to this process alone (see pglite.ts): nobody to take turns with.
  if (!url || isPgliteUrl(url)) return migrate();
  const lock = new pg.Client({ connectionString: url, application_name: `${applicationName ?? 'klynge'}:migrations` });
  // A connection lost while migrating releases the lock; the migrations' own connections report it.
  lock.on('error', () => undefined);
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext('klynge.migrations'))`);
    return await migrate();
  } finally {
    // Ending the session releases the lock.
    await lock.end().catch(() => undefined);
  }
}

/** TypeORM's log calls, written as JSON lines through the service's logger. */
class PinoTypeOrmLogger implements TypeOrmLogger {
  constructor(private readonly logger: Logger) {}

  logQuery(query: string): void {
    this.logger.trace({ query }, 'query');
  }

  logQueryError(error: string | Error, query: string): void {
    // Failed queries are often expected (a unique violation becomes a CONFLICT error); the
    // caller decides whether it is an error worth logging.
    this.logger.debug({ err: error, query }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ durationMs: time, query }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}
