export { loadSubgraphNamed, loadSubgraphs, type SubgraphEntry } from './load-subgraphs';
export { type EventConsumption, eventConsumptions, type KafkaAcl, kafkaAccessPlan } from './kafka-access';
