export {
  BrokerUnavailableError,
  type BrokerMessage,
  type DeliveredMessage,
  type MessageBroker,
  type OutgoingMessage,
  type SubscribeOptions,
  type Subscription,
} from './message-broker';
