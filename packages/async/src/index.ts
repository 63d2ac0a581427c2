export { waitFor } from './wait-for';
export { backoff, pause, Wakeup } from './wakeup';
