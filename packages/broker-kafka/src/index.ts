export {
  type BrokerLogger,
  type GroupAssignments,
  type GroupMemberAssignment,
  KafkaBroker,
  kafkaBroker,
  type KafkaAccessScope,
  type KafkaAcl,
  type KafkaBrokerOptions,
  type KafkaOperation,
} from './kafka-broker';
