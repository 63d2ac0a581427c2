export {
  ConfigError,
  defineConfig,
  env,
  type ConfigCheck,
  type ConfigDefinition,
  type ConfigProblem,
  type ConfigValues,
  type VariableSpec,
} from './define-config';
export {
  kafkaClientVariables,
  kafkaCredentialProblems,
  LOG_LEVELS,
  subgraphConfig,
  subgraphVariables,
  type SubgraphConfig,
  type SubgraphVariables,
} from './subgraph-config';
