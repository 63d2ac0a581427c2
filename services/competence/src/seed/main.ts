// npm run seed: the demo competence programmes into the competence database, once their hosts are known.
import { runSeed } from '@klynge/platform';
import { competenceMigrations } from '../server';
import { seedCompetence } from './seed-competence';

void runSeed({ service: 'competence', migrations: competenceMigrations, seed: seedCompetence });
