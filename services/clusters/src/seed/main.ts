// npm run seed: the demo clusters into the clusters database (see seed-data.ts), once.
import {
  createDataSource,
  createLogger,
  defineConfig,
  env,
  EventSchemas,
  LOG_LEVELS,
  Outbox,
  runMigrations,
  TopicNames,
  UnitOfWork,
} from '@klynge/platform';
import { clustersConfig } from '../config';
import { clusterEntities, clusterMigrations } from '../server';
import { seedClusters } from './seed-clusters';

const config = defineConfig({
  DATABASE_URL: clustersConfig.variables.DATABASE_URL,
  KAFKA_TOPIC_PREFIX: clustersConfig.variables.KAFKA_TOPIC_PREFIX,
  LOG_LEVEL: env.oneOf(LOG_LEVELS, { description: 'least severe log level written', default: 'info' }),
}).load();

async function main() {
  const logger = createLogger({ service: 'clusters-seed', level: config.LOG_LEVEL });
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    applicationName: 'clusters-seed',
    entities: clusterEntities,
    migrations: clusterMigrations,
    logger,
  });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const outbox = new Outbox({ source: '/klynge/clusters', schemas: new EventSchemas(), topics: new TopicNames(config.KAFKA_TOPIC_PREFIX) });
    const added = await seedClusters(dataSource, new UnitOfWork(dataSource, outbox));
    logger.info({ added }, added.length ? `Seeded ${added.length} clusters` : 'The demo clusters were already there');
  } finally {
    await dataSource.destroy();
  }
}

void main();
