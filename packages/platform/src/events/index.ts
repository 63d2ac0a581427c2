export { defineEventStream, type EventContract, type EventData, type EventStream, eventTypeName } from './event-contract';
export { CLOUDEVENTS_CONTENT_TYPE, createEnvelope, type EventEnvelope } from './event-envelope';
export { EventSchemas, EventValidationError, UndeclaredEventTypeError } from './event-schemas';
export { TopicNames } from './topic-names';
export {
  currentTraceContext,
  failed,
  flushTraces,
  inSpanContinuing,
  SpanKind,
  startSpanContinuing,
  type TraceContext,
} from './trace-context';
export { ownerSourceOf, sourceOfService, UntrustedEventSourceError } from './event-sources';
