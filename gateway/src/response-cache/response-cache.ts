import { LRUCache } from 'lru-cache';
import type { GatewayMetrics } from '../metrics';
import {
  type AnswerDependencies,
  type AnswerIndexNames,
  type EventEntities,
  indexesOf,
  indexesTouchedBy,
  type InvalidationReason,
  touches,
} from './entities';
import { SettleWindow } from './settle-window';

/** One cached answer: the body as sent (encoded once, with its ETag), and what it was built from. */
export interface CachedAnswer {
  readonly body: Buffer;
  readonly etag: string;
  /** The operation's metrics label. */
  readonly operation: string;
  readonly dependencies: AnswerDependencies;
}

/** What a hit serves: the answer without what it was built from. */
export type ServedAnswer = Pick<CachedAnswer, 'body' | 'etag' | 'operation'>;

/** Where an answer being computed stands: its key, and when its fetches began. */
export interface PendingFill {
  readonly key: string;
  readonly startedAt: number;
}

/** Bytes an entry costs besides its body and key: the dependency sets and the cache's own records. */
const ENTRY_OVERHEAD = 512;

/** The store cannot be used now (Redis unreachable): the request is answered uncached. */
export const STORE_UNAVAILABLE = 'unavailable';

/**
 * Where answers are kept: the gateway's memory ({@link ResponseCache}, every method synchronous,
 * so a hit costs no turn of the event loop) or a Redis several gateways share
 * (RedisResponseCache, whose methods answer promises). Callers take either.
 */
export interface AnswerCache {
  begin(key: string): PendingFill;
  get(key: string): MaybePromise<ServedAnswer | undefined | typeof STORE_UNAVAILABLE>;
  /** Keeps an answer, unless an event that touched it arrived while it could have been computed from stale data (SettleWindow). */
  store(fill: PendingFill, answer: CachedAnswer): MaybePromise<boolean>;
  invalidate(entities: EventEntities): MaybePromise<number>;
  clear(reason: 'supergraph'): MaybePromise<void>;
  close?(): Promise<void>;
}

export type MaybePromise<T> = T | Promise<T>;

/**
 * Whole answers in process memory, least recently used going first past `maxBytes`, each dropped
 * as soon as an event may have changed it ({@link touches}), and not kept when an event touched
 * it while it was computed ({@link SettleWindow}).
 */
export class ResponseCache implements AnswerCache {
  private readonly entries: LRUCache<string, CachedAnswer>;
  /** Index: answers built on a list or aggregate, and answers by entity type and key (see MEMORY_INDEX_NAMES). */
  private readonly indexes = new Map<string, Set<string>>();
  /** The entity types whose index set is not empty. */
  private readonly indexedTypes = new Set<string>();
  private readonly settle: SettleWindow;

  constructor(
    private readonly options: {
      readonly maxBytes: number;
      readonly settleMs: number;
      readonly metrics: GatewayMetrics;
      readonly now?: () => number;
    },
  ) {
    this.settle = new SettleWindow(options.settleMs, () => this.now());
    this.entries = new LRUCache<string, CachedAnswer>({
      maxSize: options.maxBytes,
      // One answer may take at most an eighth of the cache: a huge answer does not empty it.
      maxEntrySize: Math.max(1, Math.floor(options.maxBytes / 8)),
      sizeCalculation: (answer, key) => answer.body.length + key.length + ENTRY_OVERHEAD,
      dispose: (answer, key) => this.unindex(key, answer),
    });
  }

  private now(): number {
    return this.options.now?.() ?? performance.now();
  }

  begin(key: string): PendingFill {
    return { key, startedAt: this.now() };
  }

  get(key: string): CachedAnswer | undefined {
    return this.entries.get(key);
  }

  store(fill: PendingFill, answer: CachedAnswer): boolean {
    if (this.settle.spoils(fill.startedAt, () => answer.dependencies)) {
      this.options.metrics.responseCacheStoresSkipped.inc({ reason: 'settling' });
      return false;
    }
    this.entries.set(fill.key, answer);
    if (!this.entries.has(fill.key)) {
      this.options.metrics.responseCacheStoresSkipped.inc({ reason: 'too_large' });
      return false;
    }
    this.index(fill.key, answer);
    return true;
  }

  invalidate(entities: EventEntities): number {
    this.settle.record(entities);
    const candidates = new Set<string>();
    if (entities.anything) for (const key of this.entries.keys()) candidates.add(key);
    else
      for (const index of indexesTouchedBy(MEMORY_INDEX_NAMES, this.indexedTypes, entities))
        for (const key of this.indexes.get(index) ?? []) candidates.add(key);
    let dropped = 0;
    for (const key of candidates) {
      const answer = this.entries.peek(key);
      const reason = answer && touches(answer.dependencies, entities);
      if (!reason) continue;
      this.drop(key, reason);
      dropped += 1;
    }
    return dropped;
  }

  clear(reason: 'supergraph'): void {
    for (const key of [...this.entries.keys()]) this.drop(key, reason);
  }

  get size(): number {
    return this.entries.size;
  }

  private drop(key: string, reason: InvalidationReason | 'supergraph'): void {
    this.entries.delete(key);
    this.options.metrics.responseCacheInvalidations.inc({ reason });
  }

  private index(key: string, answer: CachedAnswer): void {
    for (const index of indexesOf(MEMORY_INDEX_NAMES, answer.dependencies)) addTo(this.indexes, index, key);
    for (const type of answer.dependencies.anchors.keys()) this.indexedTypes.add(type);
  }

  private unindex(key: string, answer: CachedAnswer): void {
    for (const index of indexesOf(MEMORY_INDEX_NAMES, answer.dependencies)) removeFrom(this.indexes, index, key);
    for (const type of answer.dependencies.anchors.keys())
      if (!this.indexes.has(MEMORY_INDEX_NAMES.byType(type))) this.indexedTypes.delete(type);
  }
}

/** The memory store's index names: a NUL, which no GraphQL type name holds, keeps them apart. */
const MEMORY_INDEX_NAMES: AnswerIndexNames<string> = {
  unkeyed: '\u0000',
  byType: (type) => type,
  byEntity: (type, value) => `${type}\u0000${value}`,
};

function addTo(index: Map<string, Set<string>>, at: string, key: string): void {
  const keys = index.get(at) ?? new Set<string>();
  keys.add(key);
  index.set(at, keys);
}

function removeFrom(index: Map<string, Set<string>>, at: string, key: string): void {
  const keys = index.get(at);
  keys?.delete(key);
  if (keys?.size === 0) index.delete(at);
}
