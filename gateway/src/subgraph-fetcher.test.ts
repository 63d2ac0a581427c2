import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SharingEpoch } from './sharing-epoch';
import { subgraphFetcher } from './subgraph-fetcher';

const URL = 'http://127.0.0.1:4002/graphql';
const QUERY = JSON.stringify({
  query: 'query Dashboard__funding__1($representations:[_Any!]!){_entities(representations:$representations){__typename}}',
  variables: { representations: [] },
});
const MUTATION = JSON.stringify({ query: 'mutation Award__funding__0{awardGrant{id}}', variables: {} });

/** A subgraph that answers each request once `release` is called, counting what it was sent. */
function slowSubgraph() {
  const sent: { url: string; init: RequestInit }[] = [];
  const waiting: (() => void)[] = [];
  const send = (async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    await new Promise<void>((resolve) => waiting.push(resolve));
    return new Response(JSON.stringify({ data: { n: sent.length } }), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return {
    sent,
    send,
    release: () => waiting.splice(0).forEach((resolve) => resolve()),
    /** Answers the oldest request still waiting alone. */
    releaseFirst: () => waiting.shift()?.(),
  };
}

const post = (body: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  body,
  headers: { 'content-type': 'application/json', ...headers },
});

/** Waits until `count` requests have reached the subgraph (each fetch reaches it on a later tick). */
async function reached(subgraph: ReturnType<typeof slowSubgraph>, count: number) {
  for (let tick = 0; tick < 100 && subgraph.sent.length < count; tick += 1) await new Promise(setImmediate);
  expect(subgraph.sent).toHaveLength(count);
}

describe('the subgraph fetcher', () => {
  it('sends identical queries in flight together once, each caller reading its own copy', async () => {
    const subgraph = slowSubgraph();
    const fetcher = subgraphFetcher({ timeoutMs: 60_000, send: subgraph.send });
    const answers = [
      fetcher(URL, post(QUERY, { authorization: 'Bearer a', 'x-request-id': 'one', traceparent: '00-a-b-01' })),
      fetcher(URL, post(QUERY, { authorization: 'Bearer a', 'x-request-id': 'two', traceparent: '00-c-d-01' })),
    ];
    await reached(subgraph, 1);
    subgraph.release();
    const [first, second] = await Promise.all(answers);
    const [firstBody, secondBody] = [await first!.json(), await second!.json()];
    expect(firstBody).toEqual({ data: { n: 1 } });
    expect(secondBody).toEqual({ data: { n: 1 } });
    // The gateway merges each answer into its own result: the copies never share an object.
    expect(firstBody).not.toBe(secondBody);
    expect((firstBody as { data: object }).data).not.toBe((secondBody as { data: object }).data);
    expect(first!.headers.get('content-type')).toBe('application/json');
    expect([first!.ok, first!.status]).toEqual([true, 200]);
    // A body is read once, as a fetch Response's is.
    await expect(first!.text()).rejects.toThrow(TypeError);
    expect(subgraph.sent).toHaveLength(1);
  });

  it('sends queries for different callers, mutations and queries asked after an answer each on their own', async () => {
    const subgraph = slowSubgraph();
    const fetcher = subgraphFetcher({ timeoutMs: 60_000, send: subgraph.send });
    const inFlight = [
      fetcher(URL, post(QUERY, { authorization: 'Bearer a' })),
      fetcher(URL, post(QUERY, { authorization: 'Bearer b' })),
      fetcher(URL, post(QUERY)),
      fetcher(URL, post(MUTATION, { authorization: 'Bearer a' })),
      fetcher(URL, post(MUTATION, { authorization: 'Bearer a' })),
    ];
    await reached(subgraph, 5);
    subgraph.release();
    await Promise.all(inFlight);
    const later = fetcher(URL, post(QUERY, { authorization: 'Bearer a' }));
    await reached(subgraph, 6);
    subgraph.release();
    expect(await (await later).json()).toEqual({ data: { n: 6 } });
  });

  it('sends a query asked after the data may have changed afresh, and shares that one, also once the one sent before has answered', async () => {
    const subgraph = slowSubgraph();
    const epoch = new SharingEpoch();
    const fetcher = subgraphFetcher({ timeoutMs: 60_000, send: subgraph.send, epoch });
    const before = fetcher(URL, post(QUERY, { authorization: 'Bearer a' }));
    await reached(subgraph, 1);
    // An event came in (or a mutation answered) while the first was in flight.
    epoch.advance();
    const after = fetcher(URL, post(QUERY, { authorization: 'Bearer a' }));
    await reached(subgraph, 2);
    // The one sent before answers first; its end must not drop the one sent after from those in flight.
    subgraph.releaseFirst();
    await before;
    const joining = fetcher(URL, post(QUERY, { authorization: 'Bearer a' }));
    subgraph.release();
    expect(await (await joining).json()).toEqual(await (await after).json());
    expect(subgraph.sent).toHaveLength(2);
  });

  it('gives every caller of a shared request its failure', async () => {
    const refused: typeof fetch = () => Promise.reject(new Error('connect ECONNREFUSED'));
    const fetcher = subgraphFetcher({ timeoutMs: 60_000, send: refused });
    const answers = await Promise.allSettled([fetcher(URL, post(QUERY)), fetcher(URL, post(QUERY))]);
    expect(answers.map((answer) => answer.status)).toEqual(['rejected', 'rejected']);
  });

  it('gives up on a subgraph that takes a request and never answers, at its deadline, and asks it afresh next time', async () => {
    // A real socket that reads the request and writes nothing back, as a subgraph stuck on its database does.
    const taken: http.ServerResponse[] = [];
    const silent = http.createServer((_request, response) => void taken.push(response));
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`;
    try {
      // Long enough for the silent server to have read each request before its deadline on a busy
      // machine (at 300 ms, CI's load once left one unread, and `taken` one short).
      const fetcher = subgraphFetcher({ timeoutMs: 1_500 });
      const started = Date.now();
      const answers = await Promise.allSettled([fetcher(url, post(QUERY)), fetcher(url, post(QUERY)), fetcher(url, post(MUTATION))]);
      expect(answers.map((answer) => answer.status)).toEqual(['rejected', 'rejected', 'rejected']);
      expect((answers[0] as PromiseRejectedResult).reason).toMatchObject({ name: 'TimeoutError' });
      // The deadline, not the test's own timeout: well under it even on a busy machine.
      expect(Date.now() - started).toBeLessThan(10_000);
      // The two queries were one request; the mutation its own. The failed one is not kept for later callers.
      expect(taken).toHaveLength(2);
      await expect(fetcher(url, post(QUERY))).rejects.toMatchObject({ name: 'TimeoutError' });
      expect(taken).toHaveLength(3);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  }, 30_000);
});
