import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { SAMPLE_QUERY } from '@klynge/gateway/graphiql';
import { clusterFacts } from '@klynge/nic-facts';
import { freePorts, waitFor } from '@klynge/test-infrastructure';
import { subgraphRegistry } from '@klynge/schemas';
import pg from 'pg';
import { portVariableOf, repoRoot } from './config';
import { expectedDemoFacts, readDemoFacts, registerMismatches } from './demo-facts';
import { descendants } from './process-tree';

interface SampleAnswer {
  clusters: { totalCount: number; edges: { node: { name: string; levelHistory: { level: string }[] } }[] };
}

interface Running {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly url: string;
}

/** The ports npm start serves on (the gateway's, each subgraph's), free ones so as not to meet a stack already running. */
async function freeStackPorts(): Promise<Record<string, string>> {
  const registry = subgraphRegistry();
  const [gateway, ...subgraphs] = await freePorts(1 + registry.length);
  return Object.fromEntries([
    ['PORT', String(gateway)],
    ...registry.map(({ name }, index) => [portVariableOf(name), String(subgraphs[index])]),
  ]) as Record<string, string>;
}

/** Runs `npm start` with `env` in a process group of its own, as a terminal would, until it says it is ready. */
async function npmStart(env: Record<string, string | undefined>): Promise<Running> {
  const child = spawn('npm', ['start'], { cwd: repoRoot, env, detached: true });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await waitFor(
    'Klynge to say it is ready',
    () => {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
      return /GraphQL and GraphiQL:\s+(\S+)/.exec(output)?.[1];
    },
    { timeoutMs: 240_000, intervalMs: 100 },
  );
  return { child, output: () => output, url };
}

/**
 * Ctrl-C: SIGINT to the whole process group, as a terminal sends it. npm ends by the same signal
 * once its script has; what counts is that Klynge says it stopped.
 */
async function ctrlC(running: Running): Promise<void> {
  const { child } = running;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  process.kill(-child.pid!, 'SIGINT');
  const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null];
  expect(code === 0 || signal === 'SIGINT').toBe(true);
  expect(running.output()).toContain('Stopped.');
}

async function gq<T>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** The first shell block after `heading` in the README. */
function readmeBlockAfter(heading: string): string {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf(heading)))?.[1];
  if (!block) throw new Error(`no shell block after ${heading} in the README`);
  return block.trim();
}

/** The README's way to a development token. */
const token = async (...args: string[]) =>
  (await promisify(execFile)('npm', ['run', '--silent', 'token', '--', ...args], { cwd: repoRoot })).stdout.trim().split('\n').pop()!;

/**
 * The README's start command, as a newcomer runs it: `npm start` on a fresh data folder answers
 * the sample query with the demo data, takes a mutation with a development token whose event
 * reaches the other services, stops on Ctrl-C, and starts again with the data still there.
 */
describe('npm start', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'klynge-start-'));
  let env: Record<string, string | undefined>;
  const started: Running[] = [];

  beforeAll(async () => {
    // Not the test run's PostgreSQL and Kafka: the embedded start must need no servers.
    const { DATABASE_URL: _database, KAFKA_BROKERS: _kafka, ...inherited } = process.env;
    env = { ...inherited, ...(await freeStackPorts()), KLYNGE_DATA_DIR: dataDir };
  });

  afterAll(async () => {
    for (const running of started) await ctrlC(running);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    const running = await npmStart(env);
    started.push(running);
    return running;
  };
  /** Stops it, and checks it let go of its data. */
  const stop = async (running: Running) => {
    await ctrlC(running);
    expect(readdirSync(dataDir).filter((name) => name.endsWith('.lock'))).toEqual([]);
  };

  it('answers the sample query with the demo data, takes a mutation whose event reaches the other services, and keeps it all across a restart', async () => {
    const first = await start();
    expect(first.output()).toContain('with the demo data loaded');
    const sample = await gq<SampleAnswer>(first.url, SAMPLE_QUERY);
    expect(sample.errors).toBeUndefined();
    expect(sample.data!.clusters.totalCount).toBeGreaterThan(0);
    // What it says it finds: clusters whose level history holds NCE (GCE Blue Maritime was NCE Maritime).
    expect(sample.data!.clusters.edges.map(({ node }) => node.name)).toContain('GCE Blue Maritime');
    for (const { node } of sample.data!.clusters.edges) expect(node.levelHistory.map((period) => period.level)).toContain('NCE');
    // The demo data says what the domain notes say, the reported awards included; its clusters
    // and level periods are the sourced register's, each with the register's page, and no more.
    const facts = await readDemoFacts((query, variables) => gq(first.url, query, variables));
    expect(facts).toEqual(expectedDemoFacts(facts));
    expect(registerMismatches(facts.clusters, clusterFacts())).toEqual([]);
    expect(facts.clusters.length).toBeGreaterThan(50);

    // The README's curl command, as printed there but for the port.
    const curl = readmeBlockAfter('## Query the graph').replace('http://localhost:4000/graphql', first.url);
    const answer = JSON.parse((await promisify(execFile)('bash', ['-c', curl])).stdout) as {
      data?: { clusters: { totalCount: number } };
      errors?: unknown;
    };
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.clusters.totalCount).toBeGreaterThan(0);
    // What it answers when the body is not JSON (a query with raw line breaks): 400, in JSON.
    const broken = await fetch(first.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{\n clusters { totalCount } }"}',
    });
    expect({ status: broken.status, type: broken.headers.get('content-type') }).toEqual({
      status: 400,
      type: expect.stringContaining('application/json'),
    });
    expect(JSON.stringify(await broken.json())).not.toMatch(/<html|at .*\.js/i);
    const help = await promisify(execFile)('npm', ['run', '--silent', 'token', '--', '--help'], { cwd: repoRoot });
    expect(help.stdout).toContain('Usage: npm run token -- [--role <role>]');

    const admin = await token('--role', 'admin');
    const caseworker = await token('--role', 'caseworker', '--agency', 'innovasjon-norge');
    const registered = await gq<{ registerCluster: { id: string } }>(
      first.url,
      `mutation { registerCluster(input: { name: "Start test cluster (generated)", level: ARENA, levelSince: "2026-01-01", countyCode: "46" }) { id } }`,
      {},
      admin,
    );
    expect(registered.errors).toBeUndefined();
    const clusterId = registered.data!.registerCluster.id;

    // Funding and competence accept the new cluster only once ClusterRegistered has reached their
    // read models; until then they refuse and write nothing.
    const callId = (
      await gq<{ openCall: { id: string } }>(
        first.url,
        `mutation { openCall(input: { programmeCode: "NIC", title: "Start test call (generated)", opensOn: "2026-01-01", closesAt: "2099-01-01T00:00:00Z" }) { id } }`,
        {},
        caseworker,
      )
    ).data!.openCall.id;
    await waitFor('funding to know the new cluster', async () => {
      const applied = await gq<{ createApplication: { id: string } }>(
        first.url,
        `mutation($input: CreateApplicationInput!) { createApplication(input: $input) { id } }`,
        { input: { callId, clusterId, title: 'Start test application (generated)', requested: '100000' } },
        admin,
      );
      return applied.data?.createApplication.id;
    });
    await waitFor('competence to know the new cluster', async () => {
      const planned = await gq<{ planProgramme: { id: string } }>(
        first.url,
        `mutation($input: PlanProgrammeInput!) { planProgramme(input: $input) { id } }`,
        { input: { name: 'Start test programme (generated)', hostClusterIds: [clusterId], periodStart: '2026-02-01' } },
        caseworker,
      );
      return planned.data?.planProgramme.id;
    });

    await stop(first);

    const second = await start();
    expect(second.output()).not.toContain('with the demo data loaded');
    const after = await gq<{ cluster: { name: string; applications: { title: string }[]; hostedProgrammes: { name: string }[] } }>(
      second.url,
      `query($id: ID!) { cluster(id: $id) { name applications { title } hostedProgrammes { name } } }`,
      { id: clusterId },
      admin,
    );
    expect(after.errors).toBeUndefined();
    expect(after.data!.cluster).toEqual({
      name: 'Start test cluster (generated)',
      applications: [{ title: 'Start test application (generated)' }],
      hostedProgrammes: [{ name: 'Start test programme (generated)' }],
    });
    // The register's clusters, and the one registered here.
    const counts = await gq<{ clusterCounts: { total: number } }>(second.url, '{ clusterCounts { total } }');
    expect(counts.data!.clusterCounts.total).toBe(facts.clusters.length + 1);
    await stop(second);
  }, 600_000);
});

/**
 * With DATABASE_URL and KAFKA_BROKERS set (as `npm run stack` sets them), the production shape:
 * every service and the gateway in a process of its own, on the servers' databases named after
 * the services, here with a suffix of the test's own (KLYNGE_DATABASE_SUFFIX): a developer's
 * databases beside them are neither read nor changed, and what an earlier run left there cannot
 * mix with this run's demo data.
 */
describe('npm start with DATABASE_URL and KAFKA_BROKERS', () => {
  let running: Running | undefined;
  let ports: Record<string, string>;
  const suffix = `_start_${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    ports = await freeStackPorts();
    running = await npmStart({ ...process.env, ...ports, KLYNGE_DATABASE_SUFFIX: suffix });
  }, 600_000);

  afterAll(async () => {
    if (running) await ctrlC(running);
    const server = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await server.connect();
    try {
      for (const { database } of subgraphRegistry()) await server.query(`DROP DATABASE IF EXISTS ${database}${suffix} WITH (FORCE)`);
    } finally {
      await server.end();
    }
  });

  it('runs each service and the gateway in its own process on PostgreSQL and Kafka', async () => {
    if (!running) throw new Error('the stack did not start');
    expect(running.output()).toContain('on PostgreSQL and Kafka');
    const sample = await gq<SampleAnswer>(running.url, SAMPLE_QUERY);
    expect(sample.errors).toBeUndefined();
    // What it says it finds: clusters whose level history holds NCE (GCE Blue Maritime was NCE Maritime).
    expect(sample.data!.clusters.edges.map(({ node }) => node.name)).toContain('GCE Blue Maritime');
    for (const { node } of sample.data!.clusters.edges) expect(node.levelHistory.map((period) => period.level)).toContain('NCE');
    // On a failure, what the processes logged says why (their errors are masked in the answers).
    const facts = await readDemoFacts((query, variables) => gq(running!.url, query, variables)).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}\n--- the stack's output, last 8 KB:\n${running!.output().slice(-8_000)}`);
    });
    expect(facts).toEqual(expectedDemoFacts(facts));
    expect(registerMismatches(facts.clusters, clusterFacts())).toEqual([]);
    const processes = descendants(running.child.pid!).map((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' '));
    // Each subgraph serving in a process of its own (its seed command has come and gone), and the gateway.
    // A subgraph's process is the subgraph runner on its directory (klynge-subgraph <directory>), as its npm start runs it.
    const serving = (main: string) => processes.filter((command) => command.trim().endsWith(main));
    for (const main of [
      ...subgraphRegistry().map((entry) => `subgraph-runner/dist/main.js ${path.join(repoRoot, entry.directory)}`),
      'gateway/dist/index.js',
    ]) {
      expect({ main, processes: serving(main).length }).toEqual({ main, processes: 1 });
    }

    // The README's replay command, as far as it goes without rewriting a developer's read models
    // here: it names the services, and refuses what it cannot do (the replay itself, every row
    // compared, is services/funding/src/replay.test.ts).
    const replay = (...args: string[]) => promisify(execFile)('npm', ['run', '--silent', 'replay', '--', ...args], { cwd: repoRoot });
    expect((await replay('--help')).stdout).toContain(
      `one of: ${subgraphRegistry()
        .map((entry) => entry.name)
        .join(', ')}`,
    );
    await expect(replay('--service', 'nothing')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('No subgraph nothing is registered'),
    });
    // While the stack runs, its consumers are members of their groups: no replay. It says how to stop one.
    await expect(replay('--service', 'research')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('stop the service first'),
    });
    await expect(replay('--service', 'research')).rejects.toMatchObject({
      stderr: expect.stringContaining('npm run stack:service -- stop research'),
    });
  }, 600_000);

  /**
   * From another shell, as the README says: `npm run stack:service -- <command> <service>` stops,
   * starts and restarts one service of the running stack (a replay needs its service stopped),
   * and the stack says when one dies on its own, and keeps the others running.
   */
  it('lets another shell stop, start and restart one service, and says when one dies on its own', async () => {
    if (!running) throw new Error('the stack did not start');
    const stack = running;
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Run it on PostgreSQL and Kafka')).split('\n## ')[0]!;
    for (const command of ['stop', 'start', 'restart']) expect(section).toContain(`npm run stack:service -- ${command} funding`);
    // The stack of this test is told apart from a developer's by its gateway's port, as npm start takes it.
    const service = async (...args: string[]) =>
      (
        await promisify(execFile)('npm', ['run', '--silent', 'stack:service', '--', ...args], {
          cwd: repoRoot,
          env: { ...process.env, ...ports },
        })
      ).stdout;
    const funding = `http://127.0.0.1:${ports[portVariableOf('funding')]}/ready`;
    const fundingAnswers = () =>
      fetch(funding).then(
        (response) => response.ok,
        () => false,
      );
    /** The pid the stack's status gives the funding service, when it runs. */
    const fundingPid = async () => Number(/^funding\s+running\s+pid (\d+)/m.exec(await service('status'))?.[1] ?? NaN);
    // A nullable field of funding's (null, with an error naming funding, while it is away) beside one of the cluster registry's.
    const grantsAndClusters = () =>
      gq<{ grant: { id: string } | null; clusterCounts: { total: number } }>(
        stack.url,
        '{ grant(id: "00000000-0000-4000-8000-000000000000") { id } clusterCounts { total } }',
      );

    const before = await fundingPid();
    expect(before).toBeGreaterThan(0);
    expect(await service('stop', 'funding')).toMatch(/funding .*stopped/);
    expect(await fundingAnswers()).toBe(false);
    const withoutFunding = await grantsAndClusters();
    expect(withoutFunding.errors?.map((error) => error.extensions?.code)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    expect(withoutFunding.data?.clusterCounts.total).toBeGreaterThan(0);
    expect(await service('status')).toMatch(/^funding\s+stopped/m);

    expect(await service('start', 'funding')).toMatch(/funding .*running/);
    expect(await fundingAnswers()).toBe(true);
    expect((await grantsAndClusters()).errors).toBeUndefined();

    const started = await fundingPid();
    expect(await service('restart', 'funding')).toMatch(/funding .*running/);
    const restarted = await fundingPid();
    expect(new Set([before, started, restarted]).size).toBe(3);
    await waitFor('the gateway to reach funding again', async () => (await grantsAndClusters()).errors === undefined);

    // Dies on its own: the stack says which, how, and what it wrote last; the others answer on.
    process.kill(restarted, 'SIGKILL');
    const report = await waitFor(
      'the stack to report the death',
      () => new RegExp(`funding \\(pid ${restarted}\\) died.*SIGKILL.*`).exec(stack.output())?.[0],
    );
    expect(report).toContain('npm run stack:service -- start funding');
    expect((await grantsAndClusters()).data?.clusterCounts.total).toBeGreaterThan(0);
    expect(await service('status')).toMatch(/^funding\s+died/m);
    await expect(service('stop', 'nothing')).rejects.toMatchObject({ stderr: expect.stringContaining('No service nothing') });
    expect(await service('start', 'funding')).toMatch(/funding .*running/);
    expect(await fundingAnswers()).toBe(true);
  }, 600_000);
});

describe('NODE_ENV=production npm start', () => {
  it.each([
    ['embedded', {}],
    ['on PostgreSQL and Kafka', { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/postgres', KAFKA_BROKERS: '127.0.0.1:9092' }],
  ])(
    'refuses to start (%s) and names the production way, instead of running in development mode',
    async (_how, servers) => {
      // Once it ran in development mode: an admin token signed with the development secret worked.
      const failed = await promisify(execFile)('npm', ['start'], {
        cwd: repoRoot,
        env: { ...process.env, ...(await freeStackPorts()), ...servers, NODE_ENV: 'production' },
      }).then(
        () => undefined,
        (error: { code?: number; stderr?: string }) => error,
      );
      expect(failed?.code).not.toBe(0);
      expect(failed?.stderr).toMatch(/NODE_ENV: is production, which npm start does not run/);
      expect(failed?.stderr).toContain('Run it in production');
      expect(readFileSync(path.join(repoRoot, 'README.md'), 'utf8')).toContain('## Run it in production');
      // npm start builds first (a minute and more on a busy machine), then refuses.
    },
    300_000,
  );
});
