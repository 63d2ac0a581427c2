/**
 * `npm run bench`: the dashboard query under load, on generated data, through our gateway, through
 * Hive Gateway on the same supergraph (its default runtime, and with Hive Router's Rust planner),
 * straight from each subgraph (the floor), and each subgraph's SQL alone, straight on PostgreSQL.
 * Prints requests per second and p50/p99 latency at BENCH_CONNECTIONS, p50 at one connection, and
 * the goal ratios; writes the same as JSON to the file BENCH_OUT names. A script, not a test: it
 * asserts only that the gateways give the same answer, and leaves judging the figures to whoever
 * reads them. Everything runs as deployed (production-graph.ts): NODE_ENV=production, subgraph
 * secrets, a JWT secret, each service as its own principal on Kafka.
 *
 * Then the mixed workload (freshness.ts): the dashboard query while a writer changes its answer,
 * through our gateway without and with its response cache and through Hive Gateway with its own
 * (a TTL of BENCH_HIVE_CACHE_TTL_MS): requests per second, time to fresh and stale answers.
 *
 * Runs on the PostgreSQL and Kafka the tests use (started by the infra scripts when neither
 * DATABASE_URL nor KAFKA_BROKERS is set), in databases of its own that it drops at the end, also
 * when interrupted.
 *
 * Settings (environment): BENCH_DURATION seconds per target (10), BENCH_CONNECTIONS (8),
 * BENCH_LEVEL (GCE, held today by a quarter of the generated clusters), BENCH_CLUSTERS (1000),
 * BENCH_ORGANIZATIONS (20000), BENCH_GRANTS (50000),
 * BENCH_OUT (a file for the figures as JSON), GATEWAY_WORKERS (our gateway's processes, 1),
 * BENCH_TARGETS (the rows to load, by key, comma-separated: ours,oursCached,hive,hiveCached,
 * oursRedis,hiveRouter,clusters,funding,competence,clustersSql,fundingSql,competenceSql, and the mixed
 * workload's freshOurs,freshOursCached,freshOursRedis,freshHiveCached; all by default), BENCH_CHANGE_RATE (the
 * mixed workload's changes per second, 2), BENCH_HIVE_CACHE_TTL_MS (10000), BENCH_CPU_PROF (a directory:
 * our gateway runs with --cpu-prof and writes its profile there when the run ends).
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { CLUSTER_LEVELS, type ClusterLevel } from '@klynge/contracts';
import { benchSetting, percentile, startDedicatedRedis, waitFor } from '@klynge/test-infrastructure';
import autocannon from 'autocannon';
import pg from 'pg';
import { FRESHNESS_ALLOWANCE_MS, runMixedWorkload } from './freshness';
import { benchDataSize, withProductionGraph } from './production-graph';
import { formatTable, ms } from './table';

const DURATION_S = benchSetting('BENCH_DURATION', 10);
// One connection measures latency without queueing; it needs fewer seconds for a steady p50.
const SINGLE_DURATION_S = Math.max(3, Math.ceil(DURATION_S / 2));
const CONNECTIONS = benchSetting('BENCH_CONNECTIONS', 8);
const GATEWAY_WORKERS = benchSetting('GATEWAY_WORKERS', 1);
const ONLY = process.env.BENCH_TARGETS ? new Set(process.env.BENCH_TARGETS.split(',').map((key) => key.trim())) : undefined;
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : undefined;
const LEVEL = (process.env.BENCH_LEVEL ?? 'GCE') as ClusterLevel;
const CHANGE_RATE = benchSetting('BENCH_CHANGE_RATE', 2);
const HIVE_CACHE_TTL_MS = benchSetting('BENCH_HIVE_CACHE_TTL_MS', 10_000);
const SIZE = benchDataSize({ clusters: 1_000, organizations: 20_000, grants: 50_000 });
// The generator spreads clusters evenly over the levels: one page holds every cluster at one.
const PAGE = Math.ceil(SIZE.clusters / CLUSTER_LEVELS.length);
if (!CLUSTER_LEVELS.includes(LEVEL)) throw new Error(`BENCH_LEVEL must be one of ${CLUSTER_LEVELS.join(', ')}`);

// What a dashboard shows for every cluster at one level, from all three subgraphs.
const CLUSTER_FIELDS = `id name county { name } levelHistory { level from } memberStats { memberCount smeShare }`;
const FUNDING_FIELDS = `fundingByYear { year granted { amount } paid { amount } }`;
const COMPETENCE_FIELDS = `hostedProgrammes { name status reach { companiesReached targetCompanies } }`;
const clustersQuery = (fields: string) =>
  `query Dashboard($level: ClusterLevel!, $first: Int!) { clusters(filter: { level: $level }, first: $first) { totalCount edges { node { ${fields} } } } }`;
const entitiesQuery = (fields: string) =>
  `query Dashboard($representations: [_Any!]!) { _entities(representations: $representations) { ... on Cluster { ${fields} } } }`;
const DASHBOARD = clustersQuery(`${CLUSTER_FIELDS} ${FUNDING_FIELDS} ${COMPETENCE_FIELDS}`);

interface HttpTarget {
  readonly key: string;
  readonly label: string;
  readonly url: string;
  readonly body: string;
  readonly headers?: Record<string, string>;
}

interface SqlTarget {
  readonly key: string;
  readonly label: string;
  readonly databaseUrl: string;
  readonly statements: readonly RecordedStatement[];
}

interface RecordedStatement {
  readonly text: string;
  readonly values: readonly unknown[];
}

interface Figures {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

interface Row {
  readonly key: string;
  readonly label: string;
  /** At BENCH_CONNECTIONS. */
  readonly loaded: Figures;
  /** At one connection: latency without queueing. */
  readonly single: Figures;
}

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const result = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (!response.ok || result.errors) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(result.errors)}`);
  return result.data;
}

async function loadHttp(target: HttpTarget, connections: number, durationS: number): Promise<Figures> {
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: target.body,
    connections,
    duration: durationS,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

/** The statements one request of a part runs, one after another on one connection, by `connections` clients at once. */
async function loadSql(target: SqlTarget, connections: number, durationS: number): Promise<Figures> {
  const pool = new pg.Pool({ connectionString: target.databaseUrl, max: connections });
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + durationS * 1_000;
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        const client = await pool.connect();
        try {
          while (performance.now() < deadline) {
            const started = performance.now();
            try {
              for (const { text, values } of target.statements) await client.query(text, values as unknown[]);
              latencies.push(performance.now() - started);
            } catch {
              errors += 1;
            }
          }
        } finally {
          client.release();
        }
      }),
    );
  } finally {
    await pool.end();
  }
  latencies.sort((a, b) => a - b);
  return { requestsPerSecond: latencies.length / durationS, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), errors };
}

// What a subgraph's process sends besides the request's own statements: its outbox relay and consumers.
const NOT_THE_REQUEST = /outbox|processed_events|^\s*(LISTEN|UNLISTEN|BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SET |SELECT 1\b)/i;

/** The SQL statements one request to a subgraph runs, recorded in its process (bench/record-sql.cjs). */
async function recordSql(child: ChildProcess, file: string, request: () => Promise<unknown>): Promise<RecordedStatement[]> {
  rmSync(file, { force: true });
  rmSync(`${file}.on`, { force: true });
  child.kill('SIGUSR2');
  await waitFor('recording to start', () => existsSync(`${file}.on`), { timeoutMs: 10_000 });
  try {
    await request();
  } finally {
    child.kill('SIGUSR2');
  }
  await waitFor('the recorded statements', () => existsSync(file), { timeoutMs: 10_000 });
  const recorded = JSON.parse(readFileSync(file, 'utf8')) as RecordedStatement[];
  return recorded.filter(({ text }) => !NOT_THE_REQUEST.test(text));
}

function printTable(rows: readonly Row[]) {
  const header = ['target', 'req/s', 'p50 ms', 'p99 ms', 'errors', '1 conn p50 ms'];
  const lines = rows.map(({ label, loaded, single }) => [
    label,
    loaded.requestsPerSecond.toFixed(1),
    ms(loaded.p50),
    ms(loaded.p99),
    String(loaded.errors + single.errors),
    ms(single.p50),
  ]);
  process.stdout.write(formatTable(header, lines));
}

/** Where a subgraph's process writes the SQL statements it records (record-sql.cjs). */
const sqlRecord = (workDir: string, name: string) => path.join(workDir, `${name}.sql.json`);

async function main() {
  process.stdout.write(`Generating ${SIZE.clusters} clusters, ${SIZE.organizations} organisations, ${SIZE.grants} grants (synthetic)...\n`);
  await withProductionGraph(
    {
      label: 'bench',
      size: SIZE,
      extraPorts: 6,
      instrument: (name, workDir) => ({
        args: ['-r', path.join(__dirname, 'record-sql.cjs')],
        env: { BENCH_SQL_RECORD: sqlRecord(workDir, name) },
      }),
    },
    async (graph) => {
      const { subgraphUrls, subgraphProcesses, databaseUrls, secretHeader } = graph;
      // The benchmark's query is its own, sent as a document, not one of the registered operations.
      const anyDocument = { ANONYMOUS_OPERATIONS: 'any' };
      const [apolloPort, hivePort, routerPort, cachedPort, hiveCachedPort, redisCachedPort] = graph.ports;
      const hiveUrl = `http://127.0.0.1:${hivePort}/graphql`;
      const routerUrl = `http://127.0.0.1:${routerPort}/graphql`;
      const hiveCachedUrl = `http://127.0.0.1:${hiveCachedPort}/graphql`;
      const profile = CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROFILE_DIR}`] : [];
      // The Hive Gateways start first, so that all of them start at once.
      const hive = ['-r', '@klynge/jest-config/register', 'gateway/bench/hive-gateway.ts'];
      graph.startProcess('hive gateway', hive, { ...graph.gatewayEnv, ...anyDocument, PORT: String(hivePort) });
      graph.startProcess('hive gateway (router runtime)', hive, {
        ...graph.gatewayEnv,
        ...anyDocument,
        PORT: String(routerPort),
        HIVE_ROUTER_RUNTIME: 'true',
      });
      graph.startProcess('hive gateway (response cache)', hive, {
        ...graph.gatewayEnv,
        ...anyDocument,
        PORT: String(hiveCachedPort),
        HIVE_RESPONSE_CACHE_TTL_MS: String(HIVE_CACHE_TTL_MS),
      });
      const workers = { GATEWAY_WORKERS: String(GATEWAY_WORKERS) };
      const apolloUrl = await graph.startGateway(apolloPort!, { ...anyDocument, ...workers, RESPONSE_CACHE: 'off' }, profile);
      // The cache learns of changes from the events: it reads the run's topics (as graph.gatewayEnv says).
      const cachedUrl = await graph.startGateway(cachedPort!, { ...anyDocument, ...workers, RESPONSE_CACHE: 'memory' });
      // The same with the answers in a Redis of the run's own (as several gateways would share them).
      // (Killed when the run's process exits, should it fail before the end.)
      const redis = await startDedicatedRedis('bench', { maxmemory: '256mb' });
      const redisCachedUrl = await graph.startGateway(redisCachedPort!, {
        ...anyDocument,
        ...workers,
        RESPONSE_CACHE: 'redis',
        RESPONSE_CACHE_REDIS_URL: redis.url,
      });
      const dashboard = JSON.stringify({ query: DASHBOARD, variables: { level: LEVEL, first: PAGE } });
      const ours = await post(apolloUrl, dashboard);
      for (const [peer, url] of [
        ['Our gateway with its response cache', cachedUrl],
        ['Our gateway with its response cache in Redis', redisCachedUrl],
        ['Hive Gateway', hiveUrl],
        ['Hive Gateway with the router runtime', routerUrl],
        ['Hive Gateway with its response cache', hiveCachedUrl],
      ] as const) {
        const theirs = await waitFor(peer, () => post(url, dashboard), { timeoutMs: 60_000 });
        if (!isDeepStrictEqual(ours, theirs)) throw new Error(`${peer} answered the dashboard query differently from ours`);
      }

      // The floor: what the gateway's plan asks each subgraph, asked directly.
      const clustersBody = JSON.stringify({ query: clustersQuery(CLUSTER_FIELDS), variables: { level: LEVEL, first: PAGE } });
      const page = (await post(subgraphUrls.get('clusters')!, clustersBody, secretHeader('clusters'))) as {
        clusters: { totalCount: number; edges: { node: { id: string } }[] };
      };
      const representations = page.clusters.edges.map(({ node }) => ({ __typename: 'Cluster', id: node.id }));
      const entities = (fields: string) => JSON.stringify({ query: entitiesQuery(fields), variables: { representations } });
      const parts: HttpTarget[] = [
        { key: 'clusters', label: 'clusters subgraph alone', url: subgraphUrls.get('clusters')!, body: clustersBody },
        { key: 'funding', label: 'funding _entities alone', url: subgraphUrls.get('funding')!, body: entities(FUNDING_FIELDS) },
        { key: 'competence', label: 'competence _entities alone', url: subgraphUrls.get('competence')!, body: entities(COMPETENCE_FIELDS) },
      ].map((part) => ({ ...part, headers: secretHeader(part.key) }));
      const gateways: HttpTarget[] = [
        { key: 'ours', label: 'our gateway (@apollo/gateway)', url: apolloUrl, body: dashboard },
        { key: 'oursCached', label: 'our gateway with its response cache', url: cachedUrl, body: dashboard },
        { key: 'oursRedis', label: 'our gateway with its response cache in Redis', url: redisCachedUrl, body: dashboard },
        { key: 'hive', label: 'Hive Gateway (runtime 2.12)', url: hiveUrl, body: dashboard },
        {
          key: 'hiveCached',
          label: `Hive Gateway with its response cache (TTL ${HIVE_CACHE_TTL_MS} ms)`,
          url: hiveCachedUrl,
          body: dashboard,
        },
        { key: 'hiveRouter', label: 'Hive Gateway + router runtime (Rust planner)', url: routerUrl, body: dashboard },
      ];
      for (const target of [...gateways, ...parts]) await post(target.url, target.body, target.headers); // warm caches and plans
      const sqlParts: SqlTarget[] = [];
      for (const part of parts) {
        const statements = await recordSql(subgraphProcesses.get(part.key)!, sqlRecord(graph.workDir, part.key), () =>
          post(part.url, part.body, part.headers),
        );
        sqlParts.push({
          key: `${part.key}Sql`,
          label: `${part.key} SQL alone (${statements.length} statements)`,
          databaseUrl: databaseUrls.get(part.key)!,
          statements,
        });
      }
      const answerBytes = Buffer.byteLength(JSON.stringify(ours));
      process.stdout.write(
        `Dashboard query for the ${page.clusters.totalCount} ${LEVEL} clusters (${answerBytes} bytes of data), ` +
          `${CONNECTIONS} connections for ${DURATION_S} s and 1 connection for ${SINGLE_DURATION_S} s per target, one target at a time:\n\n`,
      );
      const rows: Row[] = [];
      const chosen = <T extends { key: string }>(targets: readonly T[]) => targets.filter(({ key }) => !ONLY || ONLY.has(key));
      for (const target of chosen([...gateways, ...parts])) {
        rows.push({
          key: target.key,
          label: parts.includes(target) ? `floor: ${target.label}` : target.label,
          loaded: await loadHttp(target, CONNECTIONS, DURATION_S),
          single: await loadHttp(target, 1, SINGLE_DURATION_S),
        });
      }
      for (const target of chosen(sqlParts)) {
        rows.push({
          key: target.key,
          label: `floor: ${target.label}`,
          loaded: await loadSql(target, CONNECTIONS, DURATION_S),
          single: await loadSql(target, 1, SINGLE_DURATION_S),
        });
      }
      printTable(rows);

      const mixed = await runMixedWorkload(
        graph,
        chosen([
          { key: 'freshOurs', label: 'mixed: our gateway without cache', url: apolloUrl },
          { key: 'freshOursCached', label: 'mixed: our gateway with its response cache', url: cachedUrl },
          { key: 'freshOursRedis', label: 'mixed: our gateway with its response cache in Redis', url: redisCachedUrl },
          {
            key: 'freshHiveCached',
            label: `mixed: Hive Gateway with its response cache (TTL ${HIVE_CACHE_TTL_MS} ms)`,
            url: hiveCachedUrl,
          },
        ]),
        {
          dashboard,
          connections: CONNECTIONS,
          durationMs: DURATION_S * 1_000,
          changeRate: CHANGE_RATE,
          // Hive Gateway's cache learns of a grant only when its entry expires.
          tailMs: HIVE_CACHE_TTL_MS + 5_000,
          clusterId: page.clusters.edges[0]!.node.id,
          level: LEVEL,
        },
      );

      const missing: Row = {
        key: '',
        label: '',
        loaded: { requestsPerSecond: NaN, p50: NaN, p99: NaN, errors: 0 },
        single: { requestsPerSecond: NaN, p50: NaN, p99: NaN, errors: 0 },
      };
      const row = (key: string) => rows.find((candidate) => candidate.key === key) ?? missing;
      const floorPathP50 = row('clusters').single.p50 + Math.max(row('funding').single.p50, row('competence').single.p50);
      const ratios = {
        oursToHiveRequestsPerSecond: row('ours').loaded.requestsPerSecond / row('hive').loaded.requestsPerSecond,
        oursToHiveP99: row('ours').loaded.p99 / row('hive').loaded.p99,
        oursToHiveRouterRequestsPerSecond: row('ours').loaded.requestsPerSecond / row('hiveRouter').loaded.requestsPerSecond,
        floorPathP50,
        oursToFloorPathP50: row('ours').single.p50 / floorPathP50,
        ...Object.fromEntries(parts.map(({ key }) => [`${key}ToSqlP50`, row(key).single.p50 / row(`${key}Sql`).single.p50])),
        cachedToUncachedRequestsPerSecond: row('oursCached').loaded.requestsPerSecond / row('ours').loaded.requestsPerSecond,
        cachedToHiveCachedRequestsPerSecond: row('oursCached').loaded.requestsPerSecond / row('hiveCached').loaded.requestsPerSecond,
      };
      const mixedRow = (key: string) => mixed.find((candidate) => candidate.key === key);
      const freshnessGoal = (key: string) => {
        const figures = mixedRow(key);
        return (
          figures && {
            timeToFreshP99: figures.timeToFresh.p99,
            staleUntilP99: figures.staleUntil.p99,
            propagationP99: figures.propagation.p99,
            boundMs: figures.boundMs,
            withinBound: figures.neverFresh === 0 && figures.timeToFresh.p99 <= figures.boundMs,
            staleBeyondBound: figures.staleBeyondBound,
          }
        );
      };
      const goals = { cachedFreshness: freshnessGoal('freshOursCached'), hiveCachedFreshness: freshnessGoal('freshHiveCached') };
      const ratio = (value: number) => `${value.toFixed(2)}x`;
      // A line per comparison whose rows were all loaded (BENCH_TARGETS may leave some out).
      const partsWithSql = parts.filter(({ key }) => Number.isFinite(ratios[`${key}ToSqlP50` as keyof typeof ratios]));
      const comparisons = [
        Number.isFinite(ratios.oursToHiveRequestsPerSecond) &&
          `Our gateway against Hive Gateway at ${CONNECTIONS} connections: ${ratio(ratios.oursToHiveRequestsPerSecond)} the requests per second ` +
            `(goal >= 1.00x), ${ratio(ratios.oursToHiveP99)} the p99 (goal <= 1.00x).`,
        Number.isFinite(ratios.oursToHiveRouterRequestsPerSecond) &&
          `Our gateway against the router runtime at ${CONNECTIONS} connections: ${ratio(ratios.oursToHiveRouterRequestsPerSecond)} the requests per second (goal >= 1.00x).`,
        Number.isFinite(ratios.cachedToUncachedRequestsPerSecond) &&
          `Our gateway with its response cache at ${CONNECTIONS} connections: ${ratio(ratios.cachedToUncachedRequestsPerSecond)} the requests per second ` +
            `without it (goal >= 10.00x).`,
        Number.isFinite(ratios.cachedToHiveCachedRequestsPerSecond) &&
          `Our gateway with its response cache against Hive Gateway with its: ${ratio(ratios.cachedToHiveCachedRequestsPerSecond)} the requests per second (goal >= 1.00x).`,
        ...mixed.map(
          (figures) =>
            `${figures.label.replace(/^mixed: /, '')}: time to fresh p99 ${ms(figures.timeToFresh.p99)} ms (renames through the gateway ` +
            `${ms(figures.timeToFreshByKind.rename.p99)} ms, grants straight onto funding ${ms(figures.timeToFreshByKind.grant.p99)} ms, ` +
            `level changes straight onto clusters ${ms(figures.timeToFreshByKind.level.p99)} ms; ` +
            `the last stale answer's request p99 ${ms(figures.staleUntil.p99)} ms after the commit; ${figures.neverFresh} changes never fresh), ` +
            `event propagation p99 ${ms(figures.propagation.p99)} ms + ${FRESHNESS_ALLOWANCE_MS} ms = ${ms(figures.boundMs)} ms` +
            `${figures.key === 'freshOursCached' ? ` (goal: within): ${goals.cachedFreshness?.withinBound ? 'met' : 'not met'}` : ''}; ` +
            `${figures.staleBeyondBound} answers stale beyond that${figures.key === 'freshOursCached' ? ' (goal 0)' : ''}, ` +
            `${figures.staleAfterEvent} after the change's event was on its topic.`,
        ),
        Number.isFinite(ratios.oursToFloorPathP50) &&
          `At 1 connection our gateway's p50 is ${ratio(ratios.oursToFloorPathP50)} the floor path (clusters, then the slower of funding ` +
            `and competence: ${ms(floorPathP50)} ms; goal <= 1.20x).`,
        partsWithSql.length > 0 &&
          `Each part at 1 connection against its SQL alone (goal <= 2.00x): ` +
            `${partsWithSql.map(({ key }) => `${key} ${ratio(ratios[`${key}ToSqlP50` as keyof typeof ratios])}`).join(', ')}.`,
      ].filter((line) => line !== false);
      process.stdout.write(
        `\n${comparisons.map((line) => `${line}\n`).join('')}` +
          '\nEach floor row loads one subgraph (or its SQL, straight on PostgreSQL) alone with its part of the query: the\n' +
          'most it serves. A gateway asks clusters, then funding and competence in parallel, once each per query, so its\n' +
          'requests per second stay under the lowest floor row. All data is generated and labelled "(generated)".\n',
      );
      if (process.env.BENCH_OUT) {
        const figures = {
          benchmark: 'gateway',
          settings: {
            ...SIZE,
            level: LEVEL,
            connections: CONNECTIONS,
            durationSeconds: DURATION_S,
            singleDurationSeconds: SINGLE_DURATION_S,
            gatewayWorkers: GATEWAY_WORKERS,
            changesPerSecond: CHANGE_RATE,
            hiveCacheTtlMs: HIVE_CACHE_TTL_MS,
            freshnessAllowanceMs: FRESHNESS_ALLOWANCE_MS,
          },
          clustersAsked: page.clusters.totalCount,
          answerBytes,
          rows,
          mixed,
          ratios,
          goals,
          statements: Object.fromEntries(
            sqlParts.map(({ key, statements }) => [key, statements.map(({ text }) => text.replace(/\s+/g, ' ').trim())]),
          ),
        };
        writeFileSync(process.env.BENCH_OUT, `${JSON.stringify(figures, null, 2)}\n`);
      }
      await redis.destroy();
    },
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
