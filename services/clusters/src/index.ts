import { runService } from '@klynge/platform';
import { createClustersService } from './server';

void runService(() => createClustersService());
