export { ConsumerRunner, DEAD_LETTER_HEADERS, type ConsumerRunnerOptions } from './consumer-runner';
export { EventConsumer, eventConsumer, type EventHandler, type EventHandlerContext } from './event-consumer';
export { replayReadModels, ReplayRefusedError, type ReplayOptions } from './replay';
