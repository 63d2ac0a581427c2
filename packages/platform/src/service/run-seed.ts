import { waitFor } from '@klynge/async';
import type { DataSource, MigrationInterface } from 'typeorm';
import { env } from '../config';
import type { UnitOfWork } from '../outbox';
import { withServiceDatabase } from './service-command';

/** The demo data a subgraph loads: only facts from the domain notes (see each seed-data.ts). */
export interface SubgraphSeed {
  /** Loads it through the same use cases as the API, so its events flow; answers what it added. Idempotent. */
  run(dataSource: DataSource, unitOfWork: UnitOfWork): Promise<readonly string[]>;
  /** Whether what it builds on has arrived from other subgraphs' events (waited for before `run`). */
  ready?(dataSource: DataSource): Promise<boolean>;
}

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
  readonly seed: SubgraphSeed;
}): Promise<void> {
  const more = {
    SEED_WAIT_MS: env.integer({
      description:
        "how long to wait for other subgraphs' events the demo data builds on (their services must be running); 0 skips it for now",
      default: 0,
      min: 0,
    }),
  };
  await withServiceDatabase({ ...options, role: 'seed', more }, async ({ dataSource, unitOfWork, logger, settings }) => {
    const seed = options.seed;
    const ready = seed.ready ? () => seed.ready!(dataSource) : undefined;
    if (ready && !(await ready())) {
      if (settings.SEED_WAIT_MS === 0) {
        // The seed is idempotent: what it can load now it loads, the rest on a later run.
        logger.warn(
          'Part of the demo data builds on what has not arrived from the other subgraphs yet; run the seed again once they have run',
        );
      } else {
        await waitFor(`what the ${options.service} demo data builds on to arrive`, ready, { timeoutMs: settings.SEED_WAIT_MS });
      }
    }
    const added = await seed.run(dataSource, unitOfWork);
    logger.info({ added }, added.length ? `Seeded ${added.length} records` : 'The demo data was already there');
  });
}
