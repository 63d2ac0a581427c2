/**
 * Every registered subgraph on generated data, each in a process of its own and as deployed:
 * NODE_ENV=production, a JWT secret, the secret each expects from the gateway, and each service on
 * Kafka as its own principal. The benchmarks (run.ts, hostile.ts) start their gateways over it.
 *
 * Runs on the PostgreSQL and Kafka the tests use (started by the infra scripts when neither
 * DATABASE_URL nor KAFKA_BROKERS is set), in databases and on topics of its own. Its processes,
 * its databases and the broker's rules for its topics go again when the benchmark ends, also when
 * it is interrupted (Ctrl-C).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import path from 'node:path';
import { KafkaBroker } from '@klynge/broker-kafka';
import { SUBGRAPH_SECRET_HEADER, type SyntheticDataSize } from '@klynge/platform';
import { registeredAgencies, subgraphRegistry } from '@klynge/schemas';
import { SUBGRAPH_RUNNER } from '@klynge/subgraph-runner';
import { GATEWAY_PRINCIPAL, KAFKA_ADMIN, kafkaAccessPlan, loadSubgraphNamed, servicePrincipal } from '@klynge/subgraph-registry';
import { benchSetting, freePorts, provideInfrastructure, readKafkaCredentials, waitFor, withDatabase } from '@klynge/test-infrastructure';
import pg from 'pg';
import { subgraphSettings } from '../src/subgraphs';

const repoRoot = path.resolve(__dirname, '../..');

/** The registry's principal the benchmarks read events as: an agency, which may read every public topic and write none. */
export const EVENT_OBSERVER = registeredAgencies()[0]!;

/** The generated data's size from BENCH_CLUSTERS, BENCH_ORGANIZATIONS and BENCH_GRANTS, each `defaults`' when unset. */
export function benchDataSize(defaults: SyntheticDataSize): SyntheticDataSize {
  return {
    clusters: benchSetting('BENCH_CLUSTERS', defaults.clusters),
    organizations: benchSetting('BENCH_ORGANIZATIONS', defaults.organizations),
    grants: benchSetting('BENCH_GRANTS', defaults.grants),
  };
}

/** The node flags a package's start script gives (`node <flags> dist/index.js`; none for a service's runner): processes run as deployed. */
export function startFlags(directory: string): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(repoRoot, directory, 'package.json'), 'utf8')) as { scripts?: { start?: string } };
  return (scripts?.start ?? '').split(/\s+/).filter((word) => word.startsWith('--'));
}

/** Whether the service whose GraphQL endpoint is `url` says it is ready. */
const ready = (url: string) => async () => {
  try {
    return (await fetch(url.replace(/\/graphql$/, '/ready'))).ok;
  } catch {
    return false;
  }
};

export interface ProductionGraphOptions {
  /** Names the run's databases (`klynge_<label>_<service>_<run>`), topics and temporary folder. */
  readonly label: string;
  readonly size: SyntheticDataSize;
  /** Ports to hold for the benchmark's own processes (its gateways), chosen with the subgraphs' so that none clash. */
  readonly extraPorts?: number;
  /** Node flags (before the entry point) and environment a subgraph runs with besides its own, e.g. a require hook. */
  readonly instrument?: (name: string, workDir: string) => { readonly args: readonly string[]; readonly env: Record<string, string> };
}

export interface ProductionGraph {
  /** A folder of the run's own, removed at the end. */
  readonly workDir: string;
  readonly subgraphUrls: ReadonlyMap<string, string>;
  readonly subgraphProcesses: ReadonlyMap<string, ChildProcess>;
  readonly databaseUrls: ReadonlyMap<string, string>;
  /** What tokens are signed with: the identity provider's key, as the gateway and every subgraph know it. */
  readonly jwtSecret: string;
  /** The `extraPorts` asked for. */
  readonly ports: readonly number[];
  /** What a gateway over these subgraphs needs in its environment (besides PORT). */
  readonly gatewayEnv: Readonly<Record<string, string>>;
  /** The header that lets a request straight to subgraph `name` in, as the gateway sends it. */
  readonly secretHeader: (name: string) => Record<string, string>;
  /** Starts a process of ours (node `args`, from the repository root) in production mode; it is stopped with the graph. */
  readonly startProcess: (label: string, args: readonly string[], env: Record<string, string>) => ChildProcess;
  /** What the run's topics' names begin with (KAFKA_TOPIC_PREFIX). */
  readonly topicPrefix: string;
  /** What a process needs to reach the run's topics on Kafka as `principal` (brokers, topic prefix, its credentials). */
  readonly kafkaEnv: (principal: string) => Record<string, string>;
  /**
   * A client of the run's broker as {@link EVENT_OBSERVER}, a principal of the registry that may
   * only read the public topics: what the benchmarks watch events with. Closed with the graph.
   */
  readonly observerBroker: () => KafkaBroker;
  /** Our gateway as its package's start script runs it, over these subgraphs, on `port`: its GraphQL URL once it is ready. */
  startGateway(port: number, env?: Record<string, string>, flags?: readonly string[]): Promise<string>;
}

/**
 * Starts the graph, hands it to `use`, and stops it and drops its databases when `use` is done or
 * fails, or when the process is interrupted (SIGINT, SIGTERM: then it exits after cleaning up).
 */
export async function withProductionGraph<T>(options: ProductionGraphOptions, use: (graph: ProductionGraph) => Promise<T>): Promise<T> {
  const services = subgraphRegistry();
  const infrastructure = await provideInfrastructure(process.env);
  const runId = randomUUID().slice(0, 8);
  const topicPrefix = `${options.label}.${runId}.`;
  const workDir = mkdtempSync(path.join(tmpdir(), `klynge-${options.label}-`));
  const admin = new pg.Pool({ connectionString: infrastructure.databaseUrl, max: 1 });
  const databases = new Map(services.map(({ name }) => [name, `klynge_${options.label}_${name}_${runId}`]));
  const databaseUrls = new Map(services.map(({ name }) => [name, withDatabase(infrastructure.databaseUrl, databases.get(name)!)]));
  const secrets = new Map(services.map(({ name }) => [name, randomUUID()]));
  const jwtSecret = randomBytes(32).toString('hex');
  const ports = await freePorts(services.length + (options.extraPorts ?? 0));
  const subgraphUrls = new Map(services.map(({ name }, index) => [name, `http://127.0.0.1:${ports[index]}/graphql`]));
  const subgraphProcesses = new Map<string, ChildProcess>();
  const children: ChildProcess[] = [];

  // Each service is its own principal, as in production; the registry's rules, which name the
  // real topics, are granted for the run's own topics (KAFKA_TOPIC_PREFIX) too, for as long as it runs.
  const credentialsFile = infrastructure.kafkaCredentialsFile;
  const principals = new Set([...services.map(({ name }) => servicePrincipal(name)), EVENT_OBSERVER, GATEWAY_PRINCIPAL]);
  const access = kafkaAccessPlan({ topicPrefix }).filter(({ principal }) => principals.has(principal));
  const adminCredentials = credentialsFile ? readKafkaCredentials(credentialsFile, KAFKA_ADMIN) : undefined;
  const kafkaOperator = adminCredentials
    ? new KafkaBroker({
        brokers: infrastructure.kafkaBrokers.split(','),
        clientId: `klynge-${options.label}-access`,
        credentials: adminCredentials,
      })
    : undefined;
  const credentialsOf = (principal: string) => (credentialsFile ? readKafkaCredentials(credentialsFile, principal) : undefined);
  const kafkaEnv = (principal: string): Record<string, string> => {
    const credentials = credentialsOf(principal);
    return {
      KAFKA_BROKERS: infrastructure.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: topicPrefix,
      ...(credentials ? { KAFKA_USERNAME: credentials.username, KAFKA_PASSWORD: credentials.password } : {}),
    };
  };
  const brokers: KafkaBroker[] = [];
  const observerBroker = () => {
    const broker = new KafkaBroker({
      brokers: infrastructure.kafkaBrokers.split(','),
      clientId: `klynge-${options.label}-observer`,
      credentials: credentialsOf(EVENT_OBSERVER),
    });
    brokers.push(broker);
    return broker;
  };

  const startProcess = (label: string, args: readonly string[], env: Record<string, string>): ChildProcess => {
    // As deployed: graphql-js skips its development-only checks in production mode.
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      errors = (errors + chunk.toString()).slice(-4_000);
    });
    child.once('exit', (code) => {
      if (code !== 0 && code !== null) process.stderr.write(`${label} exited with ${code}:\n${errors}\n`);
    });
    children.push(child);
    return child;
  };

  // Our gateways' response caches read the run's events as the gateways' principal of the registry.
  const gatewayKafka = kafkaEnv(GATEWAY_PRINCIPAL);
  const gatewayEnv = {
    ...gatewayKafka,
    ...subgraphSettings(
      (name) => subgraphUrls.get(name)!,
      (name) => secrets.get(name)!,
    ),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    JWT_SECRET: jwtSecret,
  };

  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await Promise.all(brokers.map((broker) => broker.close()));
      await Promise.all(
        children
          .filter((child) => child.exitCode === null && child.signalCode === null)
          .map((child) => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM'))),
      );
      for (const name of databases.values()) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
      if (kafkaOperator) {
        await kafkaOperator.revokeAccess(access);
        await kafkaOperator.close();
      }
      await infrastructure.stop();
      rmSync(workDir, { recursive: true, force: true });
    })());
  const interrupted = (signal: NodeJS.Signals) => {
    process.stderr.write(`\n${signal}: stopping the benchmark's processes and dropping its databases...\n`);
    void cleanUp().finally(() => process.exit(128 + constants.signals[signal]));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  try {
    await kafkaOperator?.grantAccess(access);
    await Promise.all(
      services.map(async ({ name, directory }, index) => {
        await admin.query(`CREATE DATABASE "${databases.get(name)}"`);
        const databaseUrl = databaseUrls.get(name)!;
        const instrumented = options.instrument?.(name, workDir) ?? { args: [], env: {} };
        // The service creates its tables (migrations); then the data goes in behind its back.
        const child = startProcess(
          name,
          [...startFlags(directory), ...instrumented.args, SUBGRAPH_RUNNER, path.join(repoRoot, directory)],
          {
            DATABASE_URL: databaseUrl,
            ...kafkaEnv(servicePrincipal(name)),
            PORT: String(ports[index]),
            HOST: '127.0.0.1',
            SUBGRAPH_SECRET: secrets.get(name)!,
            JWT_SECRET: jwtSecret,
            LOG_LEVEL: 'warn',
            ...instrumented.env,
          },
        );
        subgraphProcesses.set(name, child);
        await waitFor(`the ${name} subgraph`, ready(subgraphUrls.get(name)!), { timeoutMs: 60_000 });
        // Every registered subgraph runs; data is generated for those the benchmarks ask.
        const generate = loadSubgraphNamed(name).definition.synthetic;
        if (!generate) return;
        const db = new pg.Pool({ connectionString: databaseUrl, max: 1 });
        try {
          await generate(db, options.size);
          await db.query('ANALYZE');
        } finally {
          await db.end();
        }
      }),
    );
    return await use({
      workDir,
      subgraphUrls,
      subgraphProcesses,
      databaseUrls,
      jwtSecret,
      ports: ports.slice(services.length),
      gatewayEnv,
      secretHeader: (name) => ({ [SUBGRAPH_SECRET_HEADER]: secrets.get(name)! }),
      startProcess,
      topicPrefix,
      kafkaEnv,
      observerBroker,
      async startGateway(port, env = {}, flags = []) {
        const url = `http://127.0.0.1:${port}/graphql`;
        startProcess('gateway', [...startFlags('gateway'), ...flags, 'gateway/dist/index.js'], {
          ...gatewayEnv,
          PORT: String(port),
          ...env,
        });
        await waitFor('our gateway', ready(url), { timeoutMs: 60_000 });
        return url;
      },
    });
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await cleanUp();
  }
}
