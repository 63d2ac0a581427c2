export {
  BrokerUnavailableError,
  type BrokerFactory,
  type BrokerLogger,
  type BrokerMessage,
  type BrokerSettings,
  type DeliveredMessage,
  MAX_BATCH_SIZE,
  type MessageBroker,
  type OutgoingMessage,
  type SubscribeOptions,
  type Subscription,
} from './message-broker';
