import { runService } from '@klynge/platform';
import { createCompetenceService } from './server';

void runService(() => createCompetenceService());
