import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gatewayConfig } from '@klynge/gateway/config';
import { defineConfig, env, LOG_LEVELS, RUNTIME_MODES, type VariableSpec } from '@klynge/platform';
import { subgraphRegistry, type SubgraphEntry } from '@klynge/schemas';

export const repoRoot = path.resolve(__dirname, '../../..');

/** The built dashboard (`npm run build` builds it), which the gateway serves at /dashboard/ when it is there. */
export const dashboardDir = path.join(repoRoot, 'dashboard', 'dist');
/** The gateway's setting for it: none when the dashboard is not built. */
export const dashboardSetting = (): Record<string, string> =>
  // DASHBOARD_DIR names another build (the browser tests serve a copy of their own, so that a build
  // beside them, which rewrites dashboard/dist, does not pull the files from under their pages).
  process.env.DASHBOARD_DIR
    ? { DASHBOARD_DIR: process.env.DASHBOARD_DIR }
    : existsSync(path.join(dashboardDir, 'index.html'))
      ? { DASHBOARD_DIR: dashboardDir }
      : {};

/**
 * The gateway's response cache as the stack's configuration asks: with RESPONSE_CACHE=redis, the
 * Redis of RESPONSE_CACHE_REDIS_URL, or else the one `npm run infra:up` started (infra/redis.sh).
 */
export function responseCacheSettings(config: {
  readonly RESPONSE_CACHE: string;
  readonly RESPONSE_CACHE_REDIS_URL?: string | undefined;
}): Record<string, string> {
  if (config.RESPONSE_CACHE !== 'redis') return { RESPONSE_CACHE: config.RESPONSE_CACHE };
  const url =
    config.RESPONSE_CACHE_REDIS_URL ??
    execFileSync('bash', [path.join(repoRoot, 'infra', 'redis.sh'), 'url'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
  return { RESPONSE_CACHE: 'redis', RESPONSE_CACHE_REDIS_URL: url };
}

/** The variable with a subgraph's port under `npm start`: CLUSTERS_PORT for clusters, ... */
export const portVariableOf = (name: string) => `${name.toUpperCase().replace(/-/g, '_')}_PORT`;

const subgraphPorts = Object.fromEntries(
  subgraphRegistry().map(({ name, port }) => [
    portVariableOf(name),
    env.port({ description: `HTTP port of the ${name} subgraph`, default: port }),
  ]),
) as Record<string, VariableSpec<number>>;

/** The gateway's variable with where it reaches a subgraph: CLUSTERS_URL for clusters, ... */
const urlVariableOf = (name: string) => `${name.toUpperCase().replace(/-/g, '_')}_URL`;

const subgraphUrls = Object.fromEntries(
  subgraphRegistry().map(({ name }) => [
    urlVariableOf(name),
    env.url({
      description: `where the gateway reaches the ${name} subgraph, when not on its port here (a partner's copy running elsewhere, say)`,
      protocols: ['http:', 'https:'],
      optional: true,
    }),
  ]),
) as Record<string, VariableSpec<string | undefined>>;

/**
 * What `npm start` reads: ports, where embedded data lives, and whether to use real servers. It
 * refuses NODE_ENV=production: it is the way to develop and try Klynge, whose processes take
 * tokens signed with the development secret in this repository, make up their own Kafka passwords
 * and load demo data. Production runs each process on its own (the README's "Run it in production").
 */
export const stackConfig = defineConfig(
  {
    NODE_ENV: env.oneOf(RUNTIME_MODES, {
      description: 'npm start runs development only; production refuses to start',
      default: 'development',
    }),
    PORT: env.port({ description: 'HTTP port of the gateway', default: 4000 }),
    ...subgraphPorts,
    ...subgraphUrls,
    // What the dashboard does in production can be tried here: ANONYMOUS_OPERATIONS=registered npm start.
    ANONYMOUS_OPERATIONS: gatewayConfig.variables.ANONYMOUS_OPERATIONS,
    // And every answer from the subgraphs, as without the response cache: RESPONSE_CACHE=off npm start.
    RESPONSE_CACHE: gatewayConfig.variables.RESPONSE_CACHE,
    // With RESPONSE_CACHE=redis: unset, npm run stack's gateway uses the Redis of npm run infra:up.
    RESPONSE_CACHE_REDIS_URL: gatewayConfig.variables.RESPONSE_CACHE_REDIS_URL,
    KLYNGE_DEMO: env.oneOf(['facts', 'synthetic'], {
      description:
        'the demo data a new data folder gets: facts (only what the sources say) or synthetic (the benchmark\'s generated data set, every name ending in "(generated)"; embedded stack only)',
      default: 'facts',
    }),
    KLYNGE_DATA_DIR: env.string({
      description: 'where the embedded databases and broker keep their data',
      default: path.join(repoRoot, '.klynge'),
    }),
    LOG_LEVEL: env.oneOf(LOG_LEVELS, { description: 'least severe log level written', default: 'warn' }),
    DATABASE_URL: env.url({
      description: 'a PostgreSQL server (with KAFKA_BROKERS): each service then runs in its own process, on its own database there',
      protocols: ['postgres:', 'postgresql:'],
      optional: true,
    }),
    KAFKA_BROKERS: env.hostPorts({ description: 'Kafka bootstrap servers (with DATABASE_URL)', optional: true }),
    KLYNGE_DATABASE_SUFFIX: env.string({
      description:
        "added to every service's database name on DATABASE_URL's server (clusters_mine, ...), created when missing: a stack of its own beside a developer's (the tests use it)",
      optional: true,
      pattern: /^_[a-z0-9_]{1,40}$/,
    }),
    KAFKA_CREDENTIALS_FILE: env.string({
      description:
        "the broker's principals and passwords, as infra/kafka.sh writes them (by default the development broker's, when it is there): each service connects as its own",
      optional: true,
    }),
  },
  [
    ({ NODE_ENV }) =>
      NODE_ENV === 'production'
        ? [
            {
              variable: 'NODE_ENV',
              message:
                'is production, which npm start does not run: it is for development (tokens signed with the development secret in this repository, made-up Kafka passwords, demo data). In production run the gateway and each subgraph as a process or container of its own, with NODE_ENV=production and its secrets: see "Run it in production" in the README, and docker-compose.yml',
            },
          ]
        : [],
  ],
);

export type StackConfig = ReturnType<typeof stackConfig.load>;

/** Where a subgraph listens under `npm start` (on 127.0.0.1, where the gateway reaches it). */
export const portOf = (config: StackConfig, entry: Pick<SubgraphEntry, 'name'>): number =>
  (config as unknown as Readonly<Record<string, number>>)[portVariableOf(entry.name)]!;

/** Where the gateway reaches a subgraph under `npm start`: its <NAME>_URL when set, else its port on 127.0.0.1. */
export const gatewayTargetOf = (config: StackConfig, entry: Pick<SubgraphEntry, 'name'>): string =>
  (config as unknown as Readonly<Record<string, string | undefined>>)[urlVariableOf(entry.name)] ??
  `http://127.0.0.1:${portOf(config, entry)}/graphql`;
