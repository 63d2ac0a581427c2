// npm run seed: the demo clusters into the clusters database (see seed-data.ts), once.
import { runSeed } from '@klynge/platform';
import { clusterEntities, clusterMigrations } from '../server';
import { seedClusters } from './seed-clusters';

void runSeed({ service: 'clusters', entities: clusterEntities, migrations: clusterMigrations, seed: seedClusters });
