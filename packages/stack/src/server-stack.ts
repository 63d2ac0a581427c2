import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { waitFor } from '@klynge/async';
import { subgraphSettings } from '@klynge/gateway/subgraphs';
import pg from 'pg';
import { portOf, repoRoot, SERVICE_NAMES, type ServiceName, type StackConfig } from './config';
import type { RunningStack } from './embedded-stack';

/**
 * The production shape: every service and the gateway in its own process, each service on its own
 * database (named after it) on the PostgreSQL server of DATABASE_URL, all on the Kafka of
 * KAFKA_BROKERS. The demo data is loaded by the services' own seed commands, which change
 * nothing when it is already there.
 */
export async function startServerStack(config: StackConfig): Promise<RunningStack> {
  const serverUrl = config.DATABASE_URL!;
  const databaseUrl = (name: ServiceName) => Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  const secrets = new Map(SERVICE_NAMES.map((name) => [name, randomUUID()]));
  const common = { KAFKA_BROKERS: config.KAFKA_BROKERS!.join(','), LOG_LEVEL: config.LOG_LEVEL };
  const children: ChildProcess[] = [];
  const run = (script: string, env: Record<string, string>) => {
    const child = spawn(process.execPath, [path.join(repoRoot, script)], { env: { ...process.env, ...common, ...env }, stdio: 'inherit' });
    children.push(child);
    return child;
  };
  const seed = async (name: ServiceName) => {
    const [code] = (await once(run(`services/${name}/dist/seed/main.js`, { DATABASE_URL: databaseUrl(name) }), 'exit')) as [number | null];
    if (code !== 0) throw new Error(`The ${name} seed failed (exit code ${code})`);
  };

  async function stop(): Promise<void> {
    await Promise.all(
      children.filter((child) => child.exitCode === null && child.signalCode === null).map((child) => {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        return exited;
      }),
    );
  }

  try {
    await createMissingDatabases(serverUrl);
    await seed('clusters');
    await seed('funding');
    for (const name of SERVICE_NAMES) {
      run(`services/${name}/dist/index.js`, {
        DATABASE_URL: databaseUrl(name),
        PORT: String(portOf(config, name)),
        SUBGRAPH_SECRET: secrets.get(name)!,
      });
    }
    await Promise.all(SERVICE_NAMES.map((name) => ready(`http://127.0.0.1:${portOf(config, name)}/ready`)));
    await clustersKnownToCompetence(databaseUrl('clusters'), databaseUrl('competence'));
    await seed('competence');
    run('gateway/dist/index.js', {
      PORT: String(config.PORT),
      ...subgraphSettings((name) => `http://127.0.0.1:${portOf(config, name)}/graphql`, (name) => secrets.get(name)!),
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

/** The services' databases, created on the server when they are not there yet. */
async function createMissingDatabases(serverUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = ANY($1)', [SERVICE_NAMES]);
    for (const name of SERVICE_NAMES.filter((name) => !rows.some((row) => row.datname === name))) {
      await client.query(`CREATE DATABASE "${name}"`);
    }
  } finally {
    await client.end();
  }
}

const ready = (url: string) =>
  waitFor(url, () => fetch(url).then((response) => response.ok, () => false), { timeoutMs: DEADLINE_MS });

/** Competence plans its demo programmes only for host clusters its read model knows. */
async function clustersKnownToCompetence(clustersUrl: string, competenceUrl: string): Promise<void> {
  const count = async (url: string, table: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table}`)).rows[0]!.count;
    } finally {
      await client.end();
    }
  };
  const clusters = await count(clustersUrl, 'clusters');
  await waitFor('the competence service to hear of the clusters', async () => (await count(competenceUrl, 'cluster_directory')) >= clusters, {
    timeoutMs: DEADLINE_MS,
  });
}
