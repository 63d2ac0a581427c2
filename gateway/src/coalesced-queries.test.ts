import type { ApolloGateway } from '@apollo/gateway';
import { parse } from 'graphql';
import { coalescingIdenticalQueries } from './coalesced-queries';
import { SharingEpoch } from './sharing-epoch';

type Loaded = Awaited<ReturnType<ApolloGateway['load']>>;
type Executor = NonNullable<Loaded['executor']>;
type ExecutionRequest = Parameters<Executor>[0];

/** A gateway whose executor answers each request once `release` is called, counting what it executed. */
function slowGateway() {
  const executed: ExecutionRequest[] = [];
  const waiting: (() => void)[] = [];
  let failNext = false;
  const executor: Executor = async (request) => {
    executed.push(request);
    const n = executed.length;
    const fail = failNext;
    failNext = false;
    await new Promise<void>((resolve) => waiting.push(resolve));
    if (fail) throw new Error('a subgraph could not answer');
    return { data: { n } };
  };
  const gateway = {
    load: () => Promise.resolve({ executor } as Loaded),
    onSchemaLoadOrUpdate: () => () => undefined,
    stop: () => Promise.resolve(),
  } as Pick<ApolloGateway, 'load' | 'onSchemaLoadOrUpdate' | 'stop'>;
  return {
    gateway,
    executed,
    release: () => waiting.splice(0).forEach((resolve) => resolve()),
    /** Answers the `n`th execution (from 1) alone, the others staying in flight. */
    releaseExecution: (n: number) => waiting[n - 1]?.(),
    failNext: () => (failNext = true),
  };
}

const QUERY = 'query Dashboard($level: ClusterLevel!) { clusters(filter: { level: $level }) { totalCount } }';
const MUTATION = 'mutation Award { awardGrant { id } }';

/** What Apollo Server hands the gateway's executor for `query` with `variables`, sent with `authorization`. */
function requestFor(query: string, variables: Record<string, unknown>, authorization?: string): ExecutionRequest {
  const document = parse(query);
  const operation = document.definitions[0]!;
  return {
    request: { query, variables, operationName: undefined },
    queryHash: `hash of ${query}`,
    document,
    operation,
    operationName: null,
    context: { requestId: `request ${Math.random()}`, authorization },
  } as unknown as ExecutionRequest;
}

async function coalescedExecutor(
  gateway: ReturnType<typeof slowGateway>['gateway'],
  joined: ExecutionRequest[] = [],
  epoch = new SharingEpoch(),
) {
  const coalesced = coalescingIdenticalQueries(
    gateway,
    ({ context }) => (context as { authorization?: string }).authorization,
    (request) => joined.push(request),
    epoch,
  );
  const { executor } = await coalesced.load({ apollo: { key: undefined, keyHash: undefined, graphRef: undefined } });
  return executor;
}

describe('coalescing identical queries', () => {
  it('executes a query asked again by the same caller while it is in flight once, every request getting its result', async () => {
    const slow = slowGateway();
    const joined: ExecutionRequest[] = [];
    const execute = await coalescedExecutor(slow.gateway, joined);
    const requests = [1, 2, 3].map(() => requestFor(QUERY, { level: 'NCE' }, 'Bearer a'));
    const results = requests.map((request) => execute(request));
    slow.release();
    expect(await Promise.all(results)).toEqual([{ data: { n: 1 } }, { data: { n: 1 } }, { data: { n: 1 } }]);
    expect(slow.executed).toHaveLength(1);
    // The two given the first one's result are named (the response cache keeps only the first's answer).
    expect(joined).toEqual([requests[1], requests[2]]);
  });

  it('lets no query asked after a mutation answered join an execution that began before it', async () => {
    const slow = slowGateway();
    const execute = await coalescedExecutor(slow.gateway);
    const before = execute(requestFor(QUERY, { level: 'NCE' }, 'Bearer a'));
    const mutation = execute(requestFor(MUTATION, {}, 'Bearer a'));
    // The mutation answers while the query that began before it is still in flight.
    slow.releaseExecution(2);
    await mutation;
    const after = execute(requestFor(QUERY, { level: 'NCE' }, 'Bearer a'));
    slow.release();
    expect(await before).toEqual({ data: { n: 1 } });
    expect(await after).toEqual({ data: { n: 3 } });
    expect(slow.executed).toHaveLength(3);
  });

  it('lets no query asked after an event came in join an execution that began before it, and later ones join the new one', async () => {
    const slow = slowGateway();
    const joined: ExecutionRequest[] = [];
    const epoch = new SharingEpoch();
    const execute = await coalescedExecutor(slow.gateway, joined, epoch);
    const before = execute(requestFor(QUERY, { level: 'NCE' }, 'Bearer a'));
    // The gateway reads an event while the first execution is in flight.
    epoch.advance();
    const requests = [1, 2].map(() => requestFor(QUERY, { level: 'NCE' }, 'Bearer a'));
    const after = requests.map((request) => execute(request));
    slow.releaseExecution(1);
    expect(await before).toEqual({ data: { n: 1 } });
    slow.release();
    expect(await Promise.all(after)).toEqual([{ data: { n: 2 } }, { data: { n: 2 } }]);
    expect(slow.executed).toHaveLength(2);
    expect(joined).toEqual([requests[1]]);
    // The first one's end does not drop the second from the queries in flight (it answered already here).
    const next = execute(requestFor(QUERY, { level: 'NCE' }, 'Bearer a'));
    expect(slow.executed).toHaveLength(3);
    slow.release();
    expect(await next).toEqual({ data: { n: 3 } });
  });

  it('keeps the execution begun after an event joinable when the one begun before it ends first', async () => {
    const slow = slowGateway();
    const epoch = new SharingEpoch();
    const execute = await coalescedExecutor(slow.gateway, [], epoch);
    const before = execute(requestFor(QUERY, { level: 'NCE' }, 'Bearer a'));
    epoch.advance();
    const after = execute(requestFor(QUERY, { level: 'NCE' }, 'Bearer a'));
    slow.releaseExecution(1);
    await before;
    const joining = execute(requestFor(QUERY, { level: 'NCE' }, 'Bearer a'));
    expect(slow.executed).toHaveLength(2);
    slow.release();
    expect(await Promise.all([after, joining])).toEqual([{ data: { n: 2 } }, { data: { n: 2 } }]);
  });

  it('executes queries of different callers or variables, mutations and queries asked after a result each on their own', async () => {
    const slow = slowGateway();
    const execute = await coalescedExecutor(slow.gateway);
    const inFlight = [
      execute(requestFor(QUERY, { level: 'NCE' }, 'Bearer a')),
      execute(requestFor(QUERY, { level: 'NCE' }, 'Bearer b')),
      execute(requestFor(QUERY, { level: 'NCE' })),
      execute(requestFor(QUERY, { level: 'GCE' }, 'Bearer a')),
      execute(requestFor(MUTATION, {}, 'Bearer a')),
      execute(requestFor(MUTATION, {}, 'Bearer a')),
    ];
    expect(slow.executed).toHaveLength(6);
    slow.release();
    await Promise.all(inFlight);
    const later = execute(requestFor(QUERY, { level: 'NCE' }, 'Bearer a'));
    expect(slow.executed).toHaveLength(7);
    slow.release();
    expect(await later).toEqual({ data: { n: 7 } });
  });

  it('gives every request of a shared execution its failure, and executes the next afresh', async () => {
    const slow = slowGateway();
    const execute = await coalescedExecutor(slow.gateway);
    slow.failNext();
    const failing = Promise.allSettled([execute(requestFor(QUERY, { level: 'NCE' })), execute(requestFor(QUERY, { level: 'NCE' }))]);
    slow.release();
    expect((await failing).map(({ status }) => status)).toEqual(['rejected', 'rejected']);
    expect(slow.executed).toHaveLength(1);
    const next = execute(requestFor(QUERY, { level: 'NCE' }));
    expect(slow.executed).toHaveLength(2);
    slow.release();
    expect(await next).toEqual({ data: { n: 2 } });
  });
});
