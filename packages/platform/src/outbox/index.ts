export { Outbox, type OutboxMessage, type PublishInput } from './outbox';
export { chooseOutboxStorage, type OutboxStorage, preferredOutbox, walOutboxNames } from './outbox-storage';
export { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
export { UnitOfWork, type IsolationLevel, type Transaction } from './unit-of-work';
