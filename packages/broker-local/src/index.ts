export { LocalBroker, type LocalBrokerOptions } from './local-broker';
export type { LocalBrokerLogger } from './logger';
