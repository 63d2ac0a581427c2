import type { Caller } from '@klynge/platform';
import { testCallers } from '@klynge/subgraph-under-test';
import { type DedicatedRedis, startDedicatedRedis, waitFor } from '@klynge/test-infrastructure';
import { gatewayConfig } from './config';
import { registeredOperation } from './registered-operations';
import { CACHE_HEADER } from './response-cache/http';
import type { Gateway } from './server';
import { subgraphSettings } from './subgraphs';
import {
  GRAPH_SETUP_TIMEOUT_MS,
  gatewayClient,
  type GatewayAnswer,
  type GraphUnderTest,
  startGraphUnderTest,
  subgraphSecret,
  TEST_JWT_SECRET,
} from './test-support/graph-under-test';
import { awardGrant, buildWorld, type World, worldClusters } from './test-support/world';

const { admin } = testCallers;

interface ClusterFunding {
  cluster: { slug: string; grants: { id: string }[] };
}
interface ClusterList {
  clusters: { totalCount: number; edges: { node: { slug: string } }[] };
}
type Client = ReturnType<typeof gatewayClient>;

const cacheOf = (answer: GatewayAnswer<unknown>) => answer.headers.get(CACHE_HEADER);

describe('RESPONSE_CACHE=redis, as configured', () => {
  const load = (settings: Record<string, string>) => () =>
    gatewayConfig.load({
      JWT_SECRET: TEST_JWT_SECRET,
      ...subgraphSettings(() => 'http://127.0.0.1:4001/graphql', subgraphSecret),
      ...settings,
    });

  it('needs a Redis URL, refuses a bad one, and never repeats its password', () => {
    expect(load({ RESPONSE_CACHE: 'redis' })).toThrow(/RESPONSE_CACHE_REDIS_URL: is required with RESPONSE_CACHE=redis/);
    const bad = load({ RESPONSE_CACHE: 'redis', RESPONSE_CACHE_REDIS_URL: 'http://:hunter2-secret@127.0.0.1:6380' });
    expect(bad).toThrow(/RESPONSE_CACHE_REDIS_URL: must be a URL starting with redis: or rediss:$/m);
    expect(bad).not.toThrow(/hunter2/);
    expect(load({ RESPONSE_CACHE: 'redis', RESPONSE_CACHE_REDIS_URL: 'not a url :hunter2' })).not.toThrow(/hunter2/);
    expect(load({ RESPONSE_CACHE: 'redis', RESPONSE_CACHE_REDIS_URL: 'redis://:secret@127.0.0.1:6380/2' })().RESPONSE_CACHE).toBe('redis');
  });
});

/**
 * Two gateways sharing one Redis (a redis-server of this test's own), over the real subgraphs,
 * each reading the events from the real broker: one's answer is a hit at the other, an event
 * drops what it touches for both, no caller gets another's answer, and a Redis that goes away
 * leaves answers correct (uncached) and nothing stale behind when it is back.
 */
describe('the response cache shared by two gateways in Redis', () => {
  let graph: GraphUnderTest;
  let redis: DedicatedRedis;
  const gateways: Gateway[] = [];
  let a: Client;
  let b: Client;
  let world: World;
  let clusters: ReadonlyMap<'A' | 'B', { id: string; slug: string }>;

  const clusterFunding = (client: Client, name: 'A' | 'B', caller?: Caller) =>
    client.gq<ClusterFunding>(registeredOperation('ClusterFunding').text, { slug: clusters.get(name)!.slug }, caller);
  const clusterList = (client: Client) => client.gq<ClusterList>(registeredOperation('ClusterList').text);
  const counter = async (gateway: Gateway, name: string, label?: Record<string, string>) => {
    const values = (await gateway.metrics.registry.getSingleMetric(name)!.get()).values;
    return values
      .filter((value) => Object.entries(label ?? {}).every(([key, wanted]) => value.labels[key] === wanted))
      .reduce((sum, value) => sum + value.value, 0);
  };
  const register = async (name: string) =>
    a.ok(
      await a.gq<{ registerCluster: { id: string; slug: string } }>(
        `mutation($input: RegisterClusterInput!) { registerCluster(input: $input) { id slug } }`,
        { input: { name, level: 'NCE', levelSince: '2006-01-01', countyCode: '34' } },
        admin,
      ),
    ).registerCluster;
  /** Until the answer at `client` is a hit (another gateway's store may still be on its way to Redis). */
  const hitAt = (client: Client, ask: (client: Client) => Promise<GatewayAnswer<unknown>>, what: string) =>
    waitFor(`${what} to be a hit`, async () => cacheOf(await ask(client)) === 'hit');

  beforeAll(async () => {
    [graph, redis] = await Promise.all([startGraphUnderTest('rredis'), startDedicatedRedis('response-cache')]);
    const settings = {
      RESPONSE_CACHE: 'redis',
      RESPONSE_CACHE_REDIS_URL: redis.url,
      // A frozen Redis is noticed soon.
      RESPONSE_CACHE_REDIS_TIMEOUT_MS: '300',
    };
    gateways.push(await graph.gatewayOver(settings), await graph.gatewayOver(settings));
    [a, b] = (await Promise.all(gateways.map((gateway) => gateway.start()))).map(gatewayClient) as [Client, Client];
    world = await buildWorld(graph, a);
    clusters = await worldClusters(a, world);
    await graph.settled();
    // Each gateway reads the setup's events after the services applied them, and drops any
    // aggregate with each: once one asked at each gateway in turn stays a hit, both have read them.
    const counts = (client: Client) => client.gq('{ clusterCounts { total } }');
    await waitFor(
      "both gateways to have read the setup's events",
      async () => {
        await counts(a);
        return cacheOf(await counts(b)) === 'hit' && cacheOf(await counts(a)) === 'hit';
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
  }, GRAPH_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.stop()));
    await graph?.close();
    await redis?.destroy();
  });

  it("serves one gateway's answer at the other; an event drops what it touches for both, and keeps the rest", async () => {
    for (const name of ['A', 'B'] as const) {
      expect(cacheOf(await clusterFunding(a, name))).toBe('miss');
      await hitAt(b, (client) => clusterFunding(client, name), `cluster ${name}'s answer, computed at gateway A, at gateway B`);
    }
    expect(cacheOf(await clusterList(b))).toBe('miss');
    await hitAt(a, clusterList, 'the list, computed at gateway B, at gateway A');
    const list = await clusterList(a);

    const grantId = await awardGrant(a, world, clusters.get('B')!.id);
    // Each gateway drops B's answer in Redis as it reads the grant's events.
    for (const client of [a, b])
      await waitFor('cluster B to show its new grant', async () =>
        client.ok(await clusterFunding(client, 'B')).cluster.grants.some((grant) => grant.id === grantId),
      );
    await graph.settled();
    expect(
      (await counter(gateways[0]!, 'klynge_response_cache_invalidations_total', { reason: 'entity' })) +
        (await counter(gateways[1]!, 'klynge_response_cache_invalidations_total', { reason: 'entity' })),
    ).toBeGreaterThan(0);
    // The grant's events named cluster B only: A's answer was never dropped, at either gateway.
    expect(cacheOf(await clusterFunding(a, 'A'))).toBe('hit');
    expect(cacheOf(await clusterFunding(b, 'A'))).toBe('hit');
    await hitAt(b, (client) => clusterFunding(client, 'B'), "B's answer, once its events have settled,");

    // A new cluster joins the list: the list answer goes for both gateways, and comes back with it.
    await hitAt(b, clusterList, 'the list');
    const joined = await register('NCE Shared C');
    for (const client of [b, a])
      await waitFor('the list to show the new cluster', async () =>
        client.ok(await clusterList(client)).clusters.edges.some(({ node }) => node.slug === joined.slug),
      );
    expect(a.ok(await clusterList(b)).clusters.totalCount).toBe(a.ok(list).clusters.totalCount + 1);
    expect(cacheOf(await clusterFunding(b, 'A'))).toBe('hit');
  });

  it("never serves a token holder's answer to another caller, at any gateway", async () => {
    const viewer = { subject: 'shared-viewer-1', roles: ['viewer'] } satisfies Caller;
    const otherViewer = { subject: 'shared-viewer-2', roles: ['viewer'] } satisfies Caller;
    // A query only token holders have asked yet: no anonymous answer of it is kept.
    const mine = (client: Client, caller?: Caller) =>
      client.gq(`query Mine { cluster(slug: "${clusters.get('A')!.slug}") { id name county { name } } }`, {}, caller);
    expect(cacheOf(await mine(a, viewer))).toBe('miss');
    // The same caller's own answer is theirs at every gateway...
    await hitAt(b, (client) => mine(client, viewer), "the viewer's own answer at the other gateway");
    // ...and no one else's: not another subject's, not the same subject's with other roles, not an anonymous caller's.
    expect(cacheOf(await mine(b, otherViewer))).toBe('miss');
    expect(cacheOf(await mine(b, { ...viewer, roles: ['viewer', 'staff'] }))).toBe('miss');
    expect(cacheOf(await mine(b))).toBe('miss');
    expect(cacheOf(await mine(a, viewer))).toBe('hit');
  });

  it('answers uncached while Redis is unreachable, and keeps nothing stale once it is back', async () => {
    await hitAt(a, clusterList, 'the list');
    await hitAt(b, clusterList, 'the list');
    // Frozen: it keeps the list answer, and every connection, but answers nothing.
    redis.pause();
    let joined: { slug: string };
    try {
      for (const client of [a, b])
        await waitFor('answers to be computed uncached', async () => cacheOf(await clusterList(client)) === 'bypass');
      // The list changes while no gateway can drop the answer kept in Redis.
      joined = await register('NCE Unreachable D');
      for (const client of [a, b])
        await waitFor('the list to show the cluster registered during the outage', async () => {
          const answer = await clusterList(client);
          return cacheOf(answer) === 'bypass' && client.ok(answer).clusters.edges.some(({ node }) => node.slug === joined.slug);
        });
      await graph.settled();
      for (const gateway of gateways) {
        expect(await counter(gateway, 'klynge_response_cache_bypasses_total', { reason: 'store_unavailable' })).toBeGreaterThan(0);
        expect(await counter(gateway, 'klynge_response_cache_store_errors_total')).toBeGreaterThan(0);
      }
    } finally {
      redis.resume();
    }
    // Back: the first answer either gateway serves from Redis again is never the list kept before the outage.
    for (const client of [a, b])
      await waitFor('the cache to serve again', async () => {
        const answer = await clusterList(client);
        if (cacheOf(answer) === 'bypass') return false;
        expect(client.ok(answer).clusters.edges.some(({ node }) => node.slug === joined.slug)).toBe(true);
        return cacheOf(answer) === 'hit';
      });

    // Killed, and started again empty: answers meanwhile are computed, then kept again.
    await redis.kill();
    for (const client of [a, b]) {
      await waitFor('answers to be computed uncached', async () => cacheOf(await clusterFunding(client, 'A')) === 'bypass');
      expect(client.ok(await clusterFunding(client, 'A')).cluster.slug).toBe(clusters.get('A')!.slug);
    }
    await redis.start();
    await waitFor('gateway A to keep answers again', async () => cacheOf(await clusterFunding(a, 'A')) === 'miss', { timeoutMs: 30_000 });
    await hitAt(b, (client) => clusterFunding(client, 'A'), "A's answer, computed at gateway A after Redis came back, at gateway B");
  });
});
