/**
 * `npm run bench:hostile`: does a handful of hostile clients slow everyone else down (issue 26,
 * item 2)? Starts every subgraph and our gateway as deployed (production-graph.ts) on generated
 * data, then measures two honest clients, each on one connection of its own: the dashboard's
 * registered `ClusterList`, sent anonymously by hash as the dashboard sends it, and a `/health`
 * prober. First quiet, then under attack: BENCH_HOSTILE clients, each with a token of its own,
 * sending documents that are within the gateway's token and body limits but costly to validate
 * (HOSTILE_DOCUMENTS), one at a time. Prints p50/p90/p99 latency and requests completed for both
 * phases, what the hostile requests got, and issue 26's two goals; writes the same as JSON to the
 * file BENCH_OUT names.
 *
 * A benchmark, not a test: it asserts nothing of the figures, but fails when an honest client
 * gets an error or a different answer (a wrong answer is not a figure).
 *
 * Settings (environment): BENCH_DURATION seconds per phase (15), BENCH_HOSTILE clients (8),
 * BENCH_CLUSTERS (100), BENCH_ORGANIZATIONS (2000), BENCH_GRANTS (5000), BENCH_OUT.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { signToken } from '@klynge/platform';
import { benchSetting } from '@klynge/test-infrastructure';
import { Lexer, parse, Source, TokenKind } from 'graphql';
import { gatewayConfig } from '../src/config';
import { registeredOperation } from '../src/registered-operations';
import { HOSTILE_DOCUMENTS } from '../src/test-support/attacks';
import type { HostileClientsMessage, HostileClientsSetup, HostileClientsStart, HostileOutcome } from './hostile-clients';
import { type HttpAnswer, latencyFigures, type LatencyFigures, oneConnection } from './one-connection';
import { benchDataSize, type ProductionGraph, withProductionGraph } from './production-graph';
import { formatTable, ms } from './table';

const DURATION_S = benchSetting('BENCH_DURATION', 15);
const HOSTILE_CLIENTS = benchSetting('BENCH_HOSTILE', 8);
// What `KLYNGE_DEMO=synthetic npm start` loads; ClusterList asks for every cluster (up to 1,000).
const SIZE = benchDataSize({ clusters: 100, organizations: 2_000, grants: 5_000 });
// Requests of each honest client before the quiet phase: the gateway plans, caches and compiles on its first ones.
const WARM_UP_REQUESTS = 20;
// Issue 26's goals, under attack.
const HEALTH_P50_GOAL_MS = 50;
const DASHBOARD_P50_GOAL_RATIO = 2;

interface Phase {
  readonly health: LatencyFigures;
  readonly dashboard: LatencyFigures;
}

/** Tokens in a document, counted as graphql-js's parser counts them against `maxTokens`. */
function tokenCount(query: string): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

/** Asks until `deadline` (Date.now()), one request at a time: the latencies, each answer checked after it was timed. */
async function askUntil(deadline: number, ask: () => Promise<HttpAnswer>, check: (answer: HttpAnswer) => void): Promise<number[]> {
  const latencies: number[] = [];
  while (Date.now() < deadline) {
    const started = performance.now();
    const answer = await ask();
    latencies.push(performance.now() - started);
    check(answer);
  }
  return latencies;
}

/** The hostile clients' worker, loaded and waiting to be told their deadline. */
async function startHostileClients(setup: HostileClientsSetup) {
  const worker = new Worker(path.join(__dirname, 'hostile-clients.ts'), { workerData: setup });
  const failed = new Promise<never>((_resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the hostile clients' worker exited with ${code}`)));
  });
  // It exits when stopped, after the last message: no one waits for that.
  failed.catch(() => undefined);
  const message = () => Promise.race([failed, new Promise<HostileClientsMessage>((resolve) => worker.once('message', resolve))]);
  await message();
  return {
    async attackUntil(deadline: number): Promise<readonly HostileOutcome[]> {
      worker.postMessage({ deadline } satisfies HostileClientsStart);
      const answered = await message();
      if (answered.kind !== 'done') throw new Error(`the hostile clients' worker said ${answered.kind}, not done`);
      return answered.outcomes;
    },
    stop: () => worker.terminate(),
  };
}

/** Counts summed over the hostile documents: per HTTP status, or per error code. */
function totals(outcomes: readonly HostileOutcome[], of: 'statuses' | 'codes'): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const outcome of outcomes) for (const [key, count] of Object.entries(outcome[of])) sums[key] = (sums[key] ?? 0) + count;
  return sums;
}

const counts = (tallied: Readonly<Record<string, number>>) =>
  Object.entries(tallied)
    .sort(([, a], [, b]) => b - a)
    .map(([key, count]) => `${key}: ${count}`)
    .join(', ');

/** What a run measured, for the report. */
interface Measured {
  readonly maxQueryTokens: number;
  readonly documents: readonly { readonly name: string; readonly bytes: number; readonly tokens: number }[];
  readonly dashboardOperation: { readonly name: string; readonly sha256Hash: string; readonly answerBytes: number };
  readonly quiet: Phase;
  readonly underAttack: Phase;
  readonly outcomes: readonly HostileOutcome[];
}

/** Our gateway over `graph`, as deployed; the honest clients quiet, then with the hostile ones. */
async function measure(graph: ProductionGraph): Promise<Measured> {
  const port = graph.ports[0]!;
  // Production's defaults: anonymous callers may send only registered operations, by hash. The
  // response cache off: the honest answers are computed, as in the figures before it, so that they
  // contend with the hostile documents for the gateway's time instead of coming from memory.
  const url = await graph.startGateway(port, { RESPONSE_CACHE: 'off' });
  const { pathname } = new URL(url);
  const { MAX_QUERY_TOKENS } = gatewayConfig.load({ ...process.env, NODE_ENV: 'production', ...graph.gatewayEnv, PORT: String(port) });
  const documents = HOSTILE_DOCUMENTS.map(({ name, query }) => {
    // Over the token limit, a document is refused by the parser: that would measure the limit, not validation.
    try {
      parse(query, { maxTokens: MAX_QUERY_TOKENS });
    } catch (error) {
      throw new Error(`"${name}" has more than the gateway's ${MAX_QUERY_TOKENS} tokens`, { cause: error });
    }
    return { name, body: JSON.stringify({ query }), bytes: Buffer.byteLength(query), tokens: tokenCount(query) };
  });

  const clusterList = registeredOperation('ClusterList');
  // As the dashboard sends it (dashboard/src/graphql.ts): anonymous, by hash, with its variables (it has none).
  const dashboardBody = JSON.stringify({
    operationName: clusterList.name,
    variables: {},
    extensions: { persistedQuery: { version: 1, sha256Hash: clusterList.hash } },
  });
  const dashboardClient = oneConnection(url);
  const healthClient = oneConnection(url);
  const askDashboard = () => dashboardClient.request('POST', pathname, { accept: 'application/json' }, dashboardBody);
  const askHealth = () => healthClient.request('GET', '/health');
  // The answer every later one must be: nothing writes while the benchmark runs.
  const expected = await askDashboard();
  const first = JSON.parse(expected.body) as { data?: { clusters?: { totalCount?: number } }; errors?: unknown };
  if (expected.status !== 200 || first.errors || first.data?.clusters?.totalCount !== SIZE.clusters) {
    throw new Error(`ClusterList answered ${expected.status}, not the ${SIZE.clusters} clusters: ${expected.body.slice(0, 500)}`);
  }
  const checkDashboard = (answer: HttpAnswer) => {
    if (answer.status !== 200 || answer.body !== expected.body) {
      throw new Error(`The dashboard's ClusterList answered ${answer.status}, not as before: ${answer.body.slice(0, 500)}`);
    }
  };
  const checkHealth = (answer: HttpAnswer) => {
    if (answer.status !== 200) throw new Error(`/health answered ${answer.status}: ${answer.body.slice(0, 500)}`);
  };
  for (let request = 0; request < WARM_UP_REQUESTS; request += 1) {
    checkDashboard(await askDashboard());
    checkHealth(await askHealth());
  }
  const honestUntil = async (deadline: number): Promise<Phase> => {
    const [health, dashboard] = await Promise.all([
      askUntil(deadline, askHealth, checkHealth),
      askUntil(deadline, askDashboard, checkDashboard),
    ]);
    return { health: latencyFigures(health), dashboard: latencyFigures(dashboard) };
  };

  const tokens = await Promise.all(
    Array.from({ length: HOSTILE_CLIENTS }, (_, index) =>
      signToken({ subject: `hostile-client-${index + 1}`, roles: ['viewer'] }, { secret: graph.jwtSecret }),
    ),
  );
  const hostile = await startHostileClients({ url, tokens, documents: documents.map(({ name, body }) => ({ name, body })) });
  try {
    const answerBytes = Buffer.byteLength(expected.body);
    process.stdout.write(
      `ClusterList (registered, anonymous, by hash: ${answerBytes} bytes) and /health, one connection each; ` +
        `${DURATION_S} s quiet, then ${DURATION_S} s with ${HOSTILE_CLIENTS} hostile clients...\n\n`,
    );
    const quiet = await honestUntil(Date.now() + DURATION_S * 1_000);
    const attackDeadline = Date.now() + DURATION_S * 1_000;
    const [underAttack, outcomes] = await Promise.all([honestUntil(attackDeadline), hostile.attackUntil(attackDeadline)]);
    return {
      maxQueryTokens: MAX_QUERY_TOKENS,
      documents: documents.map(({ name, bytes, tokens: count }) => ({ name, bytes, tokens: count })),
      dashboardOperation: { name: clusterList.name, sha256Hash: clusterList.hash, answerBytes },
      quiet,
      underAttack,
      outcomes,
    };
  } finally {
    await hostile.stop();
    dashboardClient.close();
    healthClient.close();
  }
}

/** Prints the figures and the goals; writes them to BENCH_OUT's file. */
function report({ maxQueryTokens, documents, dashboardOperation, quiet, underAttack, outcomes }: Measured, loadBefore: readonly number[]) {
  const row = (label: string, phase: string, figures: LatencyFigures) => [
    label,
    phase,
    ms(figures.p50),
    ms(figures.p90),
    ms(figures.p99),
    String(figures.requests),
  ];
  process.stdout.write(
    formatTable(
      ['honest client', 'phase', 'p50 ms', 'p90 ms', 'p99 ms', 'requests'],
      [
        row('/health', 'quiet', quiet.health),
        row('/health', 'under attack', underAttack.health),
        row('dashboard ClusterList', 'quiet', quiet.dashboard),
        row('dashboard ClusterList', 'under attack', underAttack.dashboard),
      ],
    ),
  );
  const hostileRequests = outcomes.reduce((sum, outcome) => sum + outcome.latency.requests, 0);
  process.stdout.write(`\nHostile requests (${HOSTILE_CLIENTS} clients, ${hostileRequests} completed):\n`);
  process.stdout.write(
    formatTable(
      ['document', 'bytes', 'tokens', 'requests', 'p50 ms', 'p99 ms', 'answer p50 KB', 'HTTP status', 'errors[0].extensions.code'],
      outcomes.map((outcome, index) => [
        outcome.name,
        String(documents[index]!.bytes),
        String(documents[index]!.tokens),
        String(outcome.latency.requests),
        ms(outcome.latency.p50),
        ms(outcome.latency.p99),
        (outcome.answerBytesP50 / 1024).toFixed(1),
        counts(outcome.statuses),
        counts(outcome.codes),
      ]),
    ),
  );
  const statuses = totals(outcomes, 'statuses');
  const codes = totals(outcomes, 'codes');
  process.stdout.write(`All hostile requests, per HTTP status: ${counts(statuses)}; per code: ${counts(codes)}.\n`);

  const dashboardP50Ratio = underAttack.dashboard.p50 / quiet.dashboard.p50;
  const goals = {
    healthP50UnderAttackBelow50Ms: { met: underAttack.health.p50 < HEALTH_P50_GOAL_MS, p50: underAttack.health.p50 },
    dashboardP50UnderAttackWithin2xQuiet: { met: dashboardP50Ratio <= DASHBOARD_P50_GOAL_RATIO, ratio: dashboardP50Ratio },
  };
  const verdict = (met: boolean) => (met ? 'met' : 'not met');
  process.stdout.write(
    `\nDashboard p50 under attack / quiet: ${dashboardP50Ratio.toFixed(2)}x\n` +
      `Goal: /health p50 under attack < ${HEALTH_P50_GOAL_MS} ms: ${verdict(goals.healthP50UnderAttackBelow50Ms.met)} ` +
      `(${ms(underAttack.health.p50)} ms)\n` +
      `Goal: dashboard p50 under attack within ${DASHBOARD_P50_GOAL_RATIO}x quiet: ` +
      `${verdict(goals.dashboardP50UnderAttackWithin2xQuiet.met)} (${dashboardP50Ratio.toFixed(2)}x)\n`,
  );

  if (process.env.BENCH_OUT) {
    const figures = {
      benchmark: 'hostile',
      settings: { ...SIZE, durationSeconds: DURATION_S, hostileClients: HOSTILE_CLIENTS, maxQueryTokens, dashboardOperation },
      machine: { cores: os.availableParallelism(), loadAverageBefore: loadBefore },
      documents,
      quiet,
      underAttack: { ...underAttack, hostile: { requests: hostileRequests, statuses, codes, documents: outcomes } },
      dashboardP50UnderAttackToQuiet: dashboardP50Ratio,
      goals,
    };
    writeFileSync(process.env.BENCH_OUT, `${JSON.stringify(figures, null, 2)}\n`);
  }
}

async function main() {
  // Other work on the machine moves every figure: whoever reads them needs to know.
  const loadBefore = os.loadavg();
  process.stdout.write(
    `Load average before the run: ${loadBefore.map((average) => average.toFixed(2)).join(', ')} (${os.availableParallelism()} cores).\n` +
      `Generating ${SIZE.clusters} clusters, ${SIZE.organizations} organisations, ${SIZE.grants} grants (synthetic)...\n`,
  );
  report(await withProductionGraph({ label: 'hostile', size: SIZE, extraPorts: 1 }, measure), loadBefore);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
