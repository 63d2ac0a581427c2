// npm run seed: the demo agencies, programmes and budgets into the funding database, once.
import { runSeed } from '@klynge/platform';
import { fundingMigrations } from '../server';
import { seedFunding } from './seed-funding';

void runSeed({ service: 'funding', migrations: fundingMigrations, seed: seedFunding });
