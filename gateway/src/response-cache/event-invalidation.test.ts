import { readFileSync } from 'node:fs';
import { LocalBroker } from '@klynge/broker-local';
import { createLogger } from '@klynge/platform/logging';
import { waitFor } from '@klynge/test-infrastructure';
import { GatewayMetrics } from '../metrics';
import { SharingEpoch } from '../sharing-epoch';
import { supergraphFile } from '../subgraphs';
import { type AnswerDependencies, entityKeyFields } from './entities';
import { eventEntityMaps } from './event-entities';
import { invalidateOnEvents } from './event-invalidation';
import { ResponseCache } from './response-cache';

const maps = eventEntityMaps(entityKeyFields(readFileSync(supergraphFile, 'utf8')));
const CLUSTER_A = '0b9f4c2e-8a1d-4e55-9d0e-0c1a2b3c4d5e';
const CLUSTER_B = '1c0a5d3f-9b2e-4f66-8e1f-1d2b3c4d5e6f';
const aboutCluster = (id: string): AnswerDependencies => ({ unkeyed: [], anchors: new Map([['Cluster', new Set([id])]]) });

/** `npm start` runs the graph on the in-process broker: the cache reads its events there as on Kafka. */
describe('the response cache on the in-process broker', () => {
  it("drops what an event published there touches, and nothing else, from the topics' first message, and ends the sharing of work in flight", async () => {
    const broker = new LocalBroker();
    const metrics = new GatewayMetrics();
    const cache = new ResponseCache({ maxBytes: 1024 * 1024, settleMs: 0, metrics });
    const answer = (dependencies: AnswerDependencies) => ({
      body: Buffer.from('{"data":{}}\n'),
      etag: 'W/"test"',
      operation: 'other',
      dependencies,
    });
    cache.store(cache.begin('a'), answer(aboutCluster(CLUSTER_A)));
    cache.store(cache.begin('b'), answer(aboutCluster(CLUSTER_B)));
    const grantAwarded = (clusterId: string) => ({
      topic: 'funding.grant.v1',
      key: 'g-1',
      headers: {},
      value: JSON.stringify({
        type: 'no.klynge.funding.GrantAwarded.v1',
        subject: 'g-1',
        data: { grantId: 'g-1', recipient: { type: 'CLUSTER', clusterId } },
      }),
    });
    // Published before the gateway subscribed: a new group starts at the first message.
    await broker.publish([grantAwarded(CLUSTER_B)]);
    const epoch = new SharingEpoch();
    const subscription = await invalidateOnEvents({
      source: { broker, groupId: 'gateway.response-cache' },
      cache,
      epoch,
      maps: () => maps,
      metrics,
      logger: createLogger({ service: 'gateway', level: 'silent' }),
    });
    try {
      await waitFor('the event to drop B', () => cache.get('b') === undefined);
      expect(cache.get('a')).toBeDefined();
      // A request from now on must not be given what an execution begun before the event computes.
      const afterFirst = epoch.current;
      expect(afterFirst).toBeGreaterThan(0);
      await broker.publish([grantAwarded(CLUSTER_A)]);
      await waitFor('the event to drop A', () => cache.get('a') === undefined);
      expect(epoch.current).toBeGreaterThan(afterFirst);
      expect((await metrics.responseCacheEvents.get()).values[0]?.value).toBe(2);
    } finally {
      await subscription.close();
      await broker.close();
    }
  });
});
