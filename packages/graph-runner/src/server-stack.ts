import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { waitFor } from '@klynge/async';
import { subgraphSettings } from '@klynge/gateway/subgraphs';
import { subgraphRegistry, type SubgraphEntry } from '@klynge/schemas';
import { SUBGRAPH_RUNNER } from '@klynge/subgraph-runner';
import pg from 'pg';
import { dashboardSetting, gatewayTargetOf, portOf, repoRoot, type StackConfig } from './config';
import { developmentCredentialsFile, serviceKafkaEnv } from './kafka-credentials';
import type { RunningStack } from './embedded-stack';

/**
 * The production shape: every registered subgraph and the gateway in its own process, each
 * subgraph on its own database on the PostgreSQL server of DATABASE_URL, all on the Kafka of
 * KAFKA_BROKERS. The demo data is loaded by the subgraphs' own seed commands once they run, in
 * the registry's order; they change nothing when it is already there.
 */
export async function startServerStack(config: StackConfig): Promise<RunningStack> {
  const serverUrl = config.DATABASE_URL!;
  const registry = subgraphRegistry();
  const suffix = config.KLYNGE_DATABASE_SUFFIX ?? '';
  const databaseUrl = (entry: SubgraphEntry) => databaseOf(serverUrl, entry, suffix);
  const secrets = new Map(registry.map(({ name }) => [name, randomUUID()]));
  const common = { KAFKA_BROKERS: config.KAFKA_BROKERS!.join(','), LOG_LEVEL: config.LOG_LEVEL };
  // Each service is on Kafka as its own principal, which the broker's ACLs name.
  const kafkaOf = (entry: SubgraphEntry) => serviceKafkaEnv(config.KAFKA_CREDENTIALS_FILE ?? developmentCredentialsFile, entry.name);
  const children: ChildProcess[] = [];
  const run = (args: readonly string[], env: Record<string, string>) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...common, ...env },
      stdio: 'inherit',
    });
    children.push(child);
    return child;
  };
  const seed = async (entry: SubgraphEntry) => {
    const [code] = (await once(
      run(serviceProcess(entry, 'seed'), { DATABASE_URL: databaseUrl(entry), SEED_WAIT_MS: String(DEADLINE_MS), ...kafkaOf(entry) }),
      'exit',
    )) as [number | null];
    if (code !== 0) throw new Error(`The ${entry.name} seed failed (exit code ${code})`);
  };

  async function stop(): Promise<void> {
    await Promise.all(
      children
        .filter((child) => child.exitCode === null && child.signalCode === null)
        .map((child) => {
          const exited = once(child, 'exit');
          child.kill('SIGTERM');
          return exited;
        }),
    );
  }

  try {
    await createMissingDatabases(
      serverUrl,
      registry.map((entry) => `${entry.database}${suffix}`),
    );
    for (const entry of registry) {
      run(serviceProcess(entry), {
        DATABASE_URL: databaseUrl(entry),
        PORT: String(portOf(config, entry)),
        SUBGRAPH_SECRET: secrets.get(entry.name)!,
        ...kafkaOf(entry),
      });
    }
    await Promise.all(registry.map((entry) => ready(`http://127.0.0.1:${portOf(config, entry)}/ready`)));
    // Each seed waits, itself, for what it builds on from the others' events.
    for (const entry of registry) await seed(entry);
    run([path.join(repoRoot, 'gateway', 'dist', 'index.js')], {
      PORT: String(config.PORT),
      ...dashboardSetting(),
      ...subgraphSettings(
        (name) => gatewayTargetOf(config, { name }),
        (name) => secrets.get(name)!,
      ),
    });
    await ready(`http://127.0.0.1:${config.PORT}/ready`);
    // The seed commands have said for themselves what they loaded.
    return { gatewayUrl: `http://localhost:${config.PORT}/graphql`, seeded: false, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

const DEADLINE_MS = 60_000;

/** A service's process as its `npm start` (or `npm run <command>`) runs it: the subgraph runner on its directory. */
export const serviceProcess = (entry: SubgraphEntry, ...command: string[]) => [
  SUBGRAPH_RUNNER,
  path.join(repoRoot, entry.directory),
  ...command,
];

/** The subgraphs' databases, created on the server when they are not there yet. */
async function createMissingDatabases(serverUrl: string, databases: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = ANY($1)', [databases]);
    for (const name of databases.filter((name) => !rows.some((row) => row.datname === name))) {
      await client.query(`CREATE DATABASE "${name}"`);
    }
  } finally {
    await client.end();
  }
}

const ready = (url: string) =>
  waitFor(
    url,
    () =>
      fetch(url).then(
        (response) => response.ok,
        () => false,
      ),
    { timeoutMs: DEADLINE_MS },
  );

/** A subgraph's own database on the PostgreSQL server at `serverUrl`: the one named after it in the registry. */
export function databaseOf(serverUrl: string, entry: SubgraphEntry, suffix = ''): string {
  return Object.assign(new URL(serverUrl), { pathname: `/${entry.database}${suffix}` }).toString();
}
