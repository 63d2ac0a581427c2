import { GatewayMetrics } from '../metrics';
import { aboutCluster, aList, answer, CLUSTER_A, CLUSTER_B, counted, event, grantAwardedTo, keys, maps } from './cache-test-support';
import { DependencyRecorder, type EventEntities, touches } from './entities';
import { entitiesOfEvent } from './event-entities';
import { ResponseCache } from './response-cache';

describe('which events touch which answers', () => {
  it('reads the entities an event names from its schema: subject, nested and listed keys', () => {
    const grant = grantAwardedTo(CLUSTER_B);
    expect(grant.anything).toBeFalsy();
    expect(!grant.anything && Object.fromEntries([...grant.named].map(([type, values]) => [type, [...values]]))).toEqual({
      Grant: ['g-1'],
      Cluster: [CLUSTER_B],
    });
    const centre = event('catapult.centre.v1', 'CentreDesignated', 'c-1', { centreId: 'c-1', clusterIds: [CLUSTER_A, CLUSTER_B] });
    expect(!centre.anything && [...centre.named.get('Cluster')!]).toEqual([CLUSTER_A, CLUSTER_B]);
    expect(!centre.anything && [...centre.named.get('CatapultCentre')!]).toEqual(['c-1']);
  });

  it('takes an event it cannot place as possibly about anything', () => {
    expect(entitiesOfEvent(maps, 'funding.grant.v1', 'not json')).toEqual({ anything: true });
    expect(event('funding.grant.v1', 'GrantInvented', 'g', {})).toEqual({ anything: true });
    expect(event('partner.note.v1', 'NoteWritten', 'n', {})).toEqual({ anything: true });
  });

  it('drops an answer about the entity an event names, keeps one about another of its type, and drops one about a type it does not name', () => {
    expect(touches(aboutCluster(CLUSTER_B), grantAwardedTo(CLUSTER_B))).toBe('entity');
    expect(touches(aboutCluster(CLUSTER_A), grantAwardedTo(CLUSTER_B))).toBeUndefined();
    const disbursement = event('funding.grant.v1', 'DisbursementPaid', 'g-1', { grantId: 'g-1' });
    expect(touches(aboutCluster(CLUSTER_A), disbursement)).toBe('type');
    expect(touches(aList, grantAwardedTo(CLUSTER_B))).toBe('list');
    expect(touches(aboutCluster(CLUSTER_A), { anything: true })).toBe('anything');
  });

  it('records the entities fetches were for, and any fetch that was not for named entities', () => {
    const keyed = new DependencyRecorder(keys);
    keyed.fetched(undefined, { cluster: { __typename: 'Cluster', id: CLUSTER_A, slug: 'a' } });
    keyed.fetched({ representations: [{ __typename: 'Cluster', id: CLUSTER_A }] }, { _entities: [{ grants: [] }] });
    expect(keyed.dependencies()).toEqual(aboutCluster(CLUSTER_A));
    const list = new DependencyRecorder(keys);
    list.fetched(undefined, { clusters: { edges: [] } });
    expect(list.dependencies().unkeyed).toBe(true);
    const notFound = new DependencyRecorder(keys);
    notFound.fetched(undefined, { cluster: null });
    expect(notFound.dependencies().unkeyed).toBe(true);
    // No fetch at all (an answer another request computed): nothing is known of what it read.
    expect(new DependencyRecorder(keys).dependencies().unkeyed).toBe(true);
  });
});

describe('the response cache', () => {
  let clock = 0;
  const cacheOf = (settleMs = 100, maxBytes = 1024 * 1024) => {
    const metrics = new GatewayMetrics();
    return { metrics, cache: new ResponseCache({ maxBytes, settleMs, metrics, now: () => clock }) };
  };
  beforeEach(() => (clock = 1_000));

  it('drops exactly what an event touches, counting why', async () => {
    const { cache, metrics } = cacheOf();
    cache.store(cache.begin('a'), answer(aboutCluster(CLUSTER_A)));
    cache.store(cache.begin('b'), answer(aboutCluster(CLUSTER_B)));
    cache.store(cache.begin('list'), answer(aList));
    expect(cache.invalidate(grantAwardedTo(CLUSTER_B))).toBe(2);
    expect([cache.get('a') !== undefined, cache.get('b') !== undefined, cache.get('list') !== undefined]).toEqual([true, false, false]);
    expect(await counted(metrics, 'klynge_response_cache_invalidations_total')).toEqual({ entity: 1, list: 1 });
    const unknown: EventEntities = { anything: true };
    expect(cache.invalidate(unknown)).toBe(1);
    expect(cache.size).toBe(0);
  });

  it('does not keep an answer an event touched while it was computed or its consumers settled', async () => {
    const { cache, metrics } = cacheOf(100);
    const during = cache.begin('b');
    clock += 10;
    cache.invalidate(grantAwardedTo(CLUSTER_B));
    clock += 10;
    expect(cache.store(during, answer(aboutCluster(CLUSTER_B)))).toBe(false);
    // Begun 50 ms after the event: its consumers may still be applying it.
    clock += 30;
    expect(cache.store(cache.begin('b'), answer(aboutCluster(CLUSTER_B)))).toBe(false);
    // Another cluster's answer was never in doubt.
    expect(cache.store(cache.begin('a'), answer(aboutCluster(CLUSTER_A)))).toBe(true);
    clock += 100;
    expect(cache.store(cache.begin('b'), answer(aboutCluster(CLUSTER_B)))).toBe(true);
    expect(await counted(metrics, 'klynge_response_cache_stores_skipped_total')).toEqual({ settling: 2 });
  });

  it('holds at most its size, the least recently used going first, and never one answer past an eighth of it', () => {
    const { cache } = cacheOf(0, 8 * 1024);
    const body = `{"data":{"x":"${'x'.repeat(400)}"}}\n`;
    for (const key of ['1', '2', '3', '4', '5', '6', '7', '8', '9']) cache.store(cache.begin(key), answer(aList, body));
    expect(cache.get('1')).toBeUndefined();
    expect(cache.get('9')).toBeDefined();
    expect(cache.size).toBeLessThan(9);
    expect(cache.store(cache.begin('huge'), answer(aList, 'x'.repeat(2_000)))).toBe(false);
    // An event drops what is held, no more: what the LRU evicted left the indexes with it.
    const held = cache.size;
    expect(cache.invalidate(grantAwardedTo(CLUSTER_B))).toBe(held);
  });
});
