/**
 * The mixed workload of `npm run bench` (issue 30): the dashboard query at several connections
 * through one gateway while a writer changes what it answers at a steady rate, and how long each
 * change takes to show in every answer.
 *
 * The writer takes turns with three changes to what the dashboard's page shows: a new name for
 * the watched cluster, through the gateway under test with a caseworker's token (a mutation the
 * gateway sees); a reported grant to it in the year the dashboard shows, straight onto the
 * funding service (as an agency's import records it: a change no gateway sees but by its event);
 * and a level change that brings another cluster to the page's level, straight onto the clusters
 * service (as the programme's registrar's system would: again seen only by its event), which
 * the page's total count shows. A change counts as committed when its
 * service made its event, inside the change's transaction (the envelope's `time`: the commit
 * follows within milliseconds, so this errs towards a longer time to fresh), and as on its topic
 * when that event reaches a subscription of the run's broker as a read-only principal of the
 * registry (EVENT_OBSERVER).
 *
 * Each answer is placed at the moment its request was sent. Time to fresh: from the commit to the
 * first request from which on every answer shows the change (0 when even the requests sent just
 * before the commit got it). Stale after the event: answers to requests sent after the change's
 * event was on its topic that do not show it. Stale beyond the bound: answers to requests sent
 * later than the bound after the commit that do not show it.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import type { KafkaBroker } from '@klynge/broker-kafka';
import { CLUSTER_LEVELS, CLUSTER_PROGRAMME_AGENCIES, type ClusterLevel } from '@klynge/contracts';
import { signToken } from '@klynge/platform/auth';
import { percentile, waitFor } from '@klynge/test-infrastructure';
import { oneConnection } from './one-connection';
import { EVENT_OBSERVER, type ProductionGraph } from './production-graph';
import { formatTable, ms } from './table';

// The generated programme every cluster may get grants from, its agency, and a year it has a budget for.
const GRANT_PROGRAMME = { code: 'SYNTHETIC', agency: 'synthetic-agency', year: 2020 };

/** What the dashboard shows: the watched cluster's name and what was granted to it in the watched year, and how many clusters hold the page's level. */
interface Observed {
  readonly name: string;
  readonly granted: number;
  readonly totalCount: number;
}

interface Answer {
  readonly sentAt: number;
  readonly receivedAt: number;
  /** Undefined when the answer was an error or lacked the watched cluster. */
  readonly observed: Observed | undefined;
  /** The x-klynge-cache header: hit, miss or bypass; undefined where the gateway sends none. */
  readonly cache: string | undefined;
}

/** The writer's changes, in the order it takes turns with them. */
const CHANGE_KINDS = ['rename', 'grant', 'level'] as const;
type ChangeKind = (typeof CHANGE_KINDS)[number];

interface Change {
  readonly kind: ChangeKind;
  /** When its mutation answered the writer: after the commit. */
  readonly answeredAt: number;
  /** What only this change's event carries: the new name, the grant's id, or the level change's reason. */
  readonly marker: string;
  /** The domain whose topics carry its event. */
  readonly domain: string;
  readonly shows: (observed: Observed) => boolean;
}

interface SeenEvent {
  readonly at: number;
  readonly topic: string;
  readonly value: string;
}

/** The moment an event's envelope says it was made (`time`), on this process's performance.now() clock. */
function madeAt(value: string): number | undefined {
  const { time } = JSON.parse(value) as { time?: string };
  const made = time ? Date.parse(time) : NaN;
  return Number.isFinite(made) ? made - performance.timeOrigin : undefined;
}

/** What a mutation needs: where to send it and as whom. */
export interface MutationTarget {
  readonly url: string;
  readonly headers: Record<string, string>;
}

export interface MixedWorkload {
  /** The dashboard's request body; the page must hold the watched cluster. */
  readonly dashboard: string;
  readonly connections: number;
  readonly durationMs: number;
  /** Changes per second. */
  readonly changeRate: number;
  /** How long after the last change to keep asking, at most, for the last changes to show. */
  readonly tailMs: number;
  /** The cluster the changes go to: one of the dashboard's page. */
  readonly clusterId: string;
  /** The level the dashboard's page lists: the level changes bring other clusters to it. */
  readonly level: ClusterLevel;
}

/** One row's workload: through which gateway, and as whom. */
interface RowWorkload extends MixedWorkload {
  /** Through the gateway under test: the dashboard's reads go to its url, the renames with these headers. */
  readonly renames: MutationTarget;
  /** Straight onto the funding service, as a caseworker of the programme's agency. */
  readonly grants: MutationTarget;
  /** Straight onto the clusters service, as a caseworker of a cluster programme agency. */
  readonly levels: MutationTarget;
  /** The next cluster not at the page's level, for a level change to bring to it; each is given once in the run. */
  readonly nextClusterElsewhere: () => string;
  /** Unique to the run and row: the names it gives are `<prefix> <n> (generated)`. */
  readonly namePrefix: string;
}

export interface Spread {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export interface FreshnessFigures {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  /** Answers per x-klynge-cache value (hit, miss, bypass); empty where the gateway sends no such header. */
  readonly cache: Record<string, number>;
  readonly changes: number;
  /** Commit to consumed from its topic, ms. */
  readonly propagation: Spread;
  /** Changes whose event no subscription of the run consumed before the row ended. */
  readonly eventsMissing: number;
  /**
   * Over the changes that showed before the run ended, ms. The first request that showed the
   * change and every one after it: later than the gateway became fresh by up to the gap
   * between requests, which is an answer's latency when every client waits for one (as when
   * identical queries in flight are answered together, and the clients send their next at once).
   */
  readonly timeToFresh: Spread;
  /**
   * Commit to the request of the last answer that still lacked the change (0 when none sent
   * after the commit did), ms: when the gateway became fresh, no later than the next request's
   * time to fresh and no earlier than this.
   */
  readonly staleUntil: Spread;
  /** The same per kind of change: renames through the gateway, grants straight onto funding, level changes straight onto clusters. */
  readonly timeToFreshByKind: Record<ChangeKind, Spread>;
  /** Changes made, per kind. */
  readonly changesByKind: Record<ChangeKind, number>;
  /** Changes some answer still lacked when the run ended (the tail ran out). */
  readonly neverFresh: number;
  readonly staleAfterEvent: number;
  /** The bound: propagation p99 + 50 ms. */
  readonly boundMs: number;
  readonly staleBeyondBound: number;
}

/** How much later than its event an answer may still lack a change: the goal's allowance. */
export const FRESHNESS_ALLOWANCE_MS = 50;

async function post(target: MutationTarget, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: JSON.stringify({ query, variables }),
  });
  const result = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (!response.ok || result.errors || !result.data)
    throw new Error(`${target.url} answered ${response.status}: ${JSON.stringify(result.errors)}`);
  return result.data;
}

const RENAME = `mutation Rename($id: ID!, $input: UpdateClusterInput!) { updateCluster(id: $id, input: $input) { id name } }`;
const REPORT_GRANT = `mutation Report($input: RecordReportedGrantInput!) { recordReportedGrant(input: $input) { id } }`;
const CHANGE_LEVEL = `mutation ChangeLevel($id: ID!, $input: ChangeClusterLevelInput!) { changeClusterLevel(id: $id, input: $input) { id level } }`;
const CLUSTERS_AT = `query ClustersAt($level: ClusterLevel!, $first: Int!) { clusters(filter: { level: $level }, first: $first) { edges { node { id } } } }`;
const FUNDING_BY_YEAR = `query Funding($representations: [_Any!]!) { _entities(representations: $representations) { ... on Cluster { fundingByYear { year granted { amount } } } } }`;

/** What was granted to the cluster in the year, as the funding service has it now (a gateway's cache may still hold less). */
async function grantedNow(workload: RowWorkload): Promise<number> {
  const data = await post(workload.grants, FUNDING_BY_YEAR, { representations: [{ __typename: 'Cluster', id: workload.clusterId }] });
  const [entity] = data._entities as { fundingByYear: { year: number; granted: { amount: string } }[] | null }[];
  return Number(entity?.fundingByYear?.find(({ year }) => year === GRANT_PROGRAMME.year)?.granted.amount ?? 0);
}

interface DashboardData {
  readonly clusters?: {
    readonly totalCount: number;
    readonly edges: readonly {
      readonly node: {
        readonly id: string;
        readonly name: string;
        readonly fundingByYear?: readonly { year: number; granted: { amount: string } }[];
      };
    }[];
  };
}

function observe(body: string, clusterId: string, year: number): Observed | undefined {
  const { data, errors } = JSON.parse(body) as { data?: DashboardData; errors?: unknown };
  if (errors) return undefined;
  const page = data?.clusters;
  const node = page?.edges.find((edge) => edge.node.id === clusterId)?.node;
  if (!page || !node) return undefined;
  const granted = node.fundingByYear?.find((entry) => entry.year === year)?.granted.amount;
  return { name: node.name, granted: Number(granted ?? 0), totalCount: page.totalCount };
}

/** The number of the watched cluster's name as the writer set it (`<prefix> <n> (generated)`); -1 for any other name. */
const nameNumber = (name: string, prefix: string) =>
  name.startsWith(`${prefix} `) ? Number.parseInt(name.slice(prefix.length + 1), 10) : -1;

/** Clusters at another level than `level` (the first one that has any), for the level changes to bring to it. */
async function clustersElsewhere(clusters: MutationTarget, level: ClusterLevel): Promise<string[]> {
  const other = CLUSTER_LEVELS.find((candidate) => candidate !== level)!;
  const data = await post(clusters, CLUSTERS_AT, { level: other, first: 100 });
  return (data.clusters as { edges: { node: { id: string } }[] }).edges.map(({ node }) => node.id);
}

/** Reads the dashboard back to back on one connection until `stopped()`; each answer's observation is parsed once per distinct body. */
async function read(workload: RowWorkload, stopped: () => boolean, answers: Answer[]): Promise<number> {
  const url = new URL(workload.renames.url);
  const client = oneConnection(url.href);
  let errors = 0;
  let lastBody = '';
  let lastObserved: Observed | undefined;
  try {
    while (!stopped()) {
      const sentAt = performance.now();
      const answer = await client.request('POST', url.pathname, {}, workload.dashboard);
      const receivedAt = performance.now();
      if (answer.body !== lastBody) {
        lastBody = answer.body;
        lastObserved = answer.status === 200 ? observe(answer.body, workload.clusterId, GRANT_PROGRAMME.year) : undefined;
      }
      if (answer.status !== 200 || !lastObserved) errors += 1;
      const cache = answer.headers['x-klynge-cache'];
      answers.push({
        sentAt,
        receivedAt,
        observed: answer.status === 200 ? lastObserved : undefined,
        cache: typeof cache === 'string' ? cache : undefined,
      });
    }
  } finally {
    client.close();
  }
  return errors;
}

/** The date a level change takes effect from: today, after every level period the generated data begins. */
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Makes `count` changes at `changeRate` per second, taking turns with a rename through the
 * gateway, a reported grant straight onto funding and a level change straight onto clusters.
 */
async function write(workload: RowWorkload, first: Observed, count: number): Promise<Change[]> {
  let granted = await grantedNow(workload);
  let totalCount = first.totalCount;
  const make: Record<ChangeKind, (index: number) => Promise<Omit<Change, 'answeredAt'>>> = {
    rename: async (index) => {
      const number = index + 1;
      const name = `${workload.namePrefix} ${number} (generated)`;
      await post(workload.renames, RENAME, { id: workload.clusterId, input: { name } });
      return {
        kind: 'rename',
        marker: name,
        domain: 'clusters',
        shows: (observed) => nameNumber(observed.name, workload.namePrefix) >= number,
      };
    },
    grant: async (index) => {
      const amount = 1_000 + index;
      const data = await post(workload.grants, REPORT_GRANT, {
        input: {
          programmeCode: GRANT_PROGRAMME.code,
          budgetYear: GRANT_PROGRAMME.year,
          amountAwarded: String(amount),
          awardDate: `${GRANT_PROGRAMME.year}-06-01`,
          title: `Freshness grant ${index} (generated)`,
          source: 'npm run bench (generated)',
          recipients: [{ name: first.name, clusterId: workload.clusterId }],
        },
      });
      granted += amount;
      const expected = granted;
      return {
        kind: 'grant',
        marker: (data.recordReportedGrant as { id: string }).id,
        domain: 'funding',
        shows: (observed) => observed.granted >= expected,
      };
    },
    level: async (index) => {
      // The reason is the change's own: its event carries it.
      const reason = `${workload.namePrefix} level change ${index + 1} (generated)`;
      await post(workload.levels, CHANGE_LEVEL, {
        id: workload.nextClusterElsewhere(),
        input: { level: workload.level, effectiveFrom: today(), reason },
      });
      totalCount += 1;
      const expected = totalCount;
      return { kind: 'level', marker: reason, domain: 'clusters', shows: (observed) => observed.totalCount >= expected };
    },
  };
  const changes: Change[] = [];
  const started = performance.now();
  for (let index = 0; index < count; index += 1) {
    const due = started + (index * 1_000) / workload.changeRate;
    const wait = due - performance.now();
    if (wait > 0) await delay(wait); // pacing the writer, not waiting for anything
    const change = await make[CHANGE_KINDS[index % CHANGE_KINDS.length]!](index);
    changes.push({ ...change, answeredAt: performance.now() });
  }
  return changes;
}

/** A subscription to every topic the changes' events go to, recording when each message arrived. */
async function watchEvents(broker: KafkaBroker, topics: readonly string[], groupId: string) {
  const seen: SeenEvent[] = [];
  const subscription = await broker.subscribe({
    groupId,
    topics,
    handle: (message) => {
      seen.push({ at: performance.now(), topic: message.topic, value: message.value });
      return Promise.resolve();
    },
  });
  await waitFor('the event subscription to join its group', () => subscription.joined(), { timeoutMs: 60_000 });
  const eventOf = (change: Change) => seen.find(({ topic, value }) => topic.includes(`${change.domain}.`) && value.includes(change.marker));
  return {
    /** When the event carrying `change` was first consumed, if it was. */
    onTopicAt: (change: Change) => eventOf(change)?.at,
    /**
     * When `change` was committed: when its service made its event, in the change's own
     * transaction (the envelope's time, to the millisecond; the commit follows within
     * milliseconds), or, before its event is consumed, when its mutation answered.
     */
    committedAt: (change: Change) => {
      const event = eventOf(change);
      return Math.min(change.answeredAt, (event && madeAt(event.value)) ?? Infinity);
    },
    close: () => subscription.close(),
  };
}

type EventWatch = Awaited<ReturnType<typeof watchEvents>>;

const byKind = <T>(figure: (kind: ChangeKind) => T) =>
  Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, figure(kind)])) as Record<ChangeKind, T>;

const spread = (values: readonly number[]): Spread => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? NaN };
};

/** Runs the mixed workload against one gateway and measures it. */
async function measureFreshness(workload: RowWorkload, events: EventWatch): Promise<FreshnessFigures> {
  const answers: Answer[] = [];
  let stop = false;
  const readers = Array.from({ length: workload.connections }, () => read(workload, () => stop, answers));
  const startedAt = performance.now();
  try {
    const first = await waitFor(
      'a first dashboard answer with the watched cluster',
      () => answers.find(({ observed }) => observed)?.observed,
      {
        timeoutMs: 30_000,
      },
    );
    const changes = await write(workload, first, Math.max(2, Math.round((workload.durationMs / 1_000) * workload.changeRate)));
    // Until every event was consumed and the last answer of each connection shows every change, or the tail runs out.
    const fresh = () => {
      const latest = answers.slice(-workload.connections);
      return (
        changes.every((change) => events.onTopicAt(change) !== undefined) &&
        latest.every(
          ({ observed, sentAt }) => sentAt > changes.at(-1)!.answeredAt && observed && changes.every((change) => change.shows(observed)),
        )
      );
    };
    await waitFor('every change to show', fresh, { timeoutMs: workload.tailMs, intervalMs: 20 }).catch(() => undefined);
    stop = true;
    const errors = (await Promise.all(readers)).reduce((sum, count) => sum + count, 0);
    const elapsedMs = performance.now() - startedAt;
    return figures(answers, changes, events, elapsedMs, errors);
  } finally {
    stop = true;
    await Promise.allSettled(readers);
  }
}

function figures(answers: Answer[], changes: readonly Change[], events: EventWatch, elapsedMs: number, errors: number): FreshnessFigures {
  const bySent = [...answers].sort((a, b) => a.sentAt - b.sentAt);
  const propagation = spread(
    changes.map((change) => (events.onTopicAt(change) ?? NaN) - events.committedAt(change)).filter(Number.isFinite),
  );
  const boundMs = propagation.p99 + FRESHNESS_ALLOWANCE_MS;
  const lacks = (answer: Answer, change: Change) => answer.observed !== undefined && !change.shows(answer.observed);
  const timesToFresh: { kind: ChangeKind; ms: number }[] = [];
  const staleUntil: number[] = [];
  let neverFresh = 0;
  let staleAfterEvent = 0;
  let staleBeyondBound = 0;
  for (const change of changes) {
    const committedAt = events.committedAt(change);
    let lastLacking = -1;
    bySent.forEach((answer, index) => {
      if (lacks(answer, change)) lastLacking = index;
    });
    const freshFrom = bySent[lastLacking + 1];
    if (freshFrom) timesToFresh.push({ kind: change.kind, ms: Math.max(0, freshFrom.sentAt - committedAt) });
    else neverFresh += 1;
    staleUntil.push(Math.max(0, (bySent[lastLacking]?.sentAt ?? -Infinity) - committedAt));
    const onTopicAt = events.onTopicAt(change) ?? Infinity;
    for (const answer of bySent) {
      if (!lacks(answer, change)) continue;
      if (answer.sentAt >= onTopicAt) staleAfterEvent += 1;
      if (answer.sentAt >= committedAt + boundMs) staleBeyondBound += 1;
    }
  }
  const latencies = answers.map(({ sentAt, receivedAt }) => receivedAt - sentAt).sort((a, b) => a - b);
  const cache: Record<string, number> = {};
  for (const { cache: state } of answers) if (state) cache[state] = (cache[state] ?? 0) + 1;
  return {
    requests: answers.length,
    requestsPerSecond: answers.length / (elapsedMs / 1_000),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    errors,
    cache,
    changes: changes.length,
    propagation,
    eventsMissing: changes.filter((change) => events.onTopicAt(change) === undefined).length,
    timeToFresh: spread(timesToFresh.map(({ ms }) => ms)),
    staleUntil: spread(staleUntil),
    timeToFreshByKind: byKind((kind) => spread(timesToFresh.filter((time) => time.kind === kind).map(({ ms }) => ms))),
    changesByKind: byKind((kind) => changes.filter((change) => change.kind === kind).length),
    neverFresh,
    staleAfterEvent,
    boundMs,
    staleBeyondBound,
  };
}

export interface MixedRow extends FreshnessFigures {
  readonly key: string;
  readonly label: string;
}

/**
 * The mixed workload against each gateway in turn, on `graph`'s broker and services; prints the
 * table of its rows and answers them.
 */
export async function runMixedWorkload(
  graph: ProductionGraph,
  gateways: readonly { readonly key: string; readonly label: string; readonly url: string }[],
  workload: MixedWorkload,
): Promise<MixedRow[]> {
  if (gateways.length === 0) return [];
  const caseworker = async (agency: string) => ({
    authorization: `Bearer ${await signToken({ subject: `bench-${agency}`, roles: ['caseworker'], agency }, { secret: graph.jwtSecret })}`,
  });
  const renamer = await caseworker(CLUSTER_PROGRAMME_AGENCIES[0]!);
  const grants = {
    url: graph.subgraphUrls.get('funding')!,
    headers: { ...graph.secretHeader('funding'), ...(await caseworker(GRANT_PROGRAMME.agency)) },
  };
  const levels = { url: graph.subgraphUrls.get('clusters')!, headers: { ...graph.secretHeader('clusters'), ...renamer } };
  const elsewhere = await clustersElsewhere(levels, workload.level);
  const nextClusterElsewhere = () => {
    const id = elsewhere.shift();
    if (!id) throw new Error(`The level changes ran out of clusters not at ${workload.level}: generate more (BENCH_CLUSTERS)`);
    return id;
  };
  const events = await watchEvents(
    graph.observerBroker(),
    [`${graph.topicPrefix}clusters.cluster.v1`, `${graph.topicPrefix}funding.grant.v1`],
    `${graph.topicPrefix}${EVENT_OBSERVER}.bench-freshness`,
  );
  process.stdout.write(
    `\nMixed workload: the dashboard query at ${workload.connections} connections for ${workload.durationMs / 1_000} s per row while a ` +
      `writer makes ${workload.changeRate} changes per second to what it shows, in turn a new name for one of its clusters through the ` +
      `gateway, a grant to it reported straight onto the funding service, and another cluster brought to ${workload.level} straight ` +
      `onto the clusters service:\n\n`,
  );
  const rows: MixedRow[] = [];
  try {
    for (const { key, label, url } of gateways) {
      const figures = await measureFreshness(
        {
          ...workload,
          renames: { url, headers: renamer },
          grants,
          levels,
          nextClusterElsewhere,
          namePrefix: `Freshness ${key} ${graph.topicPrefix.replace(/\.$/, '')}`,
        },
        events,
      );
      rows.push({ key, label, ...figures });
    }
  } finally {
    await events.close();
  }
  printMixedTable(rows);
  return rows;
}

function printMixedTable(rows: readonly MixedRow[]) {
  const header = [
    'mixed workload',
    'req/s',
    'p50 ms',
    'hits',
    'misses',
    'changes',
    'fresh p50',
    'p99',
    'max ms',
    'never',
    'stale after event',
    'beyond bound',
  ];
  const lines = rows.map((row) => [
    row.label,
    row.requestsPerSecond.toFixed(1),
    ms(row.p50),
    String(row.cache.hit ?? '-'),
    String(row.cache.miss ?? '-'),
    String(row.changes),
    ms(row.timeToFresh.p50),
    ms(row.timeToFresh.p99),
    ms(row.timeToFresh.max),
    String(row.neverFresh),
    String(row.staleAfterEvent),
    String(row.staleBeyondBound),
  ]);
  process.stdout.write(formatTable(header, lines));
}
