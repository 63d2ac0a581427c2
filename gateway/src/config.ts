import { MIN_SECRET_BYTES, tokenConfigProblems, tokenVariables } from '@klynge/platform/auth';
import {
  type ConfigProblem,
  defineConfig,
  env,
  kafkaClientVariables,
  kafkaCredentialProblems,
  LOG_LEVELS,
  type VariableSpec,
} from '@klynge/platform/config';
import { SUBGRAPHS } from './subgraphs';
import { ANONYMOUS_OPERATIONS } from './trusted-operations';

/** Where answers are cached: nowhere, in the gateway's own memory, or in a Redis that several gateways share. */
export const RESPONSE_CACHE_MODES = ['off', 'memory', 'redis'] as const;

/** Per registered subgraph: where it answers, and the secret it expects from the gateway. */
const subgraphVariables = Object.fromEntries(
  SUBGRAPHS.flatMap(({ name, urlVariable, secretVariable }) => [
    [urlVariable, env.url({ description: `GraphQL URL of the ${name} subgraph`, protocols: ['http:', 'https:'] })],
    [secretVariable, env.string({ description: `the secret the ${name} subgraph expects from the gateway`, optional: true })],
  ]),
) as Record<string, VariableSpec<string | undefined>>;

/** The gateway's configuration: where it listens and where each subgraph answers. */
export const gatewayConfig = defineConfig(
  {
    PORT: env.port({ description: 'HTTP port of the gateway', default: 4000 }),
    HOST: env.string({ description: 'interface to listen on (0.0.0.0 for every one, as in a container)', default: '127.0.0.1' }),
    ...subgraphVariables,
    LOG_LEVEL: env.oneOf(LOG_LEVELS, { description: 'least severe log level written', default: 'info' }),
    ...tokenVariables(),
    CORS_ORIGINS: env.list({
      description:
        'origins (scheme://host[:port]) whose pages may call the gateway, comma-separated; development also lets in any localhost origin',
      default: [],
      item: /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/,
    }),
    METRICS_PORT: env.port({
      description: 'port of a second listener that serves only /metrics; production serves metrics there and nowhere else',
      optional: true,
    }),
    METRICS_HOST: env.string({ description: 'interface the metrics listener binds', default: '127.0.0.1' }),
    DASHBOARD_DIR: env.string({
      description: 'a built dashboard (dashboard/dist) to serve at /dashboard/; npm start sets it when the dashboard is built',
      optional: true,
    }),
    ANONYMOUS_OPERATIONS: env.oneOf(ANONYMOUS_OPERATIONS, {
      description:
        "what callers without a token may run: registered (only the operations in schemas/operations, sent by hash; production's default) or any document",
      optional: true,
    }),
    MAX_QUERY_DEPTH: env.integer({ description: 'deepest field allowed, counting the root field as 1', default: 13, min: 1 }),
    MAX_QUERY_ALIASES: env.integer({ description: 'most aliases in one operation', default: 30, min: 0 }),
    MAX_QUERY_COST: env.integer({ description: 'highest estimated cost (fields times page sizes)', default: 200_000, min: 1 }),
    MAX_QUERY_NODES: env.integer({
      description:
        'most selections a document expands to, fragments counted each time they are spread (checked before validation and before the cost estimate)',
      default: 5_000,
      min: 100,
    }),
    MAX_QUERY_TOKENS: env.integer({ description: 'most tokens in one document', default: 5_000, min: 100 }),
    MAX_QUERY_FRAGMENTS: env.integer({
      description: 'most fragment definitions in one document (checked before validation)',
      default: 64,
      min: 1,
    }),
    MAX_REPEATED_FIELDS: env.integer({
      description:
        'most fields sharing one response name in one selection set, fragments merged in (checked before validation, which compares every pair of them)',
      default: 20,
      min: 2,
    }),
    MAX_ERRORS: env.integer({ description: 'most errors in one answer, validation errors included', default: 20, min: 2 }),
    MAX_REQUESTS_IN_FLIGHT_PER_CALLER: env.integer({
      description:
        "most requests of one caller (a token's subject, or else a client address) the gateway works on at once; more are answered 429",
      default: 16,
      min: 1,
    }),
    MAX_BODY_SIZE: env.string({ description: 'largest request body, e.g. 100kb', default: '100kb', pattern: /^\d+(b|kb|mb)$/ }),
    ALLOW_BATCHED_REQUESTS: env.boolean({ description: 'accept an array of operations in one HTTP request', default: false }),
    SUPERGRAPH_SOURCE: env.string({
      description:
        'where a new supergraph comes from while the gateway runs: file:<path> (watched) or an http(s) URL (polled); unset, the committed schemas/supergraph.graphql as it is at start',
      optional: true,
      pattern: /^(file:.+|https?:\/\/.+)$/,
    }),
    SUPERGRAPH_POLL_INTERVAL_MS: env.integer({
      description: 'how often SUPERGRAPH_SOURCE is checked for a new supergraph',
      default: 10_000,
      min: 100,
    }),
    QUERY_PLAN_CACHE_MIB: env.integer({ description: 'approximate memory for cached query plans, in MiB', default: 30, min: 1 }),
    SUBGRAPH_TIMEOUT_MS: env.integer({
      description:
        "how long a subgraph may take to answer one of the gateway's requests before its fields are missing (SUBGRAPH_UNAVAILABLE)",
      default: 30_000,
      min: 100,
    }),
    RESPONSE_CACHE: env.oneOf(RESPONSE_CACHE_MODES, {
      description:
        'whole answers of queries kept in this process (memory) or in a Redis several gateways share (redis, at RESPONSE_CACHE_REDIS_URL), dropped by the events that change them, read from KAFKA_BROKERS or the in-process broker of npm start; off to answer every request from the subgraphs',
      default: 'memory',
    }),
    RESPONSE_CACHE_MIB: env.integer({
      description: 'most memory for cached answers, in MiB (least recently used go first)',
      default: 64,
      min: 1,
    }),
    RESPONSE_CACHE_REDIS_URL: env.url({
      description:
        'the Redis the gateways share answers in, with RESPONSE_CACHE=redis: redis://[:password@]host:port[/db] (rediss: for TLS); give it maxmemory and volatile-lru, as infra/ does',
      protocols: ['redis:', 'rediss:'],
      optional: true,
      secret: true,
    }),
    RESPONSE_CACHE_REDIS_TIMEOUT_MS: env.integer({
      description: 'how long one Redis command may take before the gateway answers uncached (bypass) and waits for Redis to be back',
      default: 500,
      min: 10,
    }),
    RESPONSE_CACHE_REDIS_TTL_S: env.integer({
      description:
        "an answer kept in Redis goes at the latest this long after it was stored: a safety net, not what bounds the cache (Redis's maxmemory with volatile-lru does, which evicts only keys with a TTL: the answers, never their index)",
      default: 86_400,
      min: 1,
    }),
    RESPONSE_CACHE_SETTLE_MS: env.integer({
      description:
        "how long after an event answers it touches are served but not kept: the services' read models apply the event a little after the gateway reads it",
      default: 100,
      min: 0,
    }),
    // Where the response cache reads the events: unset (and no broker handed to the gateway), nothing is cached.
    ...kafkaClientVariables('gateway'),
    GATEWAY_WORKERS: env.integer({ description: 'gateway processes sharing the port; 0 for one per core', default: 1, min: 0, max: 64 }),
    SHUTDOWN_TIMEOUT_MS: env.integer({ description: 'how long a graceful shutdown may take', default: 10_000, min: 0 }),
  },
  [tokenConfigProblems, subgraphSecretProblems, kafkaCredentialProblems, responseCacheStoreProblems],
);

/** A shared cache needs its Redis. */
function responseCacheStoreProblems(values: Record<string, unknown>): ConfigProblem[] {
  if (values.RESPONSE_CACHE !== 'redis' || values.RESPONSE_CACHE_REDIS_URL !== undefined) return [];
  return [
    { variable: 'RESPONSE_CACHE_REDIS_URL', message: 'is required with RESPONSE_CACHE=redis (the Redis the gateways share answers in)' },
  ];
}

/** In production the gateway proves itself to every subgraph, which refuses anyone else. */
function subgraphSecretProblems(values: Record<string, unknown>): ConfigProblem[] {
  if (values.NODE_ENV !== 'production') return [];
  return SUBGRAPHS.flatMap(({ secretVariable, name }) => {
    const secret = values[secretVariable];
    if (typeof secret !== 'string')
      return [{ variable: secretVariable, message: `is required in production (the secret the ${name} subgraph expects)` }];
    if (Buffer.byteLength(secret) < MIN_SECRET_BYTES)
      return [{ variable: secretVariable, message: `must be at least ${MIN_SECRET_BYTES} bytes long in production` }];
    return [];
  });
}

export type GatewayConfig = ReturnType<typeof gatewayConfig.load>;

/** Where each registered subgraph answers, and the secret it expects, as configured. */
export function subgraphTargets(config: GatewayConfig): Map<string, { url: string; secret: string | undefined }> {
  // The registry's variables are declared above, each URL required: loading checked them all.
  const values = config as unknown as Readonly<Record<string, string | undefined>>;
  return new Map(
    SUBGRAPHS.map(({ name, urlVariable, secretVariable }) => [name, { url: values[urlVariable]!, secret: values[secretVariable] }]),
  );
}
