export { loadSubgraphNamed, loadSubgraphs, type SubgraphEntry } from './load-subgraphs';
export { type EventConsumption, eventConsumptions, type KafkaAcl, kafkaAccessPlan } from './kafka-access';
export { type DataSize, LEVELS, type Queryable, SYNTHETIC_DATA, syntheticOrgNumbers } from './synthetic-data';
