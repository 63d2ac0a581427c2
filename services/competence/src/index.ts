// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) wraps http, pg and graphql as they load.
import '@klynge/telemetry/register';
import { kafkaBroker } from '@klynge/broker-kafka';
import { subgraph } from './subgraph';

void subgraph.main(process.argv.slice(2), { broker: kafkaBroker });
