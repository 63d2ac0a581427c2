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
  JWT_SECRET: env.string({ description: 'HS256 secret of bearer tokens (without it and JWKS_URL, the development secret)', optional: true }),
  JWKS_URL: env.url({ description: "the identity provider's signing keys (production)", protocols: ['https:', 'http:'], optional: true }),
  CLUSTERS_SECRET: env.string({ description: 'the secret the clusters subgraph expects from the gateway', optional: true }),
  FUNDING_SECRET: env.string({ description: 'the secret the funding subgraph expects from the gateway', optional: true }),
  COMPETENCE_SECRET: env.string({ description: 'the secret the competence subgraph expects from the gateway', optional: true }),
  NODE_ENV: env.oneOf(['development', 'production', 'test'] as const, {
    description: 'production turns introspection and field suggestions off',
    default: 'development',
  }),
  MAX_QUERY_DEPTH: env.integer({ description: 'deepest selection allowed', default: 12, min: 1 }),
  MAX_QUERY_ALIASES: env.integer({ description: 'most aliases in one operation', default: 30, min: 0 }),
  MAX_QUERY_COST: env.integer({ description: 'highest estimated cost (fields times page sizes)', default: 200_000, min: 1 }),
  MAX_QUERY_TOKENS: env.integer({ description: 'most tokens in one document', default: 5_000, min: 100 }),
  MAX_BODY_SIZE: env.string({ description: 'largest request body, e.g. 100kb', default: '100kb', pattern: /^\d+(b|kb|mb)$/ }),
  ALLOW_BATCHED_REQUESTS: env.boolean({ description: 'accept an array of operations in one HTTP request', default: false }),
  QUERY_PLAN_CACHE_MIB: env.integer({ description: 'approximate memory for cached query plans, in MiB', default: 30, min: 1 }),
  GATEWAY_WORKERS: env.integer({ description: 'gateway processes sharing the port; 0 for one per core', default: 1, min: 0, max: 64 }),
  SHUTDOWN_TIMEOUT_MS: env.integer({ description: 'how long a graceful shutdown may take', default: 10_000, min: 0 }),
});

export type GatewayConfig = ReturnType<typeof gatewayConfig.load>;
