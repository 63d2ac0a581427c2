// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) wraps http, fetch and graphql as they load.
import '@klynge/telemetry/register';
import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { KafkaBroker } from '@klynge/broker-kafka';
import { exitOnConfigError, runService } from '@klynge/platform/process';
import { gatewayConfig } from './config';
import { createGateway } from './server';

const config = exitOnConfigError(() => gatewayConfig.load());
const workers = config.GATEWAY_WORKERS === 0 ? availableParallelism() : config.GATEWAY_WORKERS;

if (workers > 1 && cluster.isPrimary) {
  // One gateway per worker process, all on one port; the primary only keeps them running.
  let stopping = false;
  for (let index = 0; index < workers; index += 1) cluster.fork();
  cluster.on('exit', (worker, code) => {
    if (!stopping) {
      process.stderr.write(`gateway worker ${worker.process.pid} exited (${code}); starting another\n`);
      cluster.fork();
    } else if (Object.keys(cluster.workers ?? {}).length === 0) {
      process.exit(0);
    }
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} else {
  void runService(() => createGateway(config, { events: kafkaEvents() }));
}

/** The event topics on Kafka (KAFKA_BROKERS), which keep the response cache exact; unset, nothing is cached. */
function kafkaEvents() {
  if (config.RESPONSE_CACHE === 'off' || !config.KAFKA_BROKERS) return undefined;
  const instance = randomUUID();
  return {
    broker: new KafkaBroker({
      brokers: config.KAFKA_BROKERS,
      clientId: `gateway-${instance}`,
      ...(config.KAFKA_USERNAME !== undefined &&
        config.KAFKA_PASSWORD !== undefined && { credentials: { username: config.KAFKA_USERNAME, password: config.KAFKA_PASSWORD } }),
    }),
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    // Each process keeps a cache of its own, so reads every event: a group of its own.
    groupId: `gateway.response-cache.${instance}`,
    closeBroker: true,
  };
}
