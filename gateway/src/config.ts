import { defineConfig, env, LOG_LEVELS } from '@klynge/platform';

const subgraphUrl = (name: string) =>
  env.url({ description: `GraphQL URL of the ${name} subgraph`, protocols: ['http:', 'https:'] });

/** The gateway's configuration: where it listens and where each subgraph answers. */
export const gatewayConfig = defineConfig({
  PORT: env.port({ description: 'HTTP port of the gateway', default: 4000 }),
  HOST: env.string({ description: 'interface to listen on', default: '0.0.0.0' }),
  CLUSTERS_URL: subgraphUrl('clusters'),
  FUNDING_URL: subgraphUrl('funding'),
  COMPETENCE_URL: subgraphUrl('competence'),
  LOG_LEVEL: env.oneOf(LOG_LEVELS, { description: 'least severe log level written', default: 'info' }),
  SHUTDOWN_TIMEOUT_MS: env.integer({ description: 'how long a graceful shutdown may take', default: 10_000, min: 0 }),
});

export type GatewayConfig = ReturnType<typeof gatewayConfig.load>;
