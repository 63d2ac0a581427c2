export { KafkaBroker, type BrokerLogger, type KafkaBrokerOptions } from './kafka-broker';
