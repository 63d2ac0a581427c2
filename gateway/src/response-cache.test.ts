import type { Caller } from '@klynge/platform';
import { testCallers } from '@klynge/subgraph-under-test';
import { waitFor } from '@klynge/test-infrastructure';
import { registeredOperation } from './registered-operations';
import { CACHE_HEADER } from './response-cache/http';
import type { Gateway } from './server';
import { awardGrant, buildWorld, type World, worldClusters } from './test-support/world';
import {
  GRAPH_SETUP_TIMEOUT_MS,
  gatewayClient,
  type GatewayAnswer,
  type GraphUnderTest,
  startGraphUnderTest,
} from './test-support/graph-under-test';

const { admin, managerOf } = testCallers;

interface ClusterFunding {
  cluster: { slug: string; grants: { id: string }[] };
}
interface ClusterList {
  clusters: { totalCount: number; edges: { node: { slug: string } }[] };
}

/**
 * The response cache over the real subgraphs, its events read from the real broker: an event
 * drops the answers it touches and no others, a list answer a new entity joins goes, and no
 * caller is ever served another's answer.
 */
describe('the response cache, kept exact by the events', () => {
  let graph: GraphUnderTest;
  let gateway: Gateway;
  let client: ReturnType<typeof gatewayClient>;
  let url: string;
  let clusters: ReadonlyMap<'A' | 'B', { id: string; slug: string }>;

  const clusterFunding = (name: 'A' | 'B', caller?: Caller) =>
    client.gq<ClusterFunding>(registeredOperation('ClusterFunding').text, { slug: clusters.get(name)!.slug }, caller);
  const clusterList = () => client.gq<ClusterList>(registeredOperation('ClusterList').text);
  const cacheOf = (answer: GatewayAnswer<unknown>) => answer.headers.get(CACHE_HEADER);
  const counter = async (name: string, reason?: string) => {
    const values = (await gateway.metrics.registry.getSingleMetric(name)!.get()).values;
    return values.filter((value) => reason === undefined || value.labels.reason === reason).reduce((sum, value) => sum + value.value, 0);
  };
  let world: World;
  const register = async (name: string) =>
    client.ok(
      await client.gq<{ registerCluster: { id: string; slug: string } }>(
        `mutation($input: RegisterClusterInput!) { registerCluster(input: $input) { id slug } }`,
        { input: { name, level: 'NCE', levelSince: '2006-01-01', countyCode: '34' } },
        admin,
      ),
    ).registerCluster;

  beforeAll(async () => {
    graph = await startGraphUnderTest('rcache');
    gateway = await graph.gatewayOver();
    url = await gateway.start();
    client = gatewayClient(url);
    world = await buildWorld(graph, client);
    clusters = await worldClusters(client, world);
    await graph.settled();
    await everyEventRead();
  }, GRAPH_SETUP_TIMEOUT_MS);

  /**
   * Waits until the gateway has read every event published so far. It reads them after the
   * services have applied them, and keeps no answer while an event comes in: once an answer with
   * a list of every subgraph (which every event drops, each topic being one of theirs) is served
   * from the cache on asking again, it has read them all (a loaded CI machine: seconds later).
   */
  const everyEventRead = async () => {
    const lists = () =>
      client.gq('{ clusterCounts { total } agencies { code } competenceProgrammes { id } catapultCentres { id } researchCalls { id } }');
    await waitFor(
      'the gateway to have read the events so far',
      async () => {
        await lists();
        return cacheOf(await lists()) === 'hit';
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
  };

  afterAll(async () => {
    await gateway?.stop();
    await graph?.close();
  });

  it('drops the answers an event touches and keeps those about other entities; a list answer goes when a new entity joins it', async () => {
    // Filled, then served from the cache.
    for (const name of ['A', 'B'] as const) {
      expect(cacheOf(await clusterFunding(name))).toBe('miss');
      expect(cacheOf(await clusterFunding(name))).toBe('hit');
    }
    expect(cacheOf(await clusterList())).toBe('miss');
    const list = await clusterList();
    expect(cacheOf(list)).toBe('hit');

    const grantId = await awardGrant(client, world, clusters.get('B')!.id);
    // B's answer shows the grant as soon as the gateway has read its events: nothing but an event could drop it.
    await waitFor('cluster B to show its new grant', async () =>
      client.ok(await clusterFunding('B')).cluster.grants.some((grant) => grant.id === grantId),
    );
    await graph.settled();
    expect(await counter('klynge_response_cache_invalidations_total', 'entity')).toBeGreaterThan(0);
    // The grant's events named cluster B only: A's answer was never dropped.
    expect(cacheOf(await clusterFunding('A'))).toBe('hit');
    await waitFor('B to be cached again once its events have settled', async () => cacheOf(await clusterFunding('B')) === 'hit');

    // A new cluster joins the list: the list answer goes, and comes back with it; A's stays.
    await waitFor('the list to be cached again', async () => cacheOf(await clusterList()) === 'hit');
    const joined = await register('NCE Cached C');
    await waitFor('the list to show the new cluster', async () =>
      client.ok(await clusterList()).clusters.edges.some(({ node }) => node.slug === joined.slug),
    );
    expect(client.ok(await clusterList()).clusters.totalCount).toBe(client.ok(list).clusters.totalCount + 1);
    expect(cacheOf(await clusterFunding('A'))).toBe('hit');
  });

  it('keeps a list answer through the events of subgraphs that neither publish nor read what it lists', async () => {
    await graph.settled();
    await everyEventRead();
    await waitFor('the list to be cached', async () => cacheOf(await clusterList()) === 'hit');
    // A competence list, which the competence event below drops: once it goes, the gateway has read the event.
    const programmes = () => client.gq<{ competenceProgrammes: { id: string }[] }>('{ competenceProgrammes { id } }');
    await waitFor('the programmes to be cached', async () => cacheOf(await programmes()) === 'hit');
    const [lists, events] = [
      await counter('klynge_response_cache_invalidations_total', 'list'),
      await counter('klynge_response_cache_events_total'),
    ];

    // The enrolment completes: an event on competence.enrolment.v1, which only competence writes and no subgraph reads.
    client.ok(
      await client.gq(
        `mutation($id: ID!) { completeEnrolment(id: $id, completedOn: "2018-06-01") { status } }`,
        { id: world.enrolmentId },
        managerOf(world.clusterA),
      ),
    );
    await waitFor('the competence event to drop the programmes', async () => cacheOf(await programmes()) !== 'hit');
    expect(await counter('klynge_response_cache_events_total')).toBeGreaterThan(events);
    expect(await counter('klynge_response_cache_invalidations_total', 'list')).toBeGreaterThan(lists);
    // Nothing the clusters subgraph lists reads competence: the list answer is still the one kept.
    expect(cacheOf(await clusterList())).toBe('hit');
  });

  it("never serves one caller's answer to another, nor a token holder's to an anonymous caller", async () => {
    const viewer = { subject: 'cached-viewer-1', roles: ['viewer'] } satisfies Caller;
    const otherViewer = { subject: 'cached-viewer-2', roles: ['viewer'] } satisfies Caller;
    const a = clusters.get('A')!.id;
    // A manager of A may see more of A than others: the same query, answered for each caller apart.
    await waitFor('A to be cached for anonymous callers', async () => cacheOf(await clusterFunding('A')) === 'hit');
    expect(cacheOf(await clusterFunding('A', viewer))).toBe('miss');
    expect(cacheOf(await clusterFunding('A', viewer))).toBe('hit');
    expect(cacheOf(await clusterFunding('A', otherViewer))).toBe('miss');
    expect(cacheOf(await clusterFunding('A', managerOf(a)))).toBe('miss');
    // The same subject with other roles is another caller.
    expect(cacheOf(await clusterFunding('A', { ...viewer, roles: ['viewer', 'staff'] }))).toBe('miss');
    expect(cacheOf(await clusterFunding('A'))).toBe('hit');
    expect(cacheOf(await clusterFunding('A', viewer))).toBe('hit');
  });

  it('says where every answer came from, caches no mutation and no error, and counts hits and misses', async () => {
    const [hits, misses] = [await counter('klynge_response_cache_hits_total'), await counter('klynge_response_cache_misses_total')];
    const query = `query Fresh { cluster(slug: "${clusters.get('A')!.slug}") { id name } }`;
    const miss = await client.gq(query);
    const hit = await client.gq(query);
    expect([cacheOf(miss), cacheOf(hit)]).toEqual(['miss', 'hit']);
    // The answer kept is the answer computed, served as JSON with an ETag of its own.
    expect(hit.data).toEqual(miss.data);
    expect(hit.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(hit.headers.get('etag')).toMatch(/^W\/"[\w-]+"$/);
    expect(await counter('klynge_response_cache_hits_total')).toBe(hits + 1);
    expect(await counter('klynge_response_cache_misses_total')).toBe(misses + 1);

    const bypasses = await counter('klynge_response_cache_bypasses_total');
    const mutation = await client.gq(
      `mutation { registerOrganization(input: { orgNumber: "987654325", name: "Cached AS (generated)", kind: COMPANY, employees: 4 }) { orgNumber } }`,
      {},
      admin,
    );
    expect(mutation.errors).toBeUndefined();
    expect(cacheOf(mutation)).toBe('bypass');
    // An answer with errors is computed every time.
    const broken = `query Broken { cluster(slug: "${clusters.get('A')!.slug}") { id noSuchField } }`;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const answer = await client.gq(broken);
      expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(cacheOf(answer)).toBe('bypass');
    }
    // A request refused before it reaches Apollo Server says so too.
    const refused = await client.post({ query: '{ clusters { totalCount } }' }, { authorization: 'Bearer not-a-token' });
    expect(refused.status).toBe(401);
    expect(cacheOf(refused)).toBe('bypass');
    // A client may ask for an answer computed now.
    expect(cacheOf(await client.gq(query, {}, undefined, { 'cache-control': 'no-cache' }))).toBe('bypass');
    expect(await counter('klynge_response_cache_bypasses_total')).toBe(bypasses + 4);
    expect(await counter('klynge_response_cache_events_total')).toBeGreaterThan(0);
    const exposed = await (await fetch(new URL('/metrics', url))).text();
    for (const name of ['hits', 'misses', 'invalidations', 'bypasses']) expect(exposed).toContain(`klynge_response_cache_${name}_total`);
  });

  it('goes on answering what it kept while its subgraph is down, until an event drops it, and keeps no answer missing a part', async () => {
    const research = graph.subgraphs.get('research')!;
    const calls = () => client.gq<{ researchCalls: { id: string }[] }>('{ researchCalls { id } }');
    const reachOfA = () =>
      client.gq<{ cluster: { slug: string; researchReach: unknown } }>(
        'query ReachOfA($slug: String!) { cluster(slug: $slug) { slug researchReach { members } } }',
        {
          slug: clusters.get('A')!.slug,
        },
      );
    const unavailable = (answer: GatewayAnswer<unknown>) =>
      answer.errors?.map((error) => [error.extensions?.code, error.extensions?.subgraph]);
    await graph.settled();
    await everyEventRead();
    await waitFor('the research calls to be cached', async () => cacheOf(await calls()) === 'hit');
    const kept = await calls();

    await research.service.stop();
    try {
      // Kept before it went: served as it was, without a word about the outage.
      const whileDown = await calls();
      expect([cacheOf(whileDown), whileDown.errors, whileDown.data]).toEqual(['hit', undefined, kept.data]);
      // Not kept: computed without its part, with the error naming it, and computed again next time.
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const partial = await reachOfA();
        expect(partial.status).toBe(200);
        expect(partial.data).toEqual({ cluster: { slug: clusters.get('A')!.slug, researchReach: null } });
        expect(unavailable(partial)).toEqual([['SUBGRAPH_UNAVAILABLE', 'research']]);
        expect(cacheOf(partial)).toBe('bypass');
      }
      // A new cluster, which research's directory of clusters reads, drops the kept answer: then the outage shows.
      await register('NCE Registered While Research Is Down');
      await waitFor('the event to drop the research calls', async () => cacheOf(await calls()) !== 'hit');
      const dropped = await calls();
      expect(unavailable(dropped)).toEqual([['SUBGRAPH_UNAVAILABLE', 'research']]);
      expect(cacheOf(dropped)).toBe('bypass');
    } finally {
      await research.restart();
    }
    await graph.settled();
    await waitFor('the research calls to be cached again', async () => cacheOf(await calls()) === 'hit');
    expect(client.ok(await calls())).toEqual(kept.data);
  });
});
