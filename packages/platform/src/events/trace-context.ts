import { context, propagation, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * W3C trace context carried by an event: the CloudEvents distributed tracing extension's
 * `traceparent` and `tracestate` attributes, so that whatever the event causes (its relay to Kafka,
 * the handlers of other services) continues the trace of the request that wrote it.
 *
 * Everything here goes through @opentelemetry/api: when the process does not trace (no
 * OTEL_EXPORTER_OTLP_ENDPOINT, see @klynge/telemetry) there is no propagator, nothing is written
 * into events and every span is a no-op.
 */
export interface TraceContext {
  readonly traceparent?: string;
  readonly tracestate?: string;
}

const tracer = trace.getTracer('@klynge/platform');

/** The trace context of the span running now, if any. */
export function currentTraceContext(): TraceContext {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return {
    ...(carrier.traceparent ? { traceparent: carrier.traceparent } : {}),
    ...(carrier.tracestate ? { tracestate: carrier.tracestate } : {}),
  };
}

/** Opens a span continuing the trace `carried` names (a trace of its own when it names none); the caller ends it. */
export function startSpanContinuing(carried: TraceContext, name: string, kind: SpanKind, attributes: Record<string, string>): Span {
  const parent = propagation.extract(ROOT_CONTEXT, carried);
  return tracer.startSpan(name, { kind, attributes }, parent);
}

/** Runs `work` in a span continuing the trace `carried` names; the span records a failure and ends when `work` does. */
export async function inSpanContinuing<T>(
  carried: TraceContext,
  name: string,
  kind: SpanKind,
  attributes: Record<string, string>,
  work: () => Promise<T>,
): Promise<T> {
  const span = startSpanContinuing(carried, name, kind, attributes);
  try {
    return await context.with(trace.setSpan(context.active(), span), work);
  } catch (error) {
    failed(span, error);
    throw error;
  } finally {
    span.end();
  }
}

export function failed(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR });
}

/** Sends the spans still buffered, when this process traces: called before it exits, so its last traces are not lost. */
export async function flushTraces(): Promise<void> {
  const global = trace.getTracerProvider() as { getDelegate?: () => unknown };
  const provider = (global.getDelegate?.() ?? global) as { forceFlush?: () => Promise<void> };
  await provider.forceFlush?.().catch(() => undefined);
}

export { SpanKind };
