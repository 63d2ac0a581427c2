import { createLogger } from '@klynge/platform/logging';
import { type DedicatedRedis, startDedicatedRedis, waitFor } from '@klynge/test-infrastructure';
import { GatewayMetrics } from '../metrics';
import { aboutCluster, aList, answer, CLUSTER_A, CLUSTER_B, counted, grantAwardedTo } from './cache-test-support';
import { dependenciesFromText, dependenciesToText, RedisResponseCache, redisAddress } from './redis-cache';
import { STORE_UNAVAILABLE } from './response-cache';

/**
 * The shared store on a redis-server of the test's own: what the gateways' test
 * (response-cache-redis.test.ts) shows through HTTP, here one call at a time: exact drops
 * through the index sets, each counted once among the gateways, and every gateway's own settle
 * window.
 */
interface GatewayCache {
  readonly cache: RedisResponseCache;
  readonly metrics: GatewayMetrics;
}

describe('the response cache in Redis', () => {
  let redis: DedicatedRedis;
  const caches: RedisResponseCache[] = [];
  let namespaces = 0;
  const logger = createLogger({ service: 'redis-cache-test', level: 'silent' });

  /** `count` gateways' caches on one namespace, each with its own metrics, once they are serving. */
  const gateways = async (count: number, settleMs = 0): Promise<GatewayCache[]> => {
    const namespace = `test:${(namespaces += 1)}:`;
    const made = Array.from({ length: count }, () => {
      const metrics = new GatewayMetrics();
      const cache = new RedisResponseCache({ url: redis.url, namespace, settleMs, timeoutMs: 1_000, ttlSeconds: 60, metrics, logger });
      caches.push(cache);
      return { cache, metrics };
    });
    for (const { cache } of made) await waitFor('the cache to reach Redis', async () => (await cache.get('probe')) !== STORE_UNAVAILABLE);
    return made;
  };

  beforeAll(async () => {
    redis = await startDedicatedRedis('redis-cache');
  });
  afterAll(async () => {
    await Promise.all(caches.map((cache) => cache.close()));
    await redis?.destroy();
  });

  it('keeps what it depended on as it was', () => {
    const dependencies = { unkeyed: ['clusters', 'research'], anchors: new Map([['Cluster', new Set([CLUSTER_A, CLUSTER_B])]]) };
    expect(dependenciesFromText(dependenciesToText(dependencies))).toEqual(dependencies);
    expect(dependenciesFromText(dependenciesToText(aList))).toEqual(aList);
    expect(redisAddress('redis://:hunter2@cache.internal:6380/1')).toBe('redis://cache.internal:6380/1');
  });

  it("serves one gateway's answer at another, and drops exactly what an event touches, each drop counted once", async () => {
    const [a, b] = (await gateways(2)) as [GatewayCache, GatewayCache];
    expect(await a.cache.store(a.cache.begin('a'), answer(aboutCluster(CLUSTER_A), '{"data":{"a":1}}\n'))).toBe(true);
    expect(await a.cache.store(a.cache.begin('b'), answer(aboutCluster(CLUSTER_B)))).toBe(true);
    expect(await b.cache.store(b.cache.begin('list'), answer(aList))).toBe(true);
    const kept = await b.cache.get('a');
    expect(kept !== STORE_UNAVAILABLE && kept?.body.toString()).toBe('{"data":{"a":1}}\n');

    // Both gateways read the event; the drops happen once.
    const dropped = await Promise.all([a.cache.invalidate(grantAwardedTo(CLUSTER_B)), b.cache.invalidate(grantAwardedTo(CLUSTER_B))]);
    expect(dropped[0] + dropped[1]).toBe(2);
    for (const { cache } of [a, b]) {
      expect(await cache.get('a')).toBeDefined();
      expect(await cache.get('b')).toBeUndefined();
      expect(await cache.get('list')).toBeUndefined();
    }
    const counts = [
      await counted(a.metrics, 'klynge_response_cache_invalidations_total'),
      await counted(b.metrics, 'klynge_response_cache_invalidations_total'),
    ];
    expect((counts[0]!.entity ?? 0) + (counts[1]!.entity ?? 0)).toBe(1);
    expect((counts[0]!.list ?? 0) + (counts[1]!.list ?? 0)).toBe(1);

    // An event of unknown meaning drops everything.
    expect(await b.cache.invalidate({ anything: true })).toBe(1);
    expect(await a.cache.get('a')).toBeUndefined();
  });

  it('keeps the settle rule per gateway: one does not keep an answer an event it read touched while it was computed', async () => {
    const [a, b] = (await gateways(2, 60_000)) as [GatewayCache, GatewayCache];
    const duringAtA = a.cache.begin('b');
    const duringAtB = b.cache.begin('b-at-b');
    await a.cache.invalidate(grantAwardedTo(CLUSTER_B));
    expect(await a.cache.store(duringAtA, answer(aboutCluster(CLUSTER_B)))).toBe(false);
    expect(await counted(a.metrics, 'klynge_response_cache_stores_skipped_total')).toEqual({ settling: 1 });
    // Another cluster's answer was never in doubt.
    expect(await a.cache.store(a.cache.begin('a'), answer(aboutCluster(CLUSTER_A)))).toBe(true);
    // Gateway B has not read the event yet: it keeps its answer, and drops it when it reads the event.
    expect(await b.cache.store(duringAtB, answer(aboutCluster(CLUSTER_B)))).toBe(true);
    expect(await b.cache.get('b-at-b')).toBeDefined();
    // Gateway A, which has read it, does not serve that answer within its settle window.
    expect(await a.cache.get('b-at-b')).toBeUndefined();
    await b.cache.invalidate(grantAwardedTo(CLUSTER_B));
    expect(await b.cache.get('b-at-b')).toBeUndefined();
    expect(await a.cache.get('a')).toBeDefined();
  });

  it('cleans the index entries of an answer Redis evicted', async () => {
    const [a] = (await gateways(1)) as [GatewayCache];
    await a.cache.store(a.cache.begin('evicted'), answer(aboutCluster(CLUSTER_B)));
    expect(await indexMembers(redis.url, CLUSTER_B)).toEqual(['evicted']);
    // Only the answer has a TTL, so volatile-lru evicts answers and never the index that finds them.
    expect(await ttls(redis.url)).toEqual({ answer: 60, index: -1 });
    // As maxmemory's LRU would: the answer goes, its index entries stay.
    await evictAnswer(redis.url, 'evicted');
    expect(await a.cache.invalidate(grantAwardedTo(CLUSTER_B))).toBe(0);
    expect(await indexMembers(redis.url, CLUSTER_B)).toEqual([]);
  });
});

/** Deletes an answer as Redis's eviction would, leaving its index entries. */
async function evictAnswer(url: string, key: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url);
  try {
    const [found] = await client.keys(`test:*:answer:${key}`);
    await client.del(found!);
  } finally {
    client.disconnect();
  }
}

/** The keys in the index sets of cluster `id`, in every test namespace. */
async function indexMembers(url: string, id: string): Promise<string[]> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url);
  try {
    const sets = await client.keys(entitySets(id));
    return sets.length === 0 ? [] : await client.sunion(...sets);
  } finally {
    client.disconnect();
  }
}

/** A KEYS pattern for cluster `id`'s index sets in every test namespace. */
const entitySets = (id: string) => `test:*:entity:${JSON.stringify(['Cluster', id]).replace(/[[\]]/g, '\\$&')}`;

/** The TTLs of the answer `evicted` and of cluster B's index set (-1: none). */
async function ttls(url: string): Promise<{ answer: number; index: number }> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url);
  try {
    const [answer] = await client.keys('test:*:answer:evicted');
    const [index] = await client.keys(entitySets(CLUSTER_B));
    return { answer: await client.ttl(answer!), index: await client.ttl(index!) };
  } finally {
    client.disconnect();
  }
}
