import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './config';

const run = promisify(execFile);

/** `npm run <script>` as the README prints it, with settings in the environment; answers what it printed. */
async function npmRun(script: string, env: Record<string, string | undefined>): Promise<string> {
  const { stdout } = await run('npm', ['run', '--silent', script], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

/** Generated data for the gateway benchmarks' runs that show only that they run. */
const SMALL_DATA = { BENCH_CLUSTERS: '40', BENCH_ORGANIZATIONS: '100', BENCH_GRANTS: '100' };

/** The gateway benchmark's settings for a run that shows only that it runs: little data, 1 s per row. */
const SMALL_GATEWAY_BENCH = { ...SMALL_DATA, BENCH_DURATION: '1', BENCH_CONNECTIONS: '2' };

/** The rows of the gateway benchmark's table (a label, then req/s, p50, p99, 0 errors, 1-connection p50). */
function tableRows(printed: string): string[] {
  return printed.split('\n').filter((line) => /^\S.*\s\d+\.\d\s+[\d.]+\s+[\d.]+\s+0\s+[\d.]+$/.test(line));
}

/**
 * The README's benchmark commands, each at a size that shows only that it runs and prints its
 * figures (the figures themselves are for whoever runs them at full size, on a quiet machine).
 */
describe("the README's benchmark commands", () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'klynge-bench-'));

  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
  });

  it('npm run bench:events prints the outbox write cost, propagation latency, throughput and catch-up, and writes them to BENCH_OUT', async () => {
    const file = path.join(out, 'events.json');
    const printed = await npmRun('bench:events', {
      BENCH_WRITES: '100',
      BENCH_RATE: '50',
      BENCH_RATE_SECONDS: '1',
      BENCH_EVENTS: '300',
      BENCH_CATCH_UP: '300',
      BENCH_OUT: file,
    });
    expect(printed).toMatch(/the transaction alone: [^\n]*: \d+\.\d\dx/);
    expect(printed).toMatch(/with the relay publishing: [^\n]*: \d+\.\d\dx/);
    expect(printed).toMatch(/commit to applied in the other process: p50 [\d.]+ ms, p90 [\d.]+ ms, p99 [\d.]+ ms/);
    expect(printed).toMatch(/one event per transaction: written \d+ events\/s; written, relayed and applied: \d+ events\/s/);
    expect(printed).toMatch(/100 events per transaction: written \d+ events\/s; written, relayed and applied: \d+ events\/s/);
    expect(printed).toMatch(/Catch-up: a 300-event backlog[^\n]*\n\s+\d+ events\/s/);
    const figures = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
    expect(figures.propagation).toMatchObject({ rate: 50, events: 50 });
    expect(figures.throughput).toMatchObject({ events: 300 });
    expect(figures.catchUp).toMatchObject({ events: 300 });
    expect(figures.batchedThroughput).toMatchObject({ events: 300, eventsPerTransaction: 100 });
    expect((figures.writeCost!.transactionAlone as { ratio: number }).ratio).toBeGreaterThan(0);
  }, 300_000);

  it('npm run bench prints the table for our gateway, both Hive Gateways, each subgraph and its SQL, with the goal ratios', async () => {
    const file = path.join(out, 'gateway.json');
    const printed = await npmRun('bench', { ...SMALL_GATEWAY_BENCH, BENCH_OUT: file });
    expect(printed).toContain('Generating 40 clusters, 100 organisations, 100 grants (synthetic)');
    expect(printed).toMatch(/target\s+req\/s\s+p50 ms\s+p99 ms\s+errors\s+1 conn p50 ms/);
    const rows = tableRows(printed);
    expect(rows).toHaveLength(9);
    expect(printed).toMatch(/Our gateway against Hive Gateway at 2 connections: \d+\.\d\dx the requests per second/);
    expect(printed).toMatch(/Our gateway against the router runtime at 2 connections: \d+\.\d\dx the requests per second/);
    expect(printed).toMatch(/At 1 connection our gateway's p50 is \d+\.\d\dx the floor path/);
    expect(printed).toMatch(/Each part at 1 connection against its SQL alone \(goal <= 2\.00x\): clusters \d+\.\d\dx, funding \d+\.\d\dx/);
    const figures = JSON.parse(readFileSync(file, 'utf8')) as { rows: unknown[]; ratios: Record<string, number> };
    expect(figures.rows).toHaveLength(9);
    expect(figures.ratios.oursToHiveRequestsPerSecond).toBeGreaterThan(0);
  }, 600_000);

  it('npm run bench with BENCH_TARGETS loads only those rows and prints only the comparisons they make', async () => {
    const printed = await npmRun('bench', { ...SMALL_GATEWAY_BENCH, BENCH_TARGETS: 'clusters,clustersSql' });
    const rows = tableRows(printed);
    expect(rows.map((line) => line.replace(/\s+[\d.].*$/, ''))).toEqual([
      'floor: clusters subgraph alone',
      'floor: clusters SQL alone (4 statements)',
    ]);
    expect(printed).toMatch(/Each part at 1 connection against its SQL alone \(goal <= 2\.00x\): clusters \d+\.\d\dx\.\n/);
    expect(printed).not.toMatch(/NaN|Our gateway against/);
  }, 600_000);

  it('npm run bench:hostile prints /health and dashboard latency quiet and under attack, what the hostile requests got and the goals, and writes them to BENCH_OUT', async () => {
    const file = path.join(out, 'hostile.json');
    const printed = await npmRun('bench:hostile', { ...SMALL_DATA, BENCH_DURATION: '2', BENCH_HOSTILE: '2', BENCH_OUT: file });
    expect(printed).toMatch(/^Load average before the run: [\d.]+, [\d.]+, [\d.]+ \(\d+ cores\)\.$/m);
    expect(printed).toContain('Generating 40 clusters, 100 organisations, 100 grants (synthetic)');
    expect(printed).toMatch(/honest client\s+phase\s+p50 ms\s+p90 ms\s+p99 ms\s+requests/);
    // A row per client and phase: three latencies and a count of requests, at least one.
    for (const client of ['/health', 'dashboard ClusterList']) {
      for (const phase of ['quiet', 'under attack']) {
        expect(printed).toMatch(new RegExp(`^${client}\\s+${phase}(\\s+[\\d.]+){3}\\s+[1-9]\\d*$`, 'm'));
      }
    }
    expect(printed).toMatch(/^Hostile requests \(2 clients, [1-9]\d* completed\):$/m);
    expect(printed).toMatch(/^All hostile requests, per HTTP status: \d{3}: \d+[^;]*; per code: [A-Z_]+: \d+/m);
    expect(printed).toMatch(/^Dashboard p50 under attack \/ quiet: \d+\.\d\dx$/m);
    expect(printed).toMatch(/^Goal: \/health p50 under attack < 50 ms: (met|not met) \([\d.]+ ms\)$/m);
    expect(printed).toMatch(/^Goal: dashboard p50 under attack within 2x quiet: (met|not met) \(\d+\.\d\dx\)$/m);
    const figures = JSON.parse(readFileSync(file, 'utf8')) as {
      settings: Record<string, unknown>;
      documents: { tokens: number }[];
      quiet: { dashboard: { requests: number } };
      underAttack: { dashboard: { requests: number }; hostile: { requests: number; documents: unknown[] } };
      goals: Record<string, { met: boolean }>;
    };
    expect(figures.settings).toMatchObject({ clusters: 40, durationSeconds: 2, hostileClients: 2, maxQueryTokens: 5000 });
    expect(figures.documents).toHaveLength(4);
    for (const { tokens } of figures.documents) expect(tokens).toBeLessThanOrEqual(5000);
    expect(figures.quiet.dashboard.requests).toBeGreaterThan(0);
    expect(figures.underAttack.dashboard.requests).toBeGreaterThan(0);
    expect(figures.underAttack.hostile.requests).toBeGreaterThan(0);
    expect(figures.underAttack.hostile.documents).toHaveLength(4);
    expect(Object.keys(figures.goals).sort()).toEqual(['dashboardP50UnderAttackWithin2xQuiet', 'healthP50UnderAttackBelow50Ms']);
  }, 600_000);

  it('npm run bench:start prints how long npm start takes to answer and the memory it holds, with the demo and the synthetic data, the goals, and writes them to BENCH_OUT', async () => {
    const file = path.join(out, 'start.json');
    // As a newcomer runs it: the embedded start, not the test run's servers.
    const printed = await npmRun('bench:start', { DATABASE_URL: undefined, KAFKA_BROKERS: undefined, BENCH_OUT: file });
    expect(printed).toContain('npm start on');
    expect(printed).toMatch(/ready s\s+RSS MiB\s+settled\s+peak MiB/);
    for (const label of ['demo data, first start', 'demo data, second start', 'synthetic data, first start']) {
      expect(printed).toMatch(new RegExp(`^${label}[^\\n]*(\\s+\\d+\\.\\d)(\\s+\\d+){3}$`, 'm'));
      expect(printed).toMatch(new RegExp(`^At the first answer, ${label}[^\\n]*: [^\\n]*main\\.js \\d+ MiB`, 'm'));
    }
    expect(printed).toMatch(/^Goal: demo data under 1024 MiB at the first answer: (met|not met) \(\d+ MiB\)$/m);
    expect(printed).toMatch(/^Goal: synthetic data under 1229 MiB at the first answer: (met|not met) \(\d+ MiB\)$/m);
    expect(printed).toMatch(/^Goal: every start answers within 15 s: (met|not met) \(slowest \d+\.\d s\)$/m);
    const figures = JSON.parse(readFileSync(file, 'utf8')) as {
      rows: { demo: string; atFirstAnswerMiB: number; processes: unknown[] }[];
      goals: Record<string, { met: boolean }>;
    };
    expect(figures.rows.map(({ demo }) => demo)).toEqual(['facts', 'facts', 'synthetic']);
    for (const row of figures.rows) expect(row.atFirstAnswerMiB).toBeGreaterThan(0);
    expect(Object.keys(figures.goals).sort()).toEqual(['demoUnder1GiB', 'readyWithin15s', 'syntheticUnder1point2GiB']);
  }, 600_000);
});
