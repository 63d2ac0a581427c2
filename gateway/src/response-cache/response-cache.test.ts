import { kafkaAccessPlan, servicePrincipal } from '@klynge/subgraph-registry';
import { subgraphRegistry } from '@klynge/schemas';
import { GatewayMetrics } from '../metrics';
import {
  aboutCluster,
  aList,
  answer,
  CLUSTER_A,
  CLUSTER_B,
  counted,
  event,
  grantAwardedTo,
  keys,
  listFrom,
  maps,
} from './cache-test-support';
import { ANY_SUBGRAPH, DependencyRecorder, type EventEntities, touches } from './entities';
import { entitiesOfEvent, eventEntityMaps, eventTopics } from './event-entities';
import { ResponseCache } from './response-cache';
import { SettleWindow } from './settle-window';
import { topicSubgraphs } from './topic-subgraphs';

const programmeLaunched = event('competence.programme.v1', 'ProgrammeLaunched', 'p-1', { programmeId: 'p-1', hostClusterIds: [CLUSTER_A] });
const researchProjectGranted = event('research.project.v1', 'ProjectGranted', 'r-1', { projectId: 'r-1', ownerOrgNumber: '923609016' });
const clusterRegistered = event('clusters.cluster.v1', 'ClusterRegistered', CLUSTER_B, { clusterId: CLUSTER_B });

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

  it('drops a list only with the events of the topics its subgraph publishes or reads', () => {
    // Nothing the clusters subgraph lists reads competence or research: those events leave it.
    expect(touches(listFrom('clusters'), programmeLaunched)).toBeUndefined();
    expect(touches(listFrom('clusters'), researchProjectGranted)).toBeUndefined();
    // Its own events, and the grants its read model keeps (programme-grants), drop it.
    expect(touches(listFrom('clusters'), clusterRegistered)).toBe('list');
    expect(touches(listFrom('clusters'), grantAwardedTo(CLUSTER_B))).toBe('list');
    // Competence reads the clusters' events into its directory: a new cluster may join its lists.
    expect(touches(listFrom('competence'), clusterRegistered)).toBe('list');
    expect(touches(listFrom('competence'), programmeLaunched)).toBe('list');
    expect(touches(listFrom('funding'), researchProjectGranted)).toBeUndefined();
    // One of an answer's lists is enough.
    expect(touches(listFrom('clusters', 'research'), researchProjectGranted)).toBe('list');
  });

  it('keeps the per-entity rule for entity fetches, whichever subgraph the event comes from', () => {
    // The competence event names cluster A: an answer about A goes, one about B stays.
    expect(touches(aboutCluster(CLUSTER_A), programmeLaunched)).toBe('entity');
    expect(touches(aboutCluster(CLUSTER_B), programmeLaunched)).toBeUndefined();
    // The research event names no cluster: any answer about a cluster goes.
    expect(touches(aboutCluster(CLUSTER_B), researchProjectGranted)).toBe('type');
    expect(touches({ ...listFrom('clusters'), anchors: aboutCluster(CLUSTER_B).anchors }, researchProjectGranted)).toBe('type');
  });

  it('drops with any event a list whose subgraph is not known, and with an event of a topic the catalogue lacks every list', () => {
    expect(touches(listFrom(ANY_SUBGRAPH), programmeLaunched)).toBe('list');
    expect(touches(listFrom('partner'), programmeLaunched)).toBe('list');
    const withoutCatalogue = eventEntityMaps(keys, undefined, new Map());
    const competence = entitiesOfEvent(
      withoutCatalogue,
      'competence.programme.v1',
      JSON.stringify({ type: 'no.klynge.competence.ProgrammeLaunched.v1', subject: 'p-1', data: { programmeId: 'p-1' } }),
    );
    expect(touches(listFrom('clusters'), competence)).toBe('list');
  });

  it("reads each topic's publisher and readers from the catalogue, as the Kafka ACL plan grants them", () => {
    const catalogue = topicSubgraphs();
    expect(new Set(catalogue.keys())).toEqual(new Set(eventTopics()));
    // What each service's principal may write (its domains) and read (the topics it consumes), from the plug-ins.
    const plan = kafkaAccessPlan();
    for (const { name } of subgraphRegistry()) {
      const grants = plan.filter(
        (acl) => acl.principal === servicePrincipal(name) && acl.resource === 'topic' && !acl.name.endsWith('.dlq'),
      );
      const granted = (topic: string) =>
        grants.some(
          (acl) =>
            (acl.prefixed ? topic.startsWith(acl.name) : topic === acl.name) &&
            acl.operations.some((op) => op === 'WRITE' || op === 'READ'),
        );
      for (const topic of eventTopics()) expect([topic, name, catalogue.get(topic)!.has(name)]).toEqual([topic, name, granted(topic)]);
    }
  });

  it('records the entities fetches were for, and the subgraphs of any fetch that was not for named entities', () => {
    const keyed = new DependencyRecorder(keys);
    keyed.fetched('clusters', undefined, { cluster: { __typename: 'Cluster', id: CLUSTER_A, slug: 'a' } });
    keyed.fetched('funding', { representations: [{ __typename: 'Cluster', id: CLUSTER_A }] }, { _entities: [{ grants: [] }] });
    expect(keyed.dependencies()).toEqual(aboutCluster(CLUSTER_A));
    const list = new DependencyRecorder(keys);
    list.fetched('research', undefined, { researchProjects: { edges: [] } });
    list.fetched('clusters', undefined, { clusters: { edges: [] } });
    list.fetched('research', undefined, { researchActivities: [] });
    expect(list.dependencies().unkeyed).toEqual(['clusters', 'research']);
    const notFound = new DependencyRecorder(keys);
    notFound.fetched('clusters', undefined, { cluster: null });
    expect(notFound.dependencies().unkeyed).toEqual(['clusters']);
    // No fetch at all (an answer another request computed): nothing is known of what it read.
    expect(new DependencyRecorder(keys).dependencies().unkeyed).toEqual([ANY_SUBGRAPH]);
    // Plain arrays and maps: a store outside the process can write it down and read it back.
    expect(JSON.parse(JSON.stringify(list.dependencies().unkeyed))).toEqual(['clusters', 'research']);
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

  it("drops with an event the lists of the subgraphs that publish or read its topic, and no other subgraph's", async () => {
    const { cache, metrics } = cacheOf();
    cache.store(cache.begin('clusters'), answer(listFrom('clusters')));
    cache.store(cache.begin('competence'), answer(listFrom('competence')));
    cache.store(cache.begin('research'), answer(listFrom('research')));
    expect(cache.invalidate(programmeLaunched)).toBe(1);
    expect([cache.get('clusters'), cache.get('competence'), cache.get('research')].map((kept) => kept !== undefined)).toEqual([
      true,
      false,
      true,
    ]);
    // A new cluster may join the clusters list, and research keeps a directory of clusters.
    expect(cache.invalidate(clusterRegistered)).toBe(2);
    expect(await counted(metrics, 'klynge_response_cache_invalidations_total')).toEqual({ list: 3 });
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

describe('the settle window', () => {
  it("reads an answer's dependencies only when an event arrived within it, and then spoils only what the event touches", () => {
    let now = 1_000;
    const settle = new SettleWindow(100, () => now);
    let read = 0;
    const dependenciesOf = (id: string) => () => {
      read += 1;
      return aboutCluster(id);
    };
    expect(settle.spoils(now, dependenciesOf(CLUSTER_A))).toBe(false);
    expect(read).toBe(0);
    settle.record(grantAwardedTo(CLUSTER_B));
    expect(settle.spoils(now, dependenciesOf(CLUSTER_A))).toBe(false);
    expect(settle.spoils(now, dependenciesOf(CLUSTER_B))).toBe(true);
    expect(read).toBe(2);
    now += 101;
    expect(settle.spoils(now, dependenciesOf(CLUSTER_B))).toBe(false);
    expect(read).toBe(2);
  });
});
