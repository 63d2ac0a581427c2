import { runService } from '@klynge/platform';
import { createFundingService } from './server';

void runService(() => createFundingService());
