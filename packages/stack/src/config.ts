import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, env, LOG_LEVELS, type VariableSpec } from '@klynge/platform';
import { subgraphRegistry, type SubgraphEntry } from '@klynge/schemas';

export const repoRoot = path.resolve(__dirname, '../../..');

/** The built dashboard (`npm run build` builds it), which the gateway serves at /dashboard/ when it is there. */
export const dashboardDir = path.join(repoRoot, 'dashboard', 'dist');
/** The gateway's setting for it: none when the dashboard is not built. */
export const dashboardSetting = (): Record<string, string> =>
  existsSync(path.join(dashboardDir, 'index.html')) ? { DASHBOARD_DIR: dashboardDir } : {};

/** The variable with a subgraph's port under `npm start`: CLUSTERS_PORT for clusters, ... */
export const portVariableOf = (name: string) => `${name.toUpperCase().replace(/-/g, '_')}_PORT`;

const subgraphPorts = Object.fromEntries(
  subgraphRegistry().map(({ name, port }) => [
    portVariableOf(name),
    env.port({ description: `HTTP port of the ${name} subgraph`, default: port }),
  ]),
) as Record<string, VariableSpec<number>>;

/** What `npm start` reads: ports, where embedded data lives, and whether to use real servers. */
export const stackConfig = defineConfig({
  PORT: env.port({ description: 'HTTP port of the gateway', default: 4000 }),
  ...subgraphPorts,
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
  KAFKA_CREDENTIALS_FILE: env.string({
    description:
      "the broker's principals and passwords, as infra/kafka.sh writes them (by default the development broker's, when it is there): each service connects as its own",
    optional: true,
  }),
});

export type StackConfig = ReturnType<typeof stackConfig.load>;

/** Where a subgraph listens under `npm start` (on 127.0.0.1, where the gateway reaches it). */
export const portOf = (config: StackConfig, entry: Pick<SubgraphEntry, 'name'>): number =>
  (config as unknown as Readonly<Record<string, number>>)[portVariableOf(entry.name)]!;
