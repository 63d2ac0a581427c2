// The sample subgraph as a process, as a service's index.ts would run it.
import { createService, runService } from '../service';
import { sampleConfig, sampleService } from './sample-service';

void runService(() => createService(sampleService(sampleConfig.load())));
