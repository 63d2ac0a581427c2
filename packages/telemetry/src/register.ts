// Imported first by every entry point (`import '@klynge/telemetry/register'`), before anything
// loads http, pg or graphql, so that tracing can wrap them when OTEL_EXPORTER_OTLP_ENDPOINT is set.
// The platform's runService flushes what is buffered before the process exits.
import { startTelemetry } from './telemetry';

startTelemetry();
