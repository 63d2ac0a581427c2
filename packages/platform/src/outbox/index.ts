export { Outbox, type PublishInput } from './outbox';
export { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
export { UnitOfWork, type IsolationLevel, type Transaction } from './unit-of-work';
