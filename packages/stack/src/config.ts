import path from 'node:path';
import { defineConfig, env, LOG_LEVELS } from '@klynge/platform';

export const repoRoot = path.resolve(__dirname, '../../..');

/** What `npm start` reads: ports, where embedded data lives, and whether to use real servers. */
export const stackConfig = defineConfig({
  PORT: env.port({ description: 'HTTP port of the gateway', default: 4000 }),
  CLUSTERS_PORT: env.port({ description: 'HTTP port of the clusters subgraph', default: 4001 }),
  FUNDING_PORT: env.port({ description: 'HTTP port of the funding subgraph', default: 4002 }),
  COMPETENCE_PORT: env.port({ description: 'HTTP port of the competence subgraph', default: 4003 }),
  KLYNGE_DATA_DIR: env.string({
    description: 'where the embedded databases and broker keep their data',
    default: path.join(repoRoot, '.klynge'),
  }),
  LOG_LEVEL: env.oneOf(LOG_LEVELS, { description: 'least severe log level written', default: 'warn' }),
  DATABASE_URL: env.url({
    description: "a PostgreSQL server (with KAFKA_BROKERS): each service then runs in its own process, on its own database there",
    protocols: ['postgres:', 'postgresql:'],
    optional: true,
  }),
  KAFKA_BROKERS: env.hostPorts({ description: 'Kafka bootstrap servers (with DATABASE_URL)', optional: true }),
});

export type StackConfig = ReturnType<typeof stackConfig.load>;

/** The subgraphs, each with its port variable; the gateway reaches them on 127.0.0.1. */
export const SERVICE_NAMES = ['clusters', 'funding', 'competence'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
export const portOf = (config: StackConfig, name: ServiceName): number =>
  ({ clusters: config.CLUSTERS_PORT, funding: config.FUNDING_PORT, competence: config.COMPETENCE_PORT })[name];
