import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { asyncApiFile, PUBLISHER, READERS } from '../catalogue/asyncapi-file';
import { isObject } from './entities';

/** Per event topic, the subgraphs whose answers its events may change. */
export type TopicSubgraphs = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Per event topic, the subgraph that publishes it and those that read it (their consumers keep
 * read models of it), as the event catalogue says: `npm run catalogue` writes them into
 * schemas/asyncapi.yaml from each plug-in's `publishes` contracts and consumers, the same
 * declarations the Kafka ACL plan grants each service's writes and reads from
 * (packages/subgraph-registry), and a test fails when the file is stale. The gateway reads the
 * file rather than the plug-ins, whose code loads TypeORM and PGlite.
 */
export function topicSubgraphs(file: string = asyncApiFile): Map<string, Set<string>> {
  const document: unknown = parse(readFileSync(file, 'utf8'));
  const channels = isObject(document) && isObject(document.channels) ? document.channels : {};
  const operations = isObject(document) && isObject(document.operations) ? document.operations : {};
  const topics = new Map<string, Set<string>>();
  for (const operation of Object.values(operations)) {
    if (!isObject(operation) || !isObject(operation.channel) || typeof operation.channel.$ref !== 'string') continue;
    const channel = channels[operation.channel.$ref.replace('#/channels/', '')];
    if (!isObject(channel) || typeof channel.address !== 'string') continue;
    const subgraphs = topics.get(channel.address) ?? new Set<string>();
    const readers: unknown = operation[READERS];
    const named: unknown[] = [operation[PUBLISHER], ...(Array.isArray(readers) ? (readers as unknown[]) : [])];
    for (const subgraph of named) if (typeof subgraph === 'string') subgraphs.add(subgraph);
    topics.set(channel.address, subgraphs);
  }
  return topics;
}
