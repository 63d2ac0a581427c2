import type { Logger } from '@klynge/platform/logging';
import { Redis } from 'ioredis';
import type { GatewayMetrics } from '../metrics';
import { type AnswerDependencies, type EventEntities, indexesOf, indexesTouchedBy, type InvalidationReason, touches } from './entities';
import { type AnswerCache, type CachedAnswer, type PendingFill, type ServedAnswer, STORE_UNAVAILABLE } from './response-cache';
import { SettleWindow } from './settle-window';

/** How often an unreachable Redis is asked again whether it is back. */
const PROBE_INTERVAL_MS = 250;

/** What one answer depended on, as kept beside it in Redis; the one place it is written and read. */
export function dependenciesToText(dependencies: AnswerDependencies): string {
  return JSON.stringify({
    unkeyed: dependencies.unkeyed,
    anchors: [...dependencies.anchors].map(([type, values]) => [type, [...values]]),
  });
}

export function dependenciesFromText(text: string): AnswerDependencies {
  const parsed = JSON.parse(text) as { unkeyed: string[]; anchors: [string, string[]][] };
  return { unkeyed: parsed.unkeyed, anchors: new Map(parsed.anchors.map(([type, values]) => [type, new Set(values)])) };
}

/** The Redis URL as it may be logged: its address, never its password. */
export function redisAddress(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
}

/**
 * The answers in a Redis several gateways share: an answer one gateway computed is a hit at
 * every other. Each gateway still reads every event itself and drops what it touches here
 * (deleting a key twice is harmless, so N gateways doing it is fine), finding the candidates
 * through index sets kept beside the answers (answers built on a list or aggregate, answers by
 * entity type and by entity), and applying the same {@link touches} rule as the memory cache.
 *
 * Bounds: Redis's own `maxmemory` with `volatile-lru` (infra/redis.sh sets both) bounds what is
 * kept. Only the answers carry a TTL (`ttlSeconds`, otherwise a safety net only), so only they
 * are evicted, least recently used first; the index sets have none and stay: were one evicted
 * (as `allkeys-lru` may do to the set of an entity whose answer is read often but stored long
 * ago), an event naming that entity would not find the answer, which would then stay, stale. An
 * answer evicted leaves its key in index sets, which the next event that names it removes (a
 * set whose last member goes is gone).
 *
 * What bounds staleness: each gateway keeps its own settle window (events it has read), so a
 * gateway never keeps an answer an event it has read touched while it was computed, and does not
 * serve one from Redis that an event it read within the window touches (its drop may still be on
 * its way). A gateway that lags behind another in reading events can still keep an answer
 * computed before a service applied an event the other gateway has already read and acted on;
 * that answer is then served (by the other gateways once their window has passed) until the
 * lagging gateway itself reads the event and drops it, as every gateway reads every event. So an
 * answer is stale at most for the slowest gateway's consumer lag plus the settle window, where
 * with the memory cache each gateway's lag bounds only its own answers.
 *
 * Redis unreachable (or a command past `timeoutMs`): answers are computed and not kept
 * (`bypass`, reason `store_unavailable`), the outage logged once. Events read meanwhile could
 * not drop what they touched, so once Redis answers again every answer of this namespace is
 * deleted before the cache serves anything: nothing kept before the outage survives it. The
 * same on the first connection: while no gateway ran, events may have come that no one applied.
 */
export class RedisResponseCache implements AnswerCache {
  private readonly redis: Redis;
  private readonly settle: SettleWindow;
  /** Serving and keeping answers: connected, and everything kept before the last outage deleted. */
  private healthy = false;
  /** When it last became healthy: an answer whose fetches began before then is not kept. */
  private healthySince = Number.POSITIVE_INFINITY;
  private recovering: Promise<void> | undefined;
  private probe: NodeJS.Timeout | undefined;
  private closed = false;
  /** The outage is logged once, and its end once. */
  private loggedDown = false;
  private readonly keys: ReturnType<typeof namespaceKeys>;

  constructor(
    private readonly options: {
      readonly url: string;
      /** Key prefix: one deployment's answers (its topic prefix), apart from another's on the same Redis. */
      readonly namespace: string;
      readonly settleMs: number;
      readonly timeoutMs: number;
      readonly ttlSeconds: number;
      readonly metrics: GatewayMetrics;
      readonly logger: Logger;
    },
  ) {
    this.keys = namespaceKeys(options.namespace);
    this.settle = new SettleWindow(options.settleMs, () => performance.now());
    this.redis = new Redis(options.url, {
      // Fail at once while not connected (the request goes uncached) rather than queue commands.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.timeoutMs,
      connectTimeout: Math.max(options.timeoutMs, 1_000),
      retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
    });
    // ioredis reports every failed connection attempt; the outage is logged once, by failed().
    this.redis.on('error', (error: Error) => this.failed('connection', error));
    this.redis.on('ready', () => void this.recover());
  }

  begin(key: string): PendingFill {
    return { key, startedAt: performance.now() };
  }

  async get(key: string): Promise<ServedAnswer | undefined | typeof STORE_UNAVAILABLE> {
    if (!this.healthy) return STORE_UNAVAILABLE;
    try {
      const fields = await this.redis.hgetallBuffer(this.keys.answer(key));
      if (!fields.body || !fields.etag || !fields.operation || !fields.dependencies) return undefined;
      // An event this gateway read within the settle window touches it: its drop in Redis may
      // still be on its way (or the answer was kept by a gateway that had not read the event).
      // Computed again, as the memory cache would after dropping it at once.
      const dependencies = fields.dependencies;
      if (this.settle.spoils(performance.now(), () => dependenciesFromText(dependencies.toString()))) return undefined;
      return { body: fields.body, etag: fields.etag.toString(), operation: fields.operation.toString() };
    } catch (error) {
      this.failed('get', error);
      return STORE_UNAVAILABLE;
    }
  }

  async store(fill: PendingFill, answer: CachedAnswer): Promise<boolean> {
    if (this.settle.spoils(fill.startedAt, () => answer.dependencies)) {
      this.options.metrics.responseCacheStoresSkipped.inc({ reason: 'settling' });
      return false;
    }
    // Begun before Redis was last back: events of the outage may have touched it.
    if (!this.healthy || fill.startedAt < this.healthySince) {
      this.options.metrics.responseCacheStoresSkipped.inc({ reason: 'store_unavailable' });
      return false;
    }
    const { keys } = this;
    const { ttlSeconds } = this.options;
    const indexes = indexesOf(keys, answer.dependencies);
    const entry = keys.answer(fill.key);
    const transaction = this.redis
      .multi()
      .hset(entry, {
        body: answer.body,
        etag: answer.etag,
        operation: answer.operation,
        dependencies: dependenciesToText(answer.dependencies),
      })
      .expire(entry, ttlSeconds);
    // The index sets without a TTL: volatile-lru never evicts them (see the class's comment).
    for (const index of indexes) transaction.sadd(index, fill.key);
    const types = [...answer.dependencies.anchors.keys()];
    if (types.length > 0) transaction.sadd(keys.types, ...types);
    try {
      await transaction.exec();
      return true;
    } catch (error) {
      this.failed('store', error);
      return false;
    }
  }

  async invalidate(entities: EventEntities): Promise<number> {
    // Recorded whether or not Redis answers: the settle rule holds for this gateway's own stores.
    this.settle.record(entities);
    // Unreachable: what this event touched goes with everything else once Redis is back.
    if (!this.healthy) return 0;
    try {
      if (entities.anything) return await this.deleteAll('anything');
      const { keys } = this;
      // The sets whose answers the event may touch, as the memory cache's indexes find them.
      const sets = indexesTouchedBy(keys, await this.redis.smembers(keys.types), entities);
      const candidates = await this.redis.sunion(...sets);
      if (candidates.length === 0) return 0;
      const found = await this.redis.pipeline(candidates.map((key) => ['hget', keys.answer(key), 'dependencies'])).exec();
      const drops: { key: string; dependencies?: AnswerDependencies; reason?: InvalidationReason }[] = [];
      candidates.forEach((key, index) => {
        const [error, text] = found?.[index] ?? [];
        if (error) throw error;
        if (typeof text !== 'string') {
          // Evicted (maxmemory, TTL) or dropped by another gateway: only its index entries are left.
          drops.push({ key });
          return;
        }
        const dependencies = dependenciesFromText(text);
        const reason = touches(dependencies, entities);
        if (reason) drops.push({ key, dependencies, reason });
      });
      // The answers first, so the first results say which this gateway deleted; then their index entries.
      const transaction = this.redis.multi();
      for (const { key } of drops) transaction.del(keys.answer(key));
      for (const { key, dependencies } of drops)
        for (const index of dependencies ? indexesOf(keys, dependencies) : sets) transaction.srem(index, key);
      const results = (await transaction.exec()) ?? [];
      let dropped = 0;
      drops.forEach(({ reason }, index) => {
        // Counted by the gateway whose DEL removed it, so N gateways count each drop once.
        if (!reason || results[index]?.[1] !== 1) return;
        this.options.metrics.responseCacheInvalidations.inc({ reason });
        dropped += 1;
      });
      return dropped;
    } catch (error) {
      this.failed('invalidate', error);
      return 0;
    }
  }

  async clear(reason: 'supergraph'): Promise<void> {
    if (!this.healthy) return;
    try {
      await this.deleteAll(reason);
    } catch (error) {
      this.failed('clear', error);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.probe);
    this.redis.disconnect();
    await this.recovering?.catch(() => undefined);
  }

  /** Deletes every key of this namespace (answers and indexes); counts the answers. */
  private async deleteAll(reason: InvalidationReason | 'supergraph' | 'recovered'): Promise<number> {
    let answers = 0;
    const stream = this.redis.scanStream({ match: `${globEscaped(this.options.namespace)}*`, count: 1_000 });
    for await (const batch of stream as AsyncIterable<string[]>) {
      if (batch.length === 0) continue;
      await this.redis.unlink(...batch);
      answers += batch.filter((key) => key.startsWith(this.keys.answerPrefix)).length;
    }
    if (answers > 0) this.options.metrics.responseCacheInvalidations.inc({ reason }, answers);
    return answers;
  }

  /** An eviction policy that may take an index set away leaves answers stale: said in the log (once a connection). */
  private async warnOnEvictionPolicy(): Promise<void> {
    // A managed Redis may refuse CONFIG: then nothing is known, and nothing said.
    const policy = (await this.redis.config('GET', 'maxmemory-policy').catch(() => [])) as string[];
    if (policy[1]?.startsWith('allkeys-'))
      this.options.logger.warn(
        { redis: redisAddress(this.options.url), policy: policy[1] },
        'Redis may evict the response cache index sets (maxmemory-policy allkeys-*), and answers may then stay stale: set volatile-lru',
      );
  }

  /** A command failed: answer uncached until Redis is back and cleared; log the outage once. */
  private failed(operation: string, error: unknown): void {
    this.options.metrics.responseCacheStoreErrors.inc({ operation });
    if (this.closed) return;
    this.healthy = false;
    if (!this.loggedDown) {
      this.loggedDown = true;
      this.options.logger.warn(
        { redis: redisAddress(this.options.url), operation, reason: error instanceof Error ? error.message : String(error) },
        'The response cache cannot reach Redis: answers are computed and not kept until it is back',
      );
    }
    this.scheduleProbe();
  }

  /** While connected but failing (a command timed out), asks Redis again until it answers. */
  private scheduleProbe(): void {
    if (this.probe || this.closed) return;
    this.probe = setTimeout(() => {
      this.probe = undefined;
      if (this.redis.status === 'ready') void this.recover();
    }, PROBE_INTERVAL_MS);
    this.probe.unref();
  }

  /** Redis answers again: delete what the outage may have left stale, then serve and keep again. */
  private recover(): Promise<void> {
    this.recovering ??= (async () => {
      try {
        const since = performance.now();
        await this.redis.ping();
        await this.warnOnEvictionPolicy();
        await this.deleteAll('recovered');
        if (this.closed) return;
        this.healthy = true;
        this.healthySince = since;
        if (this.loggedDown) this.options.logger.info({ redis: redisAddress(this.options.url) }, 'The response cache reaches Redis again');
        this.loggedDown = false;
      } catch (error) {
        this.failed('recover', error);
      } finally {
        this.recovering = undefined;
      }
    })();
    return this.recovering;
  }
}

function namespaceKeys(namespace: string) {
  return {
    answerPrefix: `${namespace}answer:`,
    answer: (key: string) => `${namespace}answer:${key}`,
    unkeyed: `${namespace}unkeyed`,
    types: `${namespace}types`,
    byType: (type: string) => `${namespace}type:${type}`,
    byEntity: (type: string, value: string) => `${namespace}entity:${JSON.stringify([type, value])}`,
  };
}

/** The namespace as a literal in a SCAN pattern. */
const globEscaped = (text: string) => text.replace(/[*?[\]\\]/g, '\\$&');
