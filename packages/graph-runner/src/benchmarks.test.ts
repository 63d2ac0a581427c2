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

/**
 * The gateway benchmark's settings for a run that shows only that it runs: little data, 1 s per
 * row (three changes in the mixed workload, one of each kind), and Hive Gateway's cache entries kept for 3 s.
 */
const SMALL_GATEWAY_BENCH = {
  ...SMALL_DATA,
  BENCH_DURATION: '1',
  BENCH_CONNECTIONS: '2',
  BENCH_CHANGE_RATE: '3',
  BENCH_HIVE_CACHE_TTL_MS: '3000',
};

/** The rows of the gateway benchmark's table (a label, then req/s, p50, p99, 0 errors, 1-connection p50). */
function tableRows(printed: string): string[] {
  return printed.split('\n').filter((line) => !line.startsWith('mixed: ') && /^\S.*\s\d+\.\d\s+[\d.]+\s+[\d.]+\s+0\s+[\d.]+$/.test(line));
}

/** What the benchmark writes to BENCH_OUT of a row of its mixed workload (freshness.ts). */
interface MixedFigures {
  key: string;
  requests: number;
  changes: number;
  changesByKind: Record<string, number>;
  errors: number;
  cache: Record<string, number>;
  propagation: { p99: number };
  timeToFresh: { p50: number; p99: number; max: number };
  staleUntil: { p99: number };
  timeToFreshByKind: { rename: { max: number }; grant: { max: number }; level: { max: number } };
  eventsMissing: number;
  neverFresh: number;
  staleAfterEvent: number;
  staleBeyondBound: number;
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

  it('npm run bench:events prints the outbox write cost, propagation latency, throughput and catch-up, for both outboxes, and writes them to BENCH_OUT', async () => {
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
    // The same figures for the WAL outbox, on the benchmark's own PostgreSQL with wal_level = logical.
    expect(printed).toMatch(/The WAL outbox [^\n]*\n[^\n]*\n\s+the transaction alone: [^\n]*: \d+\.\d\dx/);
    expect(printed).toMatch(
      /Goals, the WAL outbox: write cost \d+\.\d\dx the write alone [^\n]*, \d+ events\/s end to end with one event per transaction/,
    );
    const figures = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
    expect(figures.propagation).toMatchObject({ rate: 50, events: 50 });
    expect(figures.throughput).toMatchObject({ events: 300 });
    expect(figures.catchUp).toMatchObject({ events: 300 });
    expect(figures.batchedThroughput).toMatchObject({ events: 300, eventsPerTransaction: 100 });
    expect((figures.writeCost!.transactionAlone as { ratio: number }).ratio).toBeGreaterThan(0);
    expect(figures.walOutbox).toMatchObject({
      writeCost: { transactionAlone: { writes: 100 } },
      throughput: { events: 300 },
      batchedThroughput: { events: 300 },
    });
  }, 300_000);

  it('npm run bench prints the table for our gateway, with and without its cache, the Hive Gateways, each subgraph and its SQL, the mixed workload and the goal ratios', async () => {
    const file = path.join(out, 'gateway.json');
    const printed = await npmRun('bench', { ...SMALL_GATEWAY_BENCH, BENCH_OUT: file });
    expect(printed).toContain('Generating 40 clusters, 100 organisations, 100 grants (synthetic)');
    expect(printed).toMatch(/target\s+req\/s\s+p50 ms\s+p99 ms\s+errors\s+1 conn p50 ms/);
    const rows = tableRows(printed);
    expect(rows).toHaveLength(12);
    // A label then the figures: the cache in memory's row is not the one in Redis.
    for (const label of [
      'our gateway with its response cache ',
      'our gateway with its response cache in Redis ',
      'Hive Gateway with its response cache (TTL 3000 ms) ',
    ]) {
      expect(rows.filter((line) => line.startsWith(label) && /^\s*\d/.test(line.slice(label.length)))).toHaveLength(1);
    }
    expect(printed).toMatch(/Our gateway against Hive Gateway at 2 connections: \d+\.\d\dx the requests per second/);
    expect(printed).toMatch(
      /Our gateway against the router runtime at 2 connections: \d+\.\d\dx the requests per second \(goal >= 1\.00x\)/,
    );
    expect(printed).toMatch(/At 1 connection our gateway's p50 is \d+\.\d\dx the floor path/);
    expect(printed).toMatch(/Each part at 1 connection against its SQL alone \(goal <= 2\.00x\): clusters \d+\.\d\dx, funding \d+\.\d\dx/);
    expect(printed).toMatch(
      /Our gateway with its response cache at 2 connections: \d+\.\d\dx the requests per second without it \(goal >= 10\.00x\)/,
    );
    expect(printed).toMatch(
      /Our gateway with its response cache against Hive Gateway with its: \d+\.\d\dx the requests per second \(goal >= 1\.00x\)/,
    );

    // The mixed workload: a row per gateway with time to fresh and the stale answers, and the freshness goal.
    expect(printed).toMatch(
      /mixed workload\s+req\/s\s+p50 ms\s+hits\s+misses\s+changes\s+fresh p50\s+p99\s+max ms\s+never\s+stale after event\s+beyond bound/,
    );
    for (const label of [
      'our gateway without cache',
      'our gateway with its response cache',
      'Hive Gateway with its response cache \\(TTL 3000 ms\\)',
    ]) {
      expect(printed).toMatch(
        new RegExp(`^mixed: ${label}\\s+\\d+\\.\\d\\s+[\\d.]+(\\s+(\\d+|-)){2}\\s+3(\\s+[\\d.]+){3}(\\s+\\d+){3}$`, 'm'),
      );
    }
    expect(printed).toMatch(
      /our gateway with its response cache: time to fresh p99 [\d.]+ ms \(renames through the gateway [\d.]+ ms, grants straight onto funding [\d.]+ ms, level changes straight onto clusters [\d.]+ ms; the last stale answer's request p99 [\d.]+ ms after the commit; \d+ changes never fresh\), event propagation p99 [\d.]+ ms \+ 50 ms = [\d.]+ ms \(goal: within\): (met|not met); \d+ answers stale beyond that \(goal 0\), \d+ after the change's event was on its topic\./,
    );

    const figures = JSON.parse(readFileSync(file, 'utf8')) as {
      settings: Record<string, unknown>;
      rows: unknown[];
      mixed: MixedFigures[];
      ratios: Record<string, number>;
      goals: Record<string, { timeToFreshP99: number; boundMs: number; withinBound: boolean; staleBeyondBound: number }>;
    };
    expect(figures.settings).toMatchObject({ changesPerSecond: 3, hiveCacheTtlMs: 3000, freshnessAllowanceMs: 50 });
    expect(figures.rows).toHaveLength(12);
    expect(figures.ratios.oursToHiveRequestsPerSecond).toBeGreaterThan(0);
    expect(figures.ratios.cachedToUncachedRequestsPerSecond).toBeGreaterThan(0);
    expect(figures.ratios.cachedToHiveCachedRequestsPerSecond).toBeGreaterThan(0);
    expect(figures.mixed.map(({ key }) => key)).toEqual(['freshOurs', 'freshOursCached', 'freshOursRedis', 'freshHiveCached']);
    for (const row of figures.mixed) {
      // Every change's event was consumed, so commit to topic is a figure.
      expect(row).toMatchObject({ changes: 3, changesByKind: { rename: 1, grant: 1, level: 1 }, errors: 0, eventsMissing: 0 });
      expect(row.requests).toBeGreaterThan(0);
      expect(row.propagation.p99).toBeGreaterThanOrEqual(0);
    }
    const [uncached, cached, , hive] = figures.mixed as [MixedFigures, MixedFigures, MixedFigures, MixedFigures];
    // Without a cache every answer to a request sent after a change's event shows the change.
    expect(uncached).toMatchObject({ neverFresh: 0, staleAfterEvent: 0, staleBeyondBound: 0 });
    expect(cached.neverFresh).toBe(0);
    // The last stale answer's request comes before the first fresh one's.
    expect(cached.staleUntil.p99).toBeLessThanOrEqual(cached.timeToFresh.p99);
    // Our cached gateway answered from its cache, and the uncached one never did.
    expect(cached.cache.hit).toBeGreaterThan(0);
    expect(uncached.cache.hit).toBeUndefined();
    // Hive Gateway's cache never hears of the grant reported straight onto funding: it answers from the entry until the TTL.
    expect(hive.staleAfterEvent).toBeGreaterThan(0);
    expect(hive.timeToFreshByKind.grant.max).toBeGreaterThan(hive.propagation.p99 + 50);
    // Nor of the level change made straight onto clusters.
    expect(hive.timeToFreshByKind.level.max).toBeGreaterThan(hive.propagation.p99 + 50);
    expect(figures.goals.cachedFreshness).toMatchObject({ staleBeyondBound: cached.staleBeyondBound });
    expect(typeof figures.goals.cachedFreshness!.withinBound).toBe('boolean');
  }, 600_000);

  it('npm run bench with BENCH_TARGETS loads only those rows and prints only the comparisons they make', async () => {
    const printed = await npmRun('bench', { ...SMALL_GATEWAY_BENCH, BENCH_TARGETS: 'clusters,clustersSql' });
    const rows = tableRows(printed);
    expect(rows.map((line) => line.replace(/\s+[\d.].*$/, ''))).toEqual([
      'floor: clusters subgraph alone',
      'floor: clusters SQL alone (4 statements)',
    ]);
    expect(printed).toMatch(/Each part at 1 connection against its SQL alone \(goal <= 2\.00x\): clusters \d+\.\d\dx\.\n/);
    expect(printed).not.toMatch(/NaN|Our gateway against|Our gateway with its response cache|Mixed workload/);
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
