// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) wraps http, pg and graphql as they load,
// so nothing else may be imported before it (the subgraph is loaded below, after it), but the
// name it gives the process: the service's, not the runner's.
import './trace-as-service';
import '@klynge/telemetry/register';
import { kafkaBroker } from '@klynge/broker-kafka';
import { subgraphAt } from './subgraph-at';

// klynge-subgraph <service directory or its subgraph module> [start | sdl | seed | a command of its own ...]
const [where = '.', ...command] = process.argv.slice(2);
void subgraphAt(where).main(command, { broker: kafkaBroker });
