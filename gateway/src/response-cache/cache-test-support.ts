import { readFileSync } from 'node:fs';
import type { GatewayMetrics } from '../metrics';
import { supergraphFile } from '../subgraphs';
import { type AnswerDependencies, entityKeyFields } from './entities';
import { entitiesOfEvent, eventEntityMaps } from './event-entities';

/** Events, answers and counters for the response cache's tests, in the committed supergraph's terms. */
export const keys = entityKeyFields(readFileSync(supergraphFile, 'utf8'));
export const maps = eventEntityMaps(keys);
export const CLUSTER_A = '0b9f4c2e-8a1d-4e55-9d0e-0c1a2b3c4d5e';
export const CLUSTER_B = '1c0a5d3f-9b2e-4f66-8e1f-1d2b3c4d5e6f';

export const event = (topic: string, name: string, subject: string, data: Record<string, unknown>) =>
  entitiesOfEvent(maps, topic, JSON.stringify({ type: `no.klynge.${topic.split('.')[0]}.${name}.v1`, subject, data }));
export const grantAwardedTo = (clusterId: string) =>
  event('funding.grant.v1', 'GrantAwarded', 'g-1', { grantId: 'g-1', recipient: { type: 'CLUSTER', clusterId } });
export const aboutCluster = (id: string): AnswerDependencies => ({ unkeyed: [], anchors: new Map([['Cluster', new Set([id])]]) });
export const listFrom = (...subgraphs: string[]): AnswerDependencies => ({ unkeyed: subgraphs, anchors: new Map() });
export const aList = listFrom('clusters');

export const answer = (dependencies: AnswerDependencies, body = '{"data":{}}\n') => ({
  body: Buffer.from(body),
  etag: 'W/"test"',
  operation: 'other',
  dependencies,
});

/** A counter's values by their `reason` (or other single) label. */
export const counted = async (metrics: GatewayMetrics, name: string, label = 'reason') =>
  Object.fromEntries(
    ((await metrics.registry.getSingleMetric(name)!.get()).values ?? []).map(({ labels, value }) => [String(labels[label] ?? ''), value]),
  );
