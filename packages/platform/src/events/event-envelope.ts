import { randomUUID } from 'node:crypto';
import type { EventContract } from './event-contract';
import type { TraceContext } from './trace-context';

/** A CloudEvents 1.0 event in structured JSON mode: the attributes and the data in one object. */
export interface EventEnvelope<TData extends object = object> {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly time: string;
  readonly subject: string;
  readonly datacontenttype: 'application/json';
  readonly dataschema?: string;
  /** Extension attribute: the request (or event) that caused this event. */
  readonly correlationid?: string;
  /** Distributed tracing extension: the W3C trace context of the request (or event) that caused this event. */
  readonly traceparent?: string;
  readonly tracestate?: string;
  readonly data: TData;
}

/** The content type of a structured-mode CloudEvent, sent as the Kafka `content-type` header. */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';

export function createEnvelope<TData extends object>(
  contract: EventContract<TData>,
  attributes: { source: string; subject: string; data: TData; correlationId?: string | undefined; trace?: TraceContext },
): EventEnvelope<TData> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: attributes.source,
    type: contract.type,
    time: new Date().toISOString(),
    subject: attributes.subject,
    datacontenttype: 'application/json',
    dataschema: `urn:klynge:events:${contract.topic}:${contract.name}`,
    ...(attributes.correlationId ? { correlationid: attributes.correlationId } : {}),
    ...attributes.trace,
    data: attributes.data,
  };
}
