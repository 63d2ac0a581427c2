export { loadSubgraphNamed, loadSubgraphs, type SubgraphEntry } from './load-subgraphs';
export {
  type EventConsumption,
  eventConsumptions,
  type KafkaAccessScope,
  type KafkaAcl,
  kafkaAccessPlan,
  kafkaAccessScope,
} from './kafka-access';
export { GATEWAY_PRINCIPAL, KAFKA_ADMIN, kafkaPrincipals, servicePrincipal } from './kafka-principals';
