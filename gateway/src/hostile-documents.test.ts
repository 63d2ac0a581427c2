import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { signToken } from '@klynge/platform';
import { freePorts, waitFor } from '@klynge/test-infrastructure';
import { SignJWT } from 'jose';
import { gatewayConfig } from './config';
import { registeredOperation } from './registered-operations';
import { createGateway, type Gateway } from './server';
import { subgraphSettings } from './subgraphs';
import { startGatewayProcess } from './test-support/gateway-process';
import { gatewayClient, subgraphSecret, TEST_JWT_SECRET } from './test-support/graph-under-test';
import { conflictingAliases, fragmentBomb, loopingFragments, repeatedSelections } from './test-support/attacks';

/**
 * A stand-in for every subgraph: answers what `answer` says, or holds the request until
 * `release()` (a subgraph that is slow to answer). What reaches it is counted.
 */
async function fakeSubgraph() {
  let held: (() => void)[] = [];
  let answer: unknown = { data: {} };
  let holding = false;
  let received = 0;
  const server = http.createServer((request, response) => {
    received += 1;
    request.resume();
    const reply = () => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    if (holding) held.push(reply);
    else request.once('end', reply);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    received: () => received,
    held: () => held.length,
    answerWith(body: unknown) {
      answer = body;
    },
    hold() {
      holding = true;
    },
    release() {
      holding = false;
      for (const reply of held) reply();
      held = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const viewer = (subject: string) => ({ subject, roles: ['viewer' as const] });

/**
 * Documents an attacker can send, refused before graphql-js validates them (issue 26): a fragment
 * cycle once overflowed validation's stack (500), and documents of a few KB took 0.1-0.2 s each to
 * validate, so that eight clients slowed every other caller down.
 */
describe('documents that would turn validation against the graph', () => {
  let subgraph: Awaited<ReturnType<typeof fakeSubgraph>>;
  const gateways: Gateway[] = [];
  let development: ReturnType<typeof gatewayClient>;
  let production: ReturnType<typeof gatewayClient>;

  const start = async (settings: Record<string, string>) => {
    const [port] = await freePorts(1);
    const gateway = createGateway(
      gatewayConfig.load({
        PORT: String(port),
        JWT_SECRET: TEST_JWT_SECRET,
        LOG_LEVEL: 'fatal',
        ...subgraphSettings(() => subgraph.url, subgraphSecret),
        ...settings,
      }),
    );
    gateways.push(gateway);
    return gatewayClient(await gateway.start());
  };

  beforeAll(async () => {
    subgraph = await fakeSubgraph();
    development = await start({});
    production = await start({ NODE_ENV: 'production', MAX_REQUESTS_IN_FLIGHT_PER_CALLER: '4' });
  });

  afterAll(async () => {
    subgraph.release();
    await Promise.all(gateways.map((gateway) => gateway.stop()));
    await subgraph.close();
  });

  describe.each([
    ['development, anonymous', () => development, undefined],
    ['production, with any token', () => production, viewer('attacker')],
  ] as const)('in %s', (_mode, client, caller) => {
    it.each([
      ['103 fragments in a loop (a 500 before)', loopingFragments(103), 'TOO_MANY_FRAGMENTS', /103 fragments; at most 64/],
      ['40 fragments in a loop', loopingFragments(40), 'FRAGMENT_CYCLE', /F0 -> F1 -> .* -> F0/],
      ['300 fragments alternating a: slug and a: name', conflictingAliases(300), 'TOO_MANY_FRAGMENTS', /300 fragments; at most 64/],
      ['60 of them, within the fragment limit', conflictingAliases(60), 'TOO_MANY_REPEATED_FIELDS', /"a" 60 times/],
      ['900 copies of levelHistory { level }', repeatedSelections(900), 'TOO_MANY_REPEATED_FIELDS', /"levelHistory" 900 times/],
      ['a fragment bomb of 60', fragmentBomb(60), 'QUERY_TOO_LARGE', /more than 5000 selections/],
    ])('refuses %s as 400 with its code, before any subgraph is asked', async (_case, query, code, message) => {
      const before = subgraph.received();
      const answer = await client().gq(query, {}, caller);
      expect({ status: answer.status, code: answer.errors?.[0]?.extensions?.code }).toEqual({ status: 400, code });
      expect(answer.errors?.[0]?.message).toMatch(message);
      expect(answer.errors).toHaveLength(1);
      expect(subgraph.received()).toBe(before);
    });

    it('refuses a fragment that spreads itself even where no operation uses it', async () => {
      const answer = await client().gq('{ __typename } fragment Self on Cluster { name ...Self }', {}, caller);
      expect([answer.status, answer.errors?.[0]?.extensions?.code]).toEqual([400, 'FRAGMENT_CYCLE']);
    });

    it('answers a document with hundreds of mistakes with 20 errors at most', async () => {
      const mistakes = Array.from({ length: 300 }, (_, index) => `m${index}: noSuchField`).join(' ');
      const answer = await client().gq(`{ ${mistakes} }`, {}, caller);
      expect(answer.status).toBe(400);
      expect(answer.errors?.length).toBeLessThanOrEqual(20);
      expect(answer.errors?.length).toBeGreaterThan(1);
    });
  });

  it('lets the dashboard and its own queries through: every registered operation is within the limits', async () => {
    // The fake subgraph answers {} to everything: the gateway gets as far as asking it.
    for (const name of ['ClusterList', 'SupportSeries', 'ClusterProfile']) {
      const operation = registeredOperation(name);
      const before = subgraph.received();
      const answer = await production.post(
        { query: operation.text, variables: { by: 'AGENCY', slug: 'x' } },
        {
          authorization: `Bearer ${await signToken(viewer('dashboard'), { secret: TEST_JWT_SECRET })}`,
        },
      );
      expect(answer.status).toBe(200);
      expect(subgraph.received()).toBeGreaterThan(before);
    }
  });

  describe('suggestions in production', () => {
    it.each([['an enum value in a registered operation, anonymously', 'SupportSeries', { by: 'COUNT' }, /"COUNT" does not exist/]])(
      'none for %s',
      async (_case, name, variables, said) => {
        const operation = registeredOperation(name);
        const body = { variables, extensions: { persistedQuery: { version: 1, sha256Hash: operation.hash } } };
        const [inProduction, inDevelopment] = await Promise.all([production.post(body), development.post(body)]);
        expect(inProduction.errors?.[0]?.message).toMatch(said);
        expect(inProduction.errors?.[0]?.message).not.toMatch(/Did you mean/);
        // Development still helps.
        expect(inDevelopment.errors?.[0]?.message).toMatch(/Did you mean the enum value "COUNTY"\?/);
      },
    );

    it('none for an input field, with a token', async () => {
      const query = 'query($f: ClusterFilter) { clusters(filter: $f) { totalCount } }';
      const answer = await production.gq(query, { f: { txt: 'a' } }, viewer('misspeller'));
      expect(answer.errors?.[0]?.message).toMatch(/Field "txt" is not defined/);
      expect(answer.errors?.[0]?.message).not.toMatch(/Did you mean/);
      expect((await development.gq(query, { f: { txt: 'a' } })).errors?.[0]?.message).toMatch(/Did you mean "text"\?/);
    });
  });

  it('refuses a signed token whose subject is empty', async () => {
    const token = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('')
      .setIssuer('klynge')
      .setAudience('klynge-graph')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const answer = await production.post({ query: '{ __typename }' }, { authorization: `Bearer ${token}` });
    expect([answer.status, answer.errors?.[0]?.extensions?.code, answer.errors?.[0]?.message]).toEqual([
      401,
      'UNAUTHENTICATED',
      'The token names no subject',
    ]);
  });

  it("keeps one caller's requests in flight to 4 (429 beyond), while others are still served", async () => {
    // Each a different page size: the gateway sends identical subgraph queries in flight only once.
    const query = (first: number) => `{ clusters(first: ${first}) { totalCount } }`;
    subgraph.hold();
    try {
      const greedy = [1, 2, 3, 4].map((first) => production.gq(query(first), {}, viewer('greedy')));
      await waitFor('the greedy caller to fill its share', () => subgraph.held() >= 4);
      const extra = await production.gq(query(5), {}, viewer('greedy'));
      expect([extra.status, extra.errors?.[0]?.extensions?.code, extra.headers.get('retry-after')]).toEqual([
        429,
        'TOO_MANY_REQUESTS_IN_FLIGHT',
        '1',
      ]);
      // Another caller is let in (its request reaches the subgraph), and so is the greedy one once answered.
      const other = production.gq(query(6), {}, viewer('patient'));
      await waitFor('the other caller to reach the subgraph', () => subgraph.held() >= 5);
      subgraph.release();
      expect((await Promise.all([...greedy, other])).map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
      expect((await production.gq(query(7), {}, viewer('greedy'))).status).toBe(200);
    } finally {
      subgraph.release();
    }
  });

  it('writes nothing but JSON lines while attacked (the looping fragments once put a raw RangeError on stderr)', async () => {
    const gateway = await startGatewayProcess({
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'debug',
      ...subgraphSettings(() => subgraph.url, subgraphSecret),
    });
    try {
      const url = `http://127.0.0.1:${gateway.port}/graphql`;
      await waitFor(
        'the gateway process to serve',
        async () => (await fetch(url.replace('/graphql', '/ready')).catch(() => undefined))?.ok,
      );
      const attacks = [loopingFragments(103), loopingFragments(40), conflictingAliases(300), repeatedSelections(900), fragmentBomb(60)];
      for (const [index, query] of attacks.entries()) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-request-id': `attack-${index}` },
          body: JSON.stringify({ query }),
        });
        expect(response.status).toBe(400);
      }
    } finally {
      gateway.child.kill('SIGTERM');
      await gateway.exited;
    }
    const lines = gateway
      .output()
      .split('\n')
      .filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((line) => !line.startsWith('{'))).toEqual([]);
  });
});
