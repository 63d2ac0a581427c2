export { KafkaBroker, kafkaBroker, type BrokerLogger, type KafkaBrokerOptions } from './kafka-broker';
