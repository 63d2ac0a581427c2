import { Kind, parse } from 'graphql';

/**
 * The entity keys the response cache speaks in: an entity type of the supergraph (a type with
 * `@key`) and the value of its key field, e.g. `Cluster` and a cluster's id. Answers record the
 * entities they were fetched for; events name the entities they are about; one is dropped when
 * the other names it (see {@link touches}).
 */

/** Per entity type, its single-field keys (`id`, `orgNumber`, `code`): a composite key names no one value. */
export type EntityKeyFields = ReadonlyMap<string, readonly string[]>;

/** The entity types of a supergraph and their single-field keys, from its `@join__type(key:)` directives. */
export function entityKeyFields(supergraphSdl: string): EntityKeyFields {
  const keys = new Map<string, string[]>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION
    )
      continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'join__type') continue;
      const key = directive.arguments?.find((argument) => argument.name.value === 'key')?.value;
      if (key?.kind !== Kind.STRING || !/^\w+$/.test(key.value.trim())) continue;
      const fields = keys.get(definition.name.value) ?? [];
      if (!fields.includes(key.value.trim())) fields.push(key.value.trim());
      keys.set(definition.name.value, fields);
    }
  }
  return keys;
}

/** Entity type → key values. */
export type EntityValues = ReadonlyMap<string, ReadonlySet<string>>;

/** Stands in {@link AnswerDependencies.unkeyed} for a subgraph not known: any event may have changed what it answered. */
export const ANY_SUBGRAPH = '*';

/**
 * What one answer depended on, as its subgraph fetches show it. Plain arrays and maps of strings,
 * so that a store outside the process can write it down.
 */
export interface AnswerDependencies {
  /**
   * The subgraphs (sorted, each once) its fetches not for known entities went to: a list, an
   * aggregate, a search, a lookup that found nothing or whose entity the plan did not need to
   * name. {@link ANY_SUBGRAPH} when what it read is not known. Empty when every fetch was for
   * known entities.
   */
  readonly unkeyed: readonly string[];
  /** The entities the other fetches were for: the representations sent, the single entity a root field returned. */
  readonly anchors: EntityValues;
}

/**
 * What an event is about: the entities it names and the subgraphs whose answers it cannot change,
 * or (unknown type, unreadable) possibly anything.
 */
export type EventEntities =
  | { readonly anything: true }
  | {
      readonly anything?: false;
      readonly named: EntityValues;
      /** The subgraphs that neither publish nor read its topic (see {@link touches}). */
      readonly unaffected: ReadonlySet<string>;
    };

/**
 * Why an event drops an answer: it may be about anything (`anything`), may change a list one of
 * the answer's subgraphs gave (`list`), names no entity of a type the answer was for (`type`),
 * or names the answer's own entity (`entity`).
 */
export type InvalidationReason = 'anything' | 'list' | 'type' | 'entity';

/**
 * Whether an event may have changed an answer, and why. Conservative where it cannot know.
 *
 * Lists, aggregates and searches: an event drops the answer when one of the subgraphs its unkeyed
 * fetches went to publishes the event's topic or reads it (topic-subgraphs.ts), a subgraph not
 * known to the catalogue included. The assumption: what a subgraph answers changes only through
 * its own writes, each of which publishes an event on its own topics in the same transaction
 * (the outbox), and through the events it consumes into its read models. So a competence event
 * leaves the clusters list, which nothing competence says is in, while a new cluster drops it.
 * A write that published nothing would break the assumption: every mutation publishes its event
 * (guarded by every-mutation-publishes.test.ts), and a write made straight onto a database, past
 * the services, is not seen until some event of its subgraph's topics comes.
 *
 * Entities: an answer about entities of a type goes with every event that names no entity of
 * that type, and an answer about cluster A stays only when the event names clusters and A is not
 * one of them, whichever subgraph the event comes from. The assumption, which the services'
 * resolvers keep: what a subgraph says about an entity changes only with events that name that
 * entity or name none of its type.
 */
export function touches(answer: AnswerDependencies, event: EventEntities): InvalidationReason | undefined {
  if (event.anything) return 'anything';
  if (answer.unkeyed.some((subgraph) => !event.unaffected.has(subgraph))) return 'list';
  let reason: InvalidationReason | undefined;
  for (const [type, values] of answer.anchors) {
    const named = event.named.get(type);
    if (!named) reason = 'type';
    else if ([...values].some((value) => named.has(value))) return 'entity';
  }
  return reason;
}

/**
 * How a store names the sets it indexes its answers in: one of the answers built on a list or
 * aggregate, one per entity type, one per entity. The memory and Redis stores name them their
 * own way and find an event's candidates by the same rule ({@link indexesTouchedBy}).
 */
export interface AnswerIndexNames<Name> {
  readonly unkeyed: Name;
  byType(type: string): Name;
  byEntity(type: string, value: string): Name;
}

/** The index sets an answer is kept in. */
export function indexesOf<Name>(names: AnswerIndexNames<Name>, dependencies: AnswerDependencies): Name[] {
  const indexes: Name[] = [];
  if (dependencies.unkeyed.length > 0) indexes.push(names.unkeyed);
  for (const [type, values] of dependencies.anchors) {
    indexes.push(names.byType(type));
    for (const value of values) indexes.push(names.byEntity(type, value));
  }
  return indexes;
}

/**
 * The index sets that hold every answer an event not about `anything` may touch, among answers
 * about `indexedTypes`: the list answers; per type, the answers about the entities the event
 * names, or every answer of the type when it names none of it. {@link touches} then decides each.
 */
export function indexesTouchedBy<Name>(
  names: AnswerIndexNames<Name>,
  indexedTypes: Iterable<string>,
  event: { readonly named: EntityValues },
): Name[] {
  const indexes: Name[] = [names.unkeyed];
  for (const type of indexedTypes) {
    const named = event.named.get(type);
    if (!named) indexes.push(names.byType(type));
    else for (const value of named) indexes.push(names.byEntity(type, value));
  }
  return indexes;
}

/** Collects an answer's dependencies, fetch by fetch, as the gateway makes them. */
export class DependencyRecorder {
  private readonly unkeyed = new Set<string>();
  private fetchedAny = false;
  private readonly anchors = new Map<string, Set<string>>();

  constructor(private readonly keys: EntityKeyFields) {}

  /**
   * One fetch from `subgraph`: with `representations`, an `_entities` fetch for those entities;
   * without, a root fetch, for one entity when each root field returned one the plan named by
   * its key (`__typename` and key), for anything that subgraph lists otherwise.
   */
  fetched(subgraph: string, variables: Record<string, unknown> | undefined, data: unknown): void {
    this.fetchedAny = true;
    const representations = variables?.representations;
    if (Array.isArray(representations)) {
      for (const representation of representations) this.anchor(subgraph, representation);
      return;
    }
    if (!isObject(data)) {
      this.unkeyed.add(subgraph);
      return;
    }
    for (const [field, value] of Object.entries(data)) if (!field.startsWith('__')) this.anchor(subgraph, value);
  }

  dependencies(): AnswerDependencies {
    // No fetch recorded: what the answer read is not known, so any event may have changed it.
    const unkeyed = this.fetchedAny ? [...this.unkeyed].sort() : [ANY_SUBGRAPH];
    return { unkeyed, anchors: this.anchors };
  }

  private anchor(subgraph: string, entity: unknown): void {
    const value = isObject(entity) ? keyOf(this.keys, entity) : undefined;
    if (!value) {
      this.unkeyed.add(subgraph);
      return;
    }
    const values = this.anchors.get(value.type) ?? new Set<string>();
    values.add(value.key);
    this.anchors.set(value.type, values);
  }
}

function keyOf(keys: EntityKeyFields, entity: Record<string, unknown>): { type: string; key: string } | undefined {
  const type = entity.__typename;
  if (typeof type !== 'string') return undefined;
  for (const field of keys.get(type) ?? []) {
    const key = entity[field];
    if (typeof key === 'string' || typeof key === 'number') return { type, key: String(key) };
  }
  return undefined;
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
