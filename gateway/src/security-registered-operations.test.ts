import { createHash } from 'node:crypto';
import { testCallers } from '@klynge/subgraph-under-test';
import { gatewayConfig } from './config';
import { registeredOperation, registeredOperations } from './registered-operations';
import type { Gateway } from './server';
import { subgraphSettings } from './subgraphs';
import { gatewayClient, TEST_JWT_SECRET } from './test-support/graph-under-test';
import { graphUnderAttack } from './test-support/graph-under-attack';

// Persisted queries: only registered operations, and in production anonymous callers send only those, by hash.
const attacked = graphUnderAttack('sec_operations', { world: true });

describe('automatic persisted queries', () => {
  it('takes only registered hashes, not a cache anyone can fill, and no short subgraph secret in production', async () => {
    const { gatewayUrl, client } = attacked;
    const apq = await fetch(
      `${gatewayUrl}?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } }))}`,
      {
        headers: { 'apollo-require-preflight': 'true', accept: 'application/json' },
      },
    );
    expect(((await apq.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
      'PERSISTED_QUERY_NOT_IN_LIST',
    );
    // A document sent with its hash (Apollo's way of registering it) is run, and not kept.
    const query = '{ clusterCounts { total } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const sent = await client.post({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(sent.status).toBe(400);
    expect(sent.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    const byHash = await client.post({ extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(byHash.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    const short = subgraphSettings(
      () => 'http://127.0.0.1:1/graphql',
      () => 'wrong1',
    );
    expect(() => gatewayConfig.load({ NODE_ENV: 'production', JWT_SECRET: TEST_JWT_SECRET, ...short })).toThrow(
      /_SECRET: must be at least 32 bytes long in production/,
    );
  });
});

describe('anonymous callers in production: registered operations only', () => {
  let trusted: Gateway;
  let trustedUrl: string;
  let trustedClient: ReturnType<typeof gatewayClient>;
  const byHash = (name: string, variables: Record<string, unknown> = {}) => ({
    operationName: name,
    variables,
    extensions: { persistedQuery: { version: 1, sha256Hash: registeredOperation(name).hash } },
  });
  const code = (answer: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => answer.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    // Production's defaults: ANONYMOUS_OPERATIONS is registered unless set.
    trusted = await attacked.graph.gatewayOver({ NODE_ENV: 'production' });
    trustedUrl = await trusted.start();
    trustedClient = gatewayClient(trustedUrl);
  });

  afterAll(async () => {
    await trusted?.stop();
  });

  it('refuses a document of their own, by POST or GET, saying how to send one that is registered', async () => {
    const posted = await trustedClient.post({ query: '{ clusterCounts { total } }' });
    expect([posted.status, code(posted)]).toEqual([400, 'PERSISTED_QUERY_ID_REQUIRED']);
    expect(posted.errors?.[0]?.message).toMatch(/registered operations.*by hash/);
    // Even a registered operation's own text: the public sends hashes.
    const registeredText = await trustedClient.post({ query: registeredOperation('ClustersByLevel').text });
    expect(code(registeredText)).toBe('PERSISTED_QUERY_ID_REQUIRED');
    // An empty Authorization header (or one of blanks, which Node trims away) is no token.
    for (const authorization of ['', ' \t ']) {
      const empty = await trustedClient.post({ query: '{ clusterCounts { total } }' }, { authorization });
      expect([authorization, empty.status, code(empty)]).toEqual([authorization, 400, 'PERSISTED_QUERY_ID_REQUIRED']);
    }
    // persistedQuery: null is no hash: refused as a document of their own, not a 500.
    const nullHash = await trustedClient.post({ extensions: { persistedQuery: null } });
    expect([nullHash.status, code(nullHash)]).toEqual([400, 'PERSISTED_QUERY_ID_REQUIRED']);
    const got = await fetch(`${trustedUrl}?query=${encodeURIComponent('{ clusterCounts { total } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(got.status).toBe(400);
    expect(code((await got.json()) as { errors: { extensions: Record<string, unknown> }[] })).toBe('PERSISTED_QUERY_ID_REQUIRED');
  });

  it("answers the dashboard's registered operations sent by hash, with variables, as the full document answers", async () => {
    const { client, world } = attacked;
    const level = await trustedClient.post(byHash('ClustersByLevel'));
    expect(level.status).toBe(200);
    const full = await client.post({ query: registeredOperation('ClustersByLevel').text });
    expect(level.data).toEqual(full.data);
    expect(full.data).toBeDefined();
    const { slug } = client.ok(
      await client.gq<{ cluster: { slug: string } }>('query ($id: ID!) { cluster(id: $id) { slug } }', {
        id: world.clusterA,
      }),
    ).cluster;
    const profile = await trustedClient.post<{ cluster: { slug: string } | null }>(byHash('ClusterProfile', { slug }));
    expect(profile.errors).toBeUndefined();
    expect(profile.data?.cluster?.slug).toBe(slug);
    // And by GET, which a cache in front may keep.
    const get = await fetch(
      `${trustedUrl}?operationName=ClustersByLevel&extensions=${encodeURIComponent(JSON.stringify(byHash('ClustersByLevel').extensions))}`,
      { headers: { 'apollo-require-preflight': 'true' } },
    );
    expect(get.status).toBe(200);
    expect(((await get.json()) as { data: unknown }).data).toEqual(full.data);
  });

  it("answers every one of the dashboard's operations, sent by hash, without an error", async () => {
    const { client, world } = attacked;
    const { slug } = client.ok(
      await client.gq<{ cluster: { slug: string } }>('query ($id: ID!) { cluster(id: $id) { slug } }', {
        id: world.clusterA,
      }),
    ).cluster;
    // What each operation asks of its variables (schemas/operations/dashboard.persisted.json).
    const variables: Record<string, Record<string, unknown>> = {
      SupportSeries: { by: 'AGENCY' },
      ProgrammeReach: { programmeId: world.programmeId },
    };
    const dashboard = registeredOperations().filter((operation) => operation.file === 'dashboard.persisted.json');
    expect(dashboard.length).toBeGreaterThan(10);
    for (const operation of dashboard) {
      const answer = await trustedClient.post(
        byHash(operation.name, operation.text.includes('$slug') ? { slug } : variables[operation.name]),
      );
      expect([operation.name, answer.status, answer.errors]).toEqual([operation.name, 200, undefined]);
    }
  });

  it('refuses a hash that is not registered, and a document that is not the one its hash names', async () => {
    const unknown = await trustedClient.post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
    expect([unknown.status, code(unknown)]).toEqual([400, 'PERSISTED_QUERY_NOT_IN_LIST']);
    const malformed = await trustedClient.post({ extensions: { persistedQuery: { version: 1, sha256Hash: { $gt: '' } } } });
    expect([malformed.status, code(malformed)]).toEqual([400, 'PERSISTED_QUERY_NOT_IN_LIST']);
    const swapped = await trustedClient.post({ ...byHash('ClustersByLevel'), query: '{ organizations(first: 1000) { totalCount } }' });
    expect([swapped.status, code(swapped)]).toEqual([400, 'PERSISTED_QUERY_HASH_MISMATCH']);
  });

  it('lets token holders send any document within the limits, and a bad token is still refused', async () => {
    const viewer = await trustedClient.gq<{ clusterCounts: { total: number } }>('{ clusterCounts { total } }', {}, testCallers.viewer);
    expect(viewer.errors).toBeUndefined();
    expect(viewer.data?.clusterCounts.total).toBeGreaterThan(0);
    const forged = await trustedClient.post({ query: '{ clusterCounts { total } }' }, { authorization: 'Bearer not-a-token' });
    expect([forged.status, code(forged)]).toEqual([401, 'UNAUTHENTICATED']);
  });
});
