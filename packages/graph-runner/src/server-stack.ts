import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { KafkaBroker } from '@klynge/broker-kafka';
import { subgraphSettings } from '@klynge/gateway/subgraphs';
import { subgraphRegistry, type SubgraphEntry } from '@klynge/schemas';
import { SUBGRAPH_RUNNER } from '@klynge/subgraph-runner';
import pg from 'pg';
import { dashboardSetting, gatewayTargetOf, portOf, repoRoot, responseCacheSettings, type StackConfig } from './config';
import { developmentCredentialsFile, gatewayKafkaEnv, serviceKafkaEnv } from './kafka-credentials';
import type { RunningStack } from './embedded-stack';
import { serveStackControl, stackControlSocket } from './stack-control';
import { SupervisedProcess } from './supervised-process';

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
  const brokers = config.KAFKA_BROKERS!;
  const common = { KAFKA_BROKERS: brokers.join(','), LOG_LEVEL: config.LOG_LEVEL };
  // Each service is on Kafka as its own principal, which the broker's ACLs name.
  const credentialsFile = config.KAFKA_CREDENTIALS_FILE ?? developmentCredentialsFile(brokers);
  const kafka = new Map(registry.map((entry) => [entry.name, serviceKafkaEnv(credentialsFile, entry.name)]));
  const kafkaOf = (entry: SubgraphEntry) => kafka.get(entry.name)!;
  await expectBrokerTakes(brokers, credentialsFile, [...kafka.values()]);
  const environment = (env: Record<string, string>) => ({ ...process.env, ...common, ...env });
  const report = (text: string) => process.stderr.write(text);
  // The long-running processes, each of which another shell may stop and start (npm run stack:service).
  const processes = new Map<string, SupervisedProcess>([
    ...registry.map((entry): [string, SupervisedProcess] => [
      entry.name,
      new SupervisedProcess(
        entry.name,
        serviceProcess(entry),
        environment({
          DATABASE_URL: databaseUrl(entry),
          PORT: String(portOf(config, entry)),
          SUBGRAPH_SECRET: secrets.get(entry.name)!,
          ...kafkaOf(entry),
        }),
        `http://127.0.0.1:${portOf(config, entry)}/ready`,
        report,
      ),
    ]),
    [
      'gateway',
      new SupervisedProcess(
        'gateway',
        [path.join(repoRoot, 'gateway', 'dist', 'index.js')],
        environment({
          PORT: String(config.PORT),
          ...gatewayKafkaEnv(brokers, credentialsFile),
          ...responseCacheSettings(config),
          ...dashboardSetting(),
          ...subgraphSettings(
            (name) => gatewayTargetOf(config, { name }),
            (name) => secrets.get(name)!,
          ),
        }),
        `http://127.0.0.1:${config.PORT}/ready`,
        report,
      ),
    ],
  ]);
  const seeds = new Set<ChildProcess>();
  const seed = async (entry: SubgraphEntry) => {
    const child = spawn(process.execPath, serviceProcess(entry, 'seed'), {
      env: environment({ DATABASE_URL: databaseUrl(entry), SEED_WAIT_MS: String(DEADLINE_MS), ...kafkaOf(entry) }),
      stdio: 'inherit',
    });
    seeds.add(child);
    const [code] = (await once(child, 'exit')) as [number | null];
    seeds.delete(child);
    if (code !== 0) throw new Error(`The ${entry.name} seed failed (exit code ${code})`);
  };
  // Claimed before anything starts: a second stack on the same gateway port stops here.
  const control = await serveStackControl(stackControlSocket(config.PORT), processes);

  async function stop(): Promise<void> {
    // Each process is marked as stopping at once (before any await): one that Ctrl-C, sent to the
    // whole process group, ends first is not reported as having died.
    await Promise.all([
      control.close(),
      ...[...processes.values()].map((supervised) => supervised.stop()),
      ...[...seeds].map((child) => {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        return exited;
      }),
    ]);
  }

  try {
    await createMissingDatabases(
      serverUrl,
      registry.map((entry) => `${entry.database}${suffix}`),
    );
    await Promise.all(registry.map((entry) => processes.get(entry.name)!.start()));
    // Each seed waits, itself, for what it builds on from the others' events.
    for (const entry of registry) await seed(entry);
    await processes.get('gateway')!.start();
    control.open();
    // The seed commands have said for themselves what they loaded.
    return { gatewayUrl: `http://localhost:${config.PORT}/graphql`, seeded: false, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

const DEADLINE_MS = 60_000;

/**
 * The broker takes each service's password: one it refuses (another broker's credentials file)
 * stops the stack at once, saying so, where every service would otherwise retry thousands of
 * times until the readiness deadline. Other failures (a broker still starting) are left to the
 * services, which wait for it.
 */
async function expectBrokerTakes(brokers: readonly string[], file: string | undefined, services: readonly Record<string, string>[]) {
  const refusals = await Promise.all(
    services
      .filter(({ KAFKA_USERNAME, KAFKA_PASSWORD }) => KAFKA_USERNAME !== undefined && KAFKA_PASSWORD !== undefined)
      .map(async ({ KAFKA_USERNAME: username, KAFKA_PASSWORD: password }) => {
        const broker = new KafkaBroker({
          brokers,
          clientId: 'klynge-stack-credentials',
          credentials: { username: username!, password: password! },
        });
        try {
          await broker.checkHealth();
          return undefined;
        } catch (error) {
          return refusedAuthentication(error) ? username : undefined;
        } finally {
          await broker.close();
        }
      }),
  );
  const refused = refusals.filter((username) => username !== undefined);
  if (refused.length > 0)
    throw new Error(
      `Kafka at ${brokers.join(',')} refused the password of ${refused.join(', ')} in ${file} (SASL authentication failed): ` +
        "that file holds another broker's credentials. Set KAFKA_CREDENTIALS_FILE to this broker's (for a broker on this machine, " +
        '`bash infra/kafka.sh credentials-file` says where they are), or stop that broker and run npm run infra:up.',
    );
}

/** kafkajs's refusal of a SASL login, wherever it is in the chain of causes. */
function refusedAuthentication(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) if (cause.name === 'KafkaJSSASLAuthenticationError') return true;
  return false;
}

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

/** A subgraph's own database on the PostgreSQL server at `serverUrl`: the one named after it in the registry. */
export function databaseOf(serverUrl: string, entry: SubgraphEntry, suffix = ''): string {
  return Object.assign(new URL(serverUrl), { pathname: `/${entry.database}${suffix}` }).toString();
}
