import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Caller } from '@klynge/platform/auth';
import type express from 'express';
import { Kind, OperationTypeNode, parse } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { GatewayMetrics } from '../metrics';
import { DependencyRecorder, type EntityKeyFields, isObject } from './entities';
import { type AnswerCache, type PendingFill, type ServedAnswer, STORE_UNAVAILABLE } from './response-cache';

/** Every GraphQL answer says where it came from: `hit` (the cache), `miss` (the subgraphs, now kept) or `bypass` (not cacheable). */
export const CACHE_HEADER = 'x-klynge-cache';

/** An answer being computed for the cache: where it goes, and what its fetches depend on. */
export interface CacheFill {
  readonly pending: PendingFill;
  readonly recorder: DependencyRecorder;
  /**
   * Set when the request was given another request's result (coalesced-queries.ts): its own
   * fetches never ran, so neither what the answer depends on nor whether an event came while it
   * was computed is known here. The request that computed it keeps it.
   */
  joined?: boolean;
}

/** The request was answered with another's result: its answer is not kept (see CacheFill.joined). */
export function joinedAnotherRequest(context: CacheContext | undefined): void {
  if (context?.cacheFill) context.cacheFill.joined = true;
}

/** The part of the request context the cache reads: set when the answer may be kept. */
export interface CacheContext {
  readonly cacheFill?: CacheFill;
}

/** The types the cached answers are served as, in Apollo Server's order of preference. */
const ANSWER_TYPES = ['application/json', 'application/graphql-response+json'] as const;

/**
 * The response cache's two ends in the request: `lookup`, an express handler after the token is
 * checked and a registered operation's hash resolved, answers a hit at once, without Apollo
 * Server; `plugin` keeps a miss's answer when it has no errors. Only queries sent by POST are
 * cached, keyed by the document, the operation name, the variables and who asks: anonymous
 * callers share answers; a token holder's are their own (keyed by every claim of their token
 * that the subgraphs may read), so no caller is ever served another's. A request with
 * `Cache-Control: no-cache` (or `no-store`) is answered by the subgraphs and not kept.
 */
export function responseCacheHttp(options: {
  /** Undefined when the cache is off. */
  readonly cache: AnswerCache | undefined;
  readonly metrics: GatewayMetrics;
  readonly entityKeys: () => EntityKeyFields;
}) {
  const { cache, metrics } = options;
  const operationTypes = new LRUCache<string, ReadonlyMap<string, OperationTypeNode> | 'invalid'>({ max: 1_000 });

  /** Whether the request is for a query (not a mutation or subscription), by its document. */
  const isQuery = (query: string, operationName: unknown): boolean => {
    let types = operationTypes.get(query);
    if (!types) {
      try {
        types = new Map(
          parse(query)
            .definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
            .map((definition) => [definition.name?.value ?? '', definition.operation]),
        );
      } catch {
        types = 'invalid';
      }
      operationTypes.set(query, types);
    }
    if (types === 'invalid') return false;
    const type = typeof operationName === 'string' ? types.get(operationName) : types.size === 1 ? [...types.values()][0] : undefined;
    return type === OperationTypeNode.QUERY;
  };

  const lookup: express.RequestHandler = (request, response, next) => {
    response.setHeader(CACHE_HEADER, 'bypass');
    if (!cache) {
      metrics.responseCacheBypasses.inc({ reason: 'off' });
      return next();
    }
    // A client may ask for an answer computed now (Cache-Control: no-cache or no-store), as HTTP caches allow.
    if (/\bno-(cache|store)\b/i.test(request.header('cache-control') ?? '')) {
      metrics.responseCacheBypasses.inc({ reason: 'requested' });
      return next();
    }
    const body: unknown = request.body;
    const accepted = request.accepts([...ANSWER_TYPES]);
    if (
      request.method !== 'POST' ||
      !isObject(body) ||
      typeof body.query !== 'string' ||
      !accepted ||
      !isQuery(body.query, body.operationName) ||
      (body.variables !== undefined && body.variables !== null && !isObject(body.variables))
    ) {
      metrics.responseCacheBypasses.inc({ reason: 'not_query' });
      return next();
    }
    const key = cacheKey(response.locals.caller as Caller | undefined, body.query, body.operationName, body.variables);
    const found = cache.get(key);
    // The memory cache answers at once, in this turn of the event loop; a shared store answers a promise.
    if (found instanceof Promise) found.then((answer) => answered(answer, key, accepted, response, next), next);
    else answered(found, key, accepted, response, next);
  };

  /** Serves a hit, or lets the request on to be computed (and kept, when the store is there). */
  const answered = (
    answer: ServedAnswer | undefined | typeof STORE_UNAVAILABLE,
    key: string,
    accepted: string,
    response: express.Response,
    next: express.NextFunction,
  ): void => {
    if (answer === STORE_UNAVAILABLE) {
      // The shared store is unreachable: answered by the subgraphs, not kept.
      metrics.responseCacheBypasses.inc({ reason: 'store_unavailable' });
      return next();
    }
    if (answer) {
      metrics.responseCacheHits.inc();
      metrics.requests.inc({ operation: answer.operation, outcome: 'ok' });
      // Express would hash the body for an ETag on every send: the one made when it was kept is sent instead.
      response.status(200).type(`${accepted}; charset=utf-8`).setHeader(CACHE_HEADER, 'hit').setHeader('etag', answer.etag);
      response.send(answer.body);
      return;
    }
    const fill: CacheFill = { pending: cache!.begin(key), recorder: new DependencyRecorder(options.entityKeys()) };
    response.locals.cacheFill = fill;
    next();
  };

  const plugin: ApolloServerPlugin<CacheContext> = {
    // eslint-disable-next-line @typescript-eslint/require-await -- Apollo's hook is async by contract
    requestDidStart: async () => ({
      // eslint-disable-next-line @typescript-eslint/require-await
      willSendResponse: async ({ contextValue, response, operationName }) => {
        const fill = contextValue.cacheFill;
        if (!fill || !cache) return;
        const { body } = response;
        if (body.kind !== 'single' || body.singleResult.errors || !body.singleResult.data || (response.http.status ?? 200) !== 200) {
          // Never an error, nor an answer some subgraph left partial (SUBGRAPH_UNAVAILABLE).
          metrics.responseCacheBypasses.inc({ reason: 'error' });
          response.http.headers.set(CACHE_HEADER, 'bypass');
          return;
        }
        if (fill.joined) {
          metrics.responseCacheBypasses.inc({ reason: 'coalesced' });
          response.http.headers.set(CACHE_HEADER, 'bypass');
          return;
        }
        metrics.responseCacheMisses.inc();
        response.http.headers.set(CACHE_HEADER, 'miss');
        const { data, extensions } = body.singleResult;
        // As Apollo Server writes it (one line of JSON and a newline).
        const text = `${JSON.stringify(extensions ? { data, extensions } : { data })}\n`;
        // Not awaited: the answer is sent while a shared store keeps it (which reports its own failures).
        void cache.store(fill.pending, {
          body: Buffer.from(text),
          etag: `W/"${createHash('sha1').update(text).digest('base64url')}"`,
          operation: metrics.operationLabel(operationName),
          dependencies: fill.recorder.dependencies(),
        });
      },
    }),
  };

  return { lookup, plugin };
}

/** Who the answer is for: everyone without a token alike; a token holder by every claim the subgraphs may read. */
function identityOf(caller: Caller | undefined): string {
  if (!caller) return 'anonymous';
  return JSON.stringify([caller.subject, [...caller.roles].sort(), caller.agency ?? null, caller.clusterId ?? null, caller.unit ?? null]);
}

function cacheKey(caller: Caller | undefined, query: string, operationName: unknown, variables: unknown): string {
  return createHash('sha256')
    .update(
      JSON.stringify([identityOf(caller), typeof operationName === 'string' ? operationName : null, query, canonical(variables ?? {})]),
    )
    .digest('base64url');
}

/** The same variables in any key order give the same key. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical(value[key])]),
  );
}
