import { setTimeout as delay } from 'node:timers/promises';
import type { Caller } from '@klynge/platform';
import { testCallers } from '@klynge/subgraph-under-test';
import type { TestDatabase } from '@klynge/test-infrastructure';
import { DASHBOARD, type Dashboard } from './dashboard-query';
import { type GatewayAnswer, type gatewayClient } from './graph-under-test';
import { ANSWERED_BY } from './haproxy';
import type { World } from './world';

type Client = ReturnType<typeof gatewayClient>;

const { admin, managerOf } = testCallers;
const innovasjonNorge = testCallers.caseworker('innovasjon-norge');

/** One dashboard read: its answer, or why there was none. */
export interface Read {
  readonly phase: string;
  readonly sentAt: number;
  readonly at: number;
  readonly answer?: GatewayAnswer<Dashboard>;
  readonly failure?: string;
}

/** The dashboard of `variables` read through `client`, every read recorded. */
export function dashboardReads(client: Client, variables: Record<string, string>, full: Dashboard) {
  const reads: Read[] = [];
  const read = async (phase: string) => {
    const sentAt = Date.now();
    try {
      reads.push({ phase, sentAt, at: Date.now(), answer: await client.gq<Dashboard>(DASHBOARD, variables) });
    } catch (error) {
      reads.push({ phase, sentAt, at: Date.now(), failure: failureOf(error) });
    }
  };
  return {
    reads,
    read,
    /** A 200 with the whole dashboard, as it was when the test began. */
    isComplete: (r: Read) => r.answer?.status === 200 && !r.answer.errors && JSON.stringify(r.answer.data) === JSON.stringify(full),
    /** A 200 whose errors each say a subgraph could not answer. */
    isDegraded: (r: Read) =>
      r.answer?.status === 200 &&
      (r.answer.errors?.length ?? 0) > 0 &&
      r.answer.errors!.every((error) => error.extensions?.code === 'SUBGRAPH_UNAVAILABLE'),
    /** `clients` readers, each asking again as soon as it has its answer, for `ms`. */
    async readFor(phase: string, clients: number, ms: number) {
      const until = Date.now() + ms;
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (Date.now() < until) await read(phase);
        }),
      );
    },
  };
}

export type DashboardReads = ReturnType<typeof dashboardReads>;

/** The mutations the load makes, each found again by its key in its service's database. */
export type MutationKind = 'registerCluster' | 'createApplication' | 'submitApplication' | 'startReview' | 'decideApplication';

export interface MutationAttempt {
  readonly kind: MutationKind;
  /** The cluster's name, the application's title, or the application's id for its steps. */
  readonly key: string;
  /**
   * accepted: a 200 without errors; refused: a 200 with errors (e.g. the subgraph's instance died
   * under it); failed: anything else (the gateway's instance died under it).
   */
  readonly outcome: 'accepted' | 'refused' | 'failed';
  readonly status: number | 'no answer';
  /** The errors' codes, or why there was no answer. */
  readonly codes: readonly string[];
  /** The instance HAProxy says answered, if one did. */
  readonly answeredBy: string | null;
  readonly at: number;
}

/** An application's steps after its creation: the mutation, who makes it, and the status it records. */
const STEPS: readonly { kind: MutationKind; status: string; document: string; caller: (cluster: string) => Caller }[] = [
  {
    kind: 'submitApplication',
    status: 'SUBMITTED',
    document: 'mutation($id: ID!) { submitApplication(id: $id) { status } }',
    caller: managerOf,
  },
  {
    kind: 'startReview',
    status: 'UNDER_REVIEW',
    document: 'mutation($id: ID!) { startReview(id: $id) { status } }',
    caller: () => innovasjonNorge,
  },
  {
    kind: 'decideApplication',
    status: 'GRANTED',
    document: 'mutation($id: ID!) { decideApplication(id: $id, input: { decision: GRANTED, plannedEnd: "2019-10-31" }) { grant { id } } }',
    caller: () => innovasjonNorge,
  },
];
export const MUTATION_KINDS: readonly MutationKind[] = ['registerCluster', 'createApplication', ...STEPS.map((step) => step.kind)];

/**
 * A bounded load until `stop()`: `readers` reading the dashboard, each pausing `pauseMs` between
 * answers, and one client making mutations one after another with the same pause. Each round
 * registers a cluster (its event goes to four other services' directories) and takes an
 * application of cluster B from its creation to a grant (the grant's event goes to clusters and
 * competence). A step not accepted ends its application's way: it may or may not have been applied.
 */
export function startLoad(options: {
  readonly client: Client;
  readonly dashboard: DashboardReads;
  readonly world: World;
  readonly readers: number;
  readonly pauseMs: number;
}) {
  const { client, dashboard, world } = options;
  const stopping = new AbortController();
  const pause = () => delay(options.pauseMs, undefined, { signal: stopping.signal }).catch(() => undefined);
  const attempts: MutationAttempt[] = [];

  const mutate = async <T>(kind: MutationKind, key: string, document: string, variables: Record<string, unknown>, caller: Caller) => {
    let answer: GatewayAnswer<T> | undefined;
    let failure: string | undefined;
    try {
      answer = await client.gq<T>(document, variables, caller);
    } catch (error) {
      failure = failureOf(error);
    }
    const outcome = answer?.status === 200 ? (answer.errors ? 'refused' : 'accepted') : 'failed';
    attempts.push({
      kind,
      key,
      outcome,
      status: answer?.status ?? 'no answer',
      codes: failure ? [failure] : (answer?.errors ?? []).map((error) => String(error.extensions?.code ?? error.message.slice(0, 80))),
      answeredBy: answer?.headers.get(ANSWERED_BY) ?? null,
      at: Date.now(),
    });
    await pause();
    return outcome === 'accepted' ? answer!.data : undefined;
  };

  const mutations = async () => {
    for (let round = 1; !stopping.signal.aborted; round += 1) {
      const name = `NCE Replica ${round} (generated)`;
      await mutate(
        'registerCluster',
        name,
        'mutation($input: RegisterClusterInput!) { registerCluster(input: $input) { id } }',
        { input: { name, level: 'NCE', levelSince: '2006-01-01', countyCode: '34' } },
        admin,
      );
      const title = `Replica application ${round}`;
      const created = await mutate<{ createApplication: { id: string } }>(
        'createApplication',
        title,
        'mutation($input: CreateApplicationInput!) { createApplication(input: $input) { id } }',
        { input: { callId: world.callId, clusterId: world.clusterB, title, requested: '1000' } },
        managerOf(world.clusterB),
      );
      if (!created) continue;
      const id = created.createApplication.id;
      for (const step of STEPS) if (!(await mutate(step.kind, id, step.document, { id }, step.caller(world.clusterB)))) break;
    }
  };
  const reads = async () => {
    while (!stopping.signal.aborted) {
      await dashboard.read('faults');
      await pause();
    }
  };
  const running = Promise.all([...Array.from({ length: options.readers }, reads), mutations()]);

  return {
    attempts,
    async stop() {
      stopping.abort();
      await running;
    },
  };
}

/**
 * How often each attempted mutation was applied, by `<kind>:<key>`, from its service's database:
 * the clusters by name, the applications by title, their steps by the status each recorded.
 */
export async function appliedCounts(
  db: (name: string) => TestDatabase,
  attempts: readonly MutationAttempt[],
): Promise<Map<string, number>> {
  const keys = (kind: MutationKind) => attempts.filter((attempt) => attempt.kind === kind).map((attempt) => attempt.key);
  const counts = new Map<string, number>();
  const add = (kind: MutationKind, rows: readonly { key: string; n: string }[]) => {
    for (const row of rows) counts.set(`${kind}:${row.key}`, Number(row.n));
  };
  add(
    'registerCluster',
    await db('clusters').query('SELECT name AS key, count(*) AS n FROM clusters WHERE name = ANY($1) GROUP BY name', [
      keys('registerCluster'),
    ]),
  );
  add(
    'createApplication',
    await db('funding').query('SELECT title AS key, count(*) AS n FROM applications WHERE title = ANY($1) GROUP BY title', [
      keys('createApplication'),
    ]),
  );
  for (const step of STEPS) {
    add(
      step.kind,
      await db('funding').query(
        'SELECT application_id::text AS key, count(*) AS n FROM application_steps WHERE application_id = ANY($1::uuid[]) AND status = $2 GROUP BY application_id',
        [keys(step.kind), step.status],
      ),
    );
  }
  return counts;
}

/** An error's message and its cause's (fetch's errors come from outside jest's realm: no instanceof). */
export function failureOf(error: unknown): string {
  const { message, cause } = error as { message?: string; cause?: { message?: string; code?: string } };
  return [message ?? String(error), cause?.code, cause?.message].filter(Boolean).join(': ');
}
