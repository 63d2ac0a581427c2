/**
 * `npm run bench`: the dashboard query under load, on generated data, through our gateway, through
 * Hive Gateway on the same supergraph, and straight from the subgraphs (the floor). Prints
 * requests per second and p50/p99 latency side by side. A script, not a test: it asserts only that
 * the gateways give the same answer, and leaves judging the figures to whoever reads them.
 *
 * Runs on the PostgreSQL and Kafka the tests use (started by the infra scripts when neither
 * DATABASE_URL nor KAFKA_BROKERS is set), in databases of its own that it drops at the end.
 *
 * Settings (environment): BENCH_DURATION seconds per target (10), BENCH_CONNECTIONS (8),
 * BENCH_LEVEL (NCE), BENCH_CLUSTERS (1000), BENCH_ORGANIZATIONS (20000), BENCH_GRANTS (50000).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import { SUBGRAPH_SECRET_HEADER } from '@klynge/platform';
import { subgraphRegistry } from '@klynge/schemas';
import { type DataSize, LEVELS, SYNTHETIC_DATA } from '@klynge/subgraphs';
import { freePorts, provideInfrastructure, readKafkaCredentials, waitFor, withDatabase } from '@klynge/testing';
import autocannon from 'autocannon';
import pg from 'pg';
import { subgraphSettings } from '../src/subgraphs';

const repoRoot = path.resolve(__dirname, '../..');
const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
  return value;
};
const DURATION_S = setting('BENCH_DURATION', 10);
const CONNECTIONS = setting('BENCH_CONNECTIONS', 8);
const LEVEL = process.env.BENCH_LEVEL ?? 'NCE';
const SIZE: DataSize = {
  clusters: setting('BENCH_CLUSTERS', 1_000),
  organizations: setting('BENCH_ORGANIZATIONS', 20_000),
  grants: setting('BENCH_GRANTS', 50_000),
};
// The generator spreads clusters evenly over the levels: one page holds every cluster at one.
const PAGE = Math.ceil(SIZE.clusters / LEVELS.length);
if (!(LEVELS as readonly string[]).includes(LEVEL)) throw new Error(`BENCH_LEVEL must be one of ${LEVELS.join(', ')}`);

// What a dashboard shows for every cluster at one level, from all three subgraphs.
const CLUSTER_FIELDS = `id name county { name } levelHistory { level from } memberStats { memberCount smeShare }`;
const FUNDING_FIELDS = `fundingByYear { year granted { amount } paid { amount } }`;
const COMPETENCE_FIELDS = `hostedProgrammes { name status reach { companiesReached targetCompanies } }`;
const clustersQuery = (fields: string) =>
  `query Dashboard($level: ClusterLevel!, $first: Int!) { clusters(filter: { level: $level }, first: $first) { totalCount edges { node { ${fields} } } } }`;
const entitiesQuery = (fields: string) =>
  `query Dashboard($representations: [_Any!]!) { _entities(representations: $representations) { ... on Cluster { ${fields} } } }`;
const DASHBOARD = clustersQuery(`${CLUSTER_FIELDS} ${FUNDING_FIELDS} ${COMPETENCE_FIELDS}`);

const SERVICES = subgraphRegistry();

interface Target {
  readonly label: string;
  readonly url: string;
  readonly body: string;
  readonly headers?: Record<string, string>;
}

interface Figures {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

const children: ChildProcess[] = [];

/** Starts a process of ours, its output kept for when it fails. */
function startProcess(label: string, args: readonly string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4_000);
  });
  child.once('exit', (code) => {
    if (code !== 0 && code !== null) process.stderr.write(`${label} exited with ${code}:\n${errors}\n`);
  });
  children.push(child);
  return child;
}

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const result = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (!response.ok || result.errors) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(result.errors)}`);
  return result.data;
}

const answers = (url: string) => async () => {
  try {
    return (await fetch(url.replace(/\/graphql$/, '/ready'))).ok;
  } catch {
    return false;
  }
};

async function load(target: Target): Promise<Figures> {
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: target.body,
    connections: CONNECTIONS,
    duration: DURATION_S,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

function printTable(rows: readonly (Figures & { label: string })[]) {
  const header = ['target', 'req/s', 'p50 ms', 'p99 ms', 'errors'];
  const lines = rows.map((row) => [row.label, row.requestsPerSecond.toFixed(1), String(row.p50), String(row.p99), String(row.errors)]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: readonly string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  process.stdout.write(`${format(header)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}\n`);
  for (const line of lines) process.stdout.write(`${format(line)}\n`);
}

async function main() {
  const infrastructure = await provideInfrastructure(process.env);
  // The services' topics are the run's own (KAFKA_TOPIC_PREFIX), which the registry's ACLs do not cover: they run as the admin.
  const kafkaSuperUser = infrastructure.kafkaCredentialsFile
    ? readKafkaCredentials(infrastructure.kafkaCredentialsFile, 'admin')
    : undefined;
  const kafkaAdmin: Record<string, string> = kafkaSuperUser
    ? { KAFKA_USERNAME: kafkaSuperUser.username, KAFKA_PASSWORD: kafkaSuperUser.password }
    : {};
  const runId = randomUUID().slice(0, 8);
  const admin = new pg.Pool({ connectionString: infrastructure.databaseUrl, max: 1 });
  const databases = new Map(SERVICES.map(({ name }) => [name, `klynge_bench_${name}_${runId}`]));
  const secrets = new Map(SERVICES.map(({ name }) => [name, randomUUID()]));
  const ports = await freePorts(SERVICES.length + 2);
  const subgraphUrls = new Map<string, string>(SERVICES.map(({ name }, index) => [name, `http://127.0.0.1:${ports[index]}/graphql`]));
  const secretHeader = (name: string) => ({ [SUBGRAPH_SECRET_HEADER]: secrets.get(name)! });
  const gatewayEnv = {
    ...subgraphSettings(
      (name) => subgraphUrls.get(name)!,
      (name) => secrets.get(name)!,
    ),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };

  try {
    process.stdout.write(
      `Generating ${SIZE.clusters} clusters, ${SIZE.organizations} organisations, ${SIZE.grants} grants (synthetic)...\n`,
    );
    await Promise.all(
      SERVICES.map(async ({ name, directory }, index) => {
        await admin.query(`CREATE DATABASE "${databases.get(name)}"`);
        const databaseUrl = withDatabase(infrastructure.databaseUrl, databases.get(name)!);
        // The service creates its tables (migrations); then the data goes in behind its back.
        startProcess(name, [`${directory}/dist/index.js`], {
          DATABASE_URL: databaseUrl,
          KAFKA_BROKERS: infrastructure.kafkaBrokers,
          ...kafkaAdmin,
          KAFKA_TOPIC_PREFIX: `bench.${runId}.`,
          PORT: String(ports[index]),
          HOST: '127.0.0.1',
          SUBGRAPH_SECRET: secrets.get(name)!,
          LOG_LEVEL: 'warn',
        });
        await waitFor(`the ${name} subgraph`, answers(subgraphUrls.get(name)!), { timeoutMs: 60_000 });
        // Every registered subgraph runs; the dashboard's data is generated for the three it asks.
        const generate = SYNTHETIC_DATA[name];
        if (!generate) return;
        const db = new pg.Pool({ connectionString: databaseUrl, max: 1 });
        try {
          await generate(db, SIZE);
        } finally {
          await db.end();
        }
      }),
    );

    const [apolloPort, hivePort] = ports.slice(SERVICES.length);
    const apolloUrl = `http://127.0.0.1:${apolloPort}/graphql`;
    const hiveUrl = `http://127.0.0.1:${hivePort}/graphql`;
    startProcess('gateway', ['gateway/dist/index.js'], { ...gatewayEnv, PORT: String(apolloPort) });
    startProcess('hive gateway', ['-r', '@klynge/jest-config/register', 'gateway/bench/hive-gateway.ts'], {
      ...gatewayEnv,
      PORT: String(hivePort),
    });
    await waitFor('our gateway', answers(apolloUrl), { timeoutMs: 60_000 });
    const dashboard = JSON.stringify({ query: DASHBOARD, variables: { level: LEVEL, first: PAGE } });
    const ours = await post(apolloUrl, dashboard);
    const theirs = await waitFor('Hive Gateway', () => post(hiveUrl, dashboard), { timeoutMs: 60_000 });
    if (!isDeepStrictEqual(ours, theirs)) throw new Error('The two gateways answered the dashboard query differently');

    // The floor: what the gateway's plan asks each subgraph, asked directly.
    const clustersBody = JSON.stringify({ query: clustersQuery(CLUSTER_FIELDS), variables: { level: LEVEL, first: PAGE } });
    const page = (await post(subgraphUrls.get('clusters')!, clustersBody, secretHeader('clusters'))) as {
      clusters: { totalCount: number; edges: { node: { id: string } }[] };
    };
    const representations = page.clusters.edges.map(({ node }) => ({ __typename: 'Cluster', id: node.id }));
    const entities = (fields: string) => JSON.stringify({ query: entitiesQuery(fields), variables: { representations } });

    const targets: Target[] = [
      { label: 'our gateway (@apollo/gateway)', url: apolloUrl, body: dashboard },
      { label: 'Hive Gateway (runtime 2.12)', url: hiveUrl, body: dashboard },
      {
        label: 'floor: clusters subgraph alone',
        url: subgraphUrls.get('clusters')!,
        body: clustersBody,
        headers: secretHeader('clusters'),
      },
      {
        label: 'floor: funding _entities alone',
        url: subgraphUrls.get('funding')!,
        body: entities(FUNDING_FIELDS),
        headers: secretHeader('funding'),
      },
      {
        label: 'floor: competence _entities alone',
        url: subgraphUrls.get('competence')!,
        body: entities(COMPETENCE_FIELDS),
        headers: secretHeader('competence'),
      },
    ];
    for (const target of targets) await post(target.url, target.body, target.headers); // warm caches and plans
    process.stdout.write(
      `Dashboard query for the ${page.clusters.totalCount} ${LEVEL} clusters (${Buffer.byteLength(JSON.stringify(ours))} bytes of data), ` +
        `${CONNECTIONS} connections, ${DURATION_S} s per target, one target at a time:\n\n`,
    );
    const rows = [];
    for (const target of targets) rows.push({ label: target.label, ...(await load(target)) });
    printTable(rows);
    process.stdout.write(
      '\nEach floor row loads one subgraph alone with its part of the query and the same connections: the most it\n' +
        'serves. A gateway asks clusters, then funding and competence in parallel, once each per query, so its\n' +
        'requests per second stay under the lowest floor row. All data is generated and labelled "(generated)".\n',
    );
  } finally {
    await Promise.all(
      children
        .filter((child) => child.exitCode === null)
        .map((child) => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM'))),
    );
    for (const name of databases.values()) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    await infrastructure.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
