// Imported first by every entry point (`import '@klynge/telemetry/register'`), before anything
// loads http, pg or graphql, so that tracing can wrap them when an OTLP endpoint is set. Without
// one, not even the SDK is loaded. The platform's runService flushes spans before the process exits.
import { tracingConfigured } from './configured';
import type * as Telemetry from './telemetry';

if (tracingConfigured(process.env)) {
  // Synchronously, so the instrumentations are in place before the entry point's next import.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./telemetry') as typeof Telemetry).startTelemetry();
}
