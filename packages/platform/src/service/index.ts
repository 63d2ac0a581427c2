export { createService, type Service, type ServiceDefinition, type ServiceDependencies } from './create-service';
export { exitOnConfigError, type Runnable, runService } from './run-service';
export { runSeed } from './run-seed';
export { subgraphSdl } from './subgraph-sdl';
export {
  defineSubgraph,
  type Subgraph,
  type SubgraphCommand,
  type SubgraphDefinition,
  type SubgraphRuntime,
  type SubgraphSeed,
} from './define-subgraph';
export { type ServiceCommandContext, withServiceDatabase } from './service-command';
export { type Queryable, type SyntheticDataGenerator, type SyntheticDataSize } from './synthetic-data';
