export { type DedicatedKafka, startDedicatedKafka } from './dedicated-kafka';
export { type DedicatedPostgres, startDedicatedPostgres } from './dedicated-postgres';
export { type DedicatedRedis, startDedicatedRedis } from './dedicated-redis';
export { benchSetting, percentile, writeBenchFigures } from './bench-figures';
export { freePorts } from './free-ports';
export { infraDir, infraScriptOutput, kafkaVersion, runInfraScript } from './infra-scripts';
export {
  defaultProviders,
  type InfraPart,
  type Infrastructure,
  type InfrastructureProviders,
  LOCAL_DATABASE_URL,
  LOCAL_KAFKA_BROKERS,
  provideInfrastructure,
  type StartedContainers,
} from './infrastructure';
export { type CountingProxy, startCountingProxy } from './counting-proxy';
export { createTestDatabase, serverUrl, type TestDatabase, withDatabase } from './test-database';
export { uniqueName, uniqueTopicPrefix } from './unique-names';
export { parseLogLines, waitUntilReady } from './service-process';
export { authenticateFromTestHeader, callerHeaders, TEST_CALLER_HEADER } from './test-callers';
// Waiting on a condition with a deadline, for tests and for the code they run alike.
export { waitFor } from '@klynge/async';
export {
  kafkaBrokers,
  kafkaConnection,
  kafkaCredentials,
  type KafkaCredentials,
  kafkaEnvironment,
  principalCredentials,
  readKafkaCredentials,
} from './kafka-credentials';
