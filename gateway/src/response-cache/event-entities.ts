import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eventSchemaDir } from '@klynge/schemas';
import { type EntityKeyFields, type EventEntities, isObject } from './entities';
import { type TopicSubgraphs, topicSubgraphs } from './topic-subgraphs';

/** Where in an event's data a key of an entity type stands: `recipient.clusterId` is a `Cluster`. */
export interface EntityPath {
  readonly path: readonly string[];
  readonly type: string;
}

/** What an event type names: its aggregate (the envelope's subject) and the entity keys in its data. */
export interface EventEntityMap {
  /** The entity type the topic's aggregate is, when the supergraph has one. */
  readonly subject: string | undefined;
  readonly paths: readonly EntityPath[];
  /** The subgraphs the catalogue names that neither publish nor read its topic: their lists stay. */
  readonly unaffected: ReadonlySet<string>;
}

/** The event topics (schemas/events/<topic>/), a partner's new subgraph's among them. */
export function eventTopics(directory: string = eventSchemaDir): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * The one place that says which entities each event names, derived from the event schemas
 * (schemas/events) and the supergraph's entity types, so that a new subgraph's events are
 * covered as soon as their schemas are committed. An event type `<topic> <EventName>` maps to:
 *
 * - its subject, as the entity type the topic's aggregate is (`funding.grant.v1` → `Grant`; the
 *   domain decides between `CatapultProject` and `ResearchProject`);
 * - each property whose name ends in an entity type's key field: `clusterId`, `hostClusterIds`
 *   → `Cluster`; `centreId` → `CatapultCentre`; `orgNumber`, `ownerOrgNumber` → `Organization`;
 *   `programmeCode` → `FundingProgramme`. A name that fits no type, or several equally well
 *   (`countyCode`, `callId`), names nothing: the event then names no entity of those types, and
 *   answers about them go with it (conservative);
 * - the subgraphs whose lists, aggregates and searches its events leave: those of the catalogue
 *   that neither publish nor read its topic (topic-subgraphs.ts; none for a topic it lacks).
 */
export function eventEntityMaps(
  keys: EntityKeyFields,
  directory: string = eventSchemaDir,
  subgraphsOfTopics: TopicSubgraphs = topicSubgraphs(),
): Map<string, EventEntityMap> {
  const maps = new Map<string, EventEntityMap>();
  const known = new Set([...subgraphsOfTopics.values()].flatMap((subgraphs) => [...subgraphs]));
  for (const topic of eventTopics(directory)) {
    const [domain = '', aggregate = ''] = topic.split('.');
    // A topic the catalogue does not know may change any subgraph's lists.
    const affected = subgraphsOfTopics.get(topic);
    const unaffected = new Set(affected ? [...known].filter((subgraph) => !affected.has(subgraph)) : []);
    for (const file of readdirSync(path.join(directory, topic)).filter((name) => name.endsWith('.json'))) {
      const schema: unknown = JSON.parse(readFileSync(path.join(directory, topic, file), 'utf8'));
      const paths: EntityPath[] = [];
      collectPaths(schema, [], (propertyPath) => {
        const type = entityTypeNamed(keys, propertyPath.at(-1)!, domain);
        if (type) paths.push({ path: propertyPath, type });
      });
      maps.set(eventMapKey(topic, file.replace(/\.json$/, '')), { subject: aggregateType(keys, aggregate, domain), paths, unaffected });
    }
  }
  return maps;
}

export const eventMapKey = (topic: string, eventName: string) => `${topic} ${eventName}`;

/**
 * The entities one event names: its envelope (`type`, `subject`, `data`) read with its type's
 * map. An event of a type without a schema, or that cannot be read, may be about anything.
 */
export function entitiesOfEvent(maps: ReadonlyMap<string, EventEntityMap>, topic: string, message: string): EventEntities {
  let envelope: unknown;
  try {
    envelope = JSON.parse(message);
  } catch {
    return { anything: true };
  }
  if (!isObject(envelope) || typeof envelope.type !== 'string') return { anything: true };
  const map = maps.get(eventMapKey(topic, envelope.type.split('.').at(-2) ?? ''));
  if (!map) return { anything: true };
  const named = new Map<string, Set<string>>();
  const name = (type: string, value: unknown) => {
    if (typeof value !== 'string' && typeof value !== 'number') return;
    const values = named.get(type) ?? new Set<string>();
    values.add(String(value));
    named.set(type, values);
  };
  if (map.subject) name(map.subject, envelope.subject);
  for (const { path: propertyPath, type } of map.paths) for (const value of valuesAt(envelope.data, propertyPath)) name(type, value);
  return { named, unaffected: map.unaffected };
}

/** Every property path of a JSON Schema, through nested objects, arrays and their alternatives. */
function collectPaths(schema: unknown, at: readonly string[], found: (propertyPath: string[]) => void): void {
  if (!isObject(schema)) return;
  if (isObject(schema.properties)) {
    for (const [name, property] of Object.entries(schema.properties)) {
      found([...at, name]);
      collectPaths(property, [...at, name], found);
    }
  }
  collectPaths(schema.items, at, found);
  for (const alternatives of [schema.oneOf, schema.anyOf, schema.allOf])
    if (Array.isArray(alternatives)) for (const alternative of alternatives) collectPaths(alternative, at, found);
}

function valuesAt(value: unknown, propertyPath: readonly string[]): unknown[] {
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, propertyPath));
  if (propertyPath.length === 0) return [value];
  if (!isObject(value)) return [];
  return valuesAt(value[propertyPath[0]!], propertyPath.slice(1));
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The entity type a property names by its key: `<stem><KeyField>` (or the plural) where the type's
 * name ends in the stem (`hostCluster` + `Id` → `Cluster`), or a key field only one type has
 * (`orgNumber`, `ownerOrgNumber`). When several types fit, the one of the event's own domain; when
 * that does not decide, none.
 */
export function entityTypeNamed(keys: EntityKeyFields, property: string, domain: string): string | undefined {
  const singular = property.endsWith('s') ? [property, property.slice(0, -1)] : [property];
  const keyOwners = new Map<string, string[]>();
  for (const [type, fields] of keys) for (const field of fields) keyOwners.set(field, [...(keyOwners.get(field) ?? []), type]);
  const fits: { type: string; exact: boolean }[] = [];
  for (const name of singular) {
    for (const [type, fields] of keys) {
      for (const field of fields) {
        if (field !== 'id' && keyOwners.get(field)!.length === 1 && (name === field || name.endsWith(upperFirst(field)))) {
          fits.push({ type, exact: true });
          continue;
        }
        if (!name.endsWith(upperFirst(field)) || name.length === field.length) continue;
        const stem = upperFirst(name.slice(0, -field.length));
        const lastWord = /[A-Z][a-z0-9]*$/.exec(stem)?.[0] ?? stem;
        if (type.endsWith(stem)) fits.push({ type, exact: true });
        else if (type.endsWith(lastWord)) fits.push({ type, exact: false });
      }
    }
  }
  const best = fits.some((fit) => fit.exact) ? fits.filter((fit) => fit.exact) : fits;
  return ofDomain(
    best.map((fit) => fit.type),
    domain,
  );
}

/** The entity type a topic's aggregate is: the type whose name ends in it (`centre` → `CatapultCentre`). */
function aggregateType(keys: EntityKeyFields, aggregate: string, domain: string): string | undefined {
  return ofDomain(
    [...keys.keys()].filter((type) => type.endsWith(upperFirst(aggregate))),
    domain,
  );
}

/** The one type that fits, or of several the one of the event's own domain (`catapult` → `Catapult…`); else none. */
function ofDomain(fitting: readonly string[], domain: string): string | undefined {
  const types = [...new Set(fitting)];
  if (types.length <= 1) return types[0];
  const ownDomain = types.filter((type) => type.startsWith(upperFirst(domain.replace(/s$/, ''))));
  return ownDomain.length === 1 ? ownDomain[0] : undefined;
}
