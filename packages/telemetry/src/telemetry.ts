import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanExporter, TracerProvider } from '@opentelemetry/sdk-trace';
import { tracingConfigured } from './configured';
import { serviceNameAt } from './service-name';

export interface Telemetry {
  readonly serviceName: string;
  /** Sends what is buffered. */
  flush(): Promise<void>;
  /** Sends what is buffered and stops. */
  shutdown(): Promise<void>;
}

export interface TelemetryOptions {
  /** Where spans go; by default OTLP over HTTP to OTEL_EXPORTER_OTLP_ENDPOINT (or ..._TRACES_ENDPOINT). */
  readonly exporter?: SpanExporter;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

// Probes and scrapes, not requests anyone traces.
const UNTRACED_PATHS = new Set(['/health', '/ready', '/metrics']);

let started: Telemetry | undefined;

/**
 * Traces this process when an OTLP endpoint is configured (or an exporter is given): W3C trace
 * context in and out, a span per HTTP request served and per subgraph fetch (Node's http and
 * fetch), per GraphQL operation and non-trivial resolver, per SQL statement. Without an endpoint it
 * does nothing at all: no wrapped modules, and @opentelemetry/api stays a no-op, so the platform's
 * own spans (outbox relay, event handlers) cost nothing; `register` does not even load the SDK.
 *
 * The instrumentations wrap modules as they are loaded: this runs before anything else loads
 * http, pg or graphql, from `@klynge/telemetry/register`, the first import of every entry point.
 */
export function startTelemetry(options: TelemetryOptions = {}): Telemetry | undefined {
  if (started) return started;
  const env = options.env ?? process.env;
  if (!options.exporter && !tracingConfigured(env)) return undefined;
  const serviceName = env.OTEL_SERVICE_NAME ?? serviceNameAt(require.main?.filename ?? process.cwd());
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: options.exporter ?? new OTLPTraceExporter(),
        scheduledDelayMillis: positive(env.OTEL_BSP_SCHEDULE_DELAY) ?? 5_000,
      }),
    ],
  });
  trace.setGlobalTracerProvider(provider);
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0]!) }),
      // The gateway reaches its subgraphs with Node's fetch (undici).
      new UndiciInstrumentation(),
      // A resolver that only reads a property gets no span: a dashboard answer has thousands.
      new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true }),
      // Statements outside a traced request or event (the relay's polls, migrations) make no traces of their own.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  started = {
    serviceName,
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      await provider.shutdown();
    },
  };
  return started;
}

function positive(value: string | undefined): number | undefined {
  const number = Number(value);
  return value !== undefined && Number.isInteger(number) && number > 0 ? number : undefined;
}
