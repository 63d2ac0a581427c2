export {
  BrokerUnavailableError,
  type BrokerFactory,
  type BrokerLogger,
  type BrokerMessage,
  type BrokerSettings,
  type DeliveredMessage,
  type MessageBroker,
  type OutgoingMessage,
  type SubscribeOptions,
  type Subscription,
} from './message-broker';
