export {
  type BrokerLogger,
  type GroupAssignments,
  type GroupMemberAssignment,
  KafkaBroker,
  kafkaBroker,
  type KafkaBrokerOptions,
} from './kafka-broker';
