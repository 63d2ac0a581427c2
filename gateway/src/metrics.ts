import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** The label of operations that are not registered: named by clients, so not to be trusted. */
export const OTHER_OPERATION = 'other';
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * The gateway's Prometheus metrics: requests and their latency per operation, requests to each
 * subgraph and their latency, query-plan cache hits and misses, and errors by code. One registry
 * per gateway, so that several gateways in one process (tests) keep their own counts.
 *
 * Every label has a bounded set of values: operations are labelled by name only when registered
 * (schemas/operations), everything else is `other`, so clients cannot grow the metrics at will.
 */
export class GatewayMetrics {
  constructor(private readonly registeredOperations: ReadonlySet<string> = new Set()) {}

  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'klynge_gateway_requests_total',
    help: 'GraphQL requests, by operation name and outcome',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly requestDuration = new Histogram({
    name: 'klynge_gateway_request_duration_seconds',
    help: 'Time to answer a GraphQL request, by operation name',
    labelNames: ['operation'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });
  readonly subgraphRequests = new Counter({
    name: 'klynge_gateway_subgraph_requests_total',
    help: 'Requests the gateway sent to each subgraph, by outcome',
    labelNames: ['subgraph', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly subgraphDuration = new Histogram({
    name: 'klynge_gateway_subgraph_request_duration_seconds',
    help: 'Time a subgraph took to answer the gateway',
    labelNames: ['subgraph'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });
  readonly queryPlans = new Counter({
    name: 'klynge_gateway_query_plans_total',
    help: 'Query plans looked up, by whether the cache had the plan (hit) or it had to be made (miss)',
    labelNames: ['cache'] as const,
    registers: [this.registry],
  });
  readonly supergraph = new Gauge({
    name: 'klynge_gateway_supergraph_info',
    help: 'The supergraph being served, by the first 16 hex digits of its SHA-256 (1 for the one served)',
    labelNames: ['hash'] as const,
    registers: [this.registry],
  });
  readonly supergraphUpdates = new Counter({
    name: 'klynge_gateway_supergraph_updates_total',
    help: 'New supergraphs offered while running, by whether the gateway switched to them or refused them',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly responseCacheHits = new Counter({
    name: 'klynge_response_cache_hits_total',
    help: 'GraphQL answers served from the response cache',
    registers: [this.registry],
  });
  readonly responseCacheMisses = new Counter({
    name: 'klynge_response_cache_misses_total',
    help: 'Cacheable GraphQL requests the response cache did not hold, answered by the subgraphs',
    registers: [this.registry],
  });
  readonly responseCacheBypasses = new Counter({
    name: 'klynge_response_cache_bypasses_total',
    help: 'GraphQL answers the response cache does not keep, by why: not a query over POST, an error, asked for fresh (Cache-Control: no-cache), the cache off, given the result of an identical request (coalesced), or its shared store (Redis) unreachable (store_unavailable)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly responseCacheInvalidations = new Counter({
    name: 'klynge_response_cache_invalidations_total',
    help: 'Cached answers dropped, by why: an event names their entity (entity), names none of its type (type), may change any list (list), could not be read (anything), a new supergraph, or everything in the shared store deleted once it was reachable again (recovered)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly responseCacheStoresSkipped = new Counter({
    name: 'klynge_response_cache_stores_skipped_total',
    help: 'Answers computed but not kept: an event touching them arrived while they were computed or its consumers were settling (settling), too large, or the shared store unreachable since they were begun (store_unavailable)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly responseCacheStoreErrors = new Counter({
    name: 'klynge_response_cache_store_errors_total',
    help: 'Failed commands to the shared store of the response cache (Redis), by what was asked: get, store, invalidate, clear, recover, or a lost connection',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });
  readonly responseCacheEvents = new Counter({
    name: 'klynge_response_cache_events_total',
    help: 'Events the response cache read from the event topics',
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'klynge_gateway_errors_total',
    help: 'Errors in responses, by code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  /** The label of an operation: its name when registered, `other` otherwise. */
  operationLabel(operationName: string | null | undefined): string {
    return operationName && this.registeredOperations.has(operationName) ? operationName : OTHER_OPERATION;
  }

  /** Times a request to `subgraph`, counting it by outcome. */
  async timeSubgraph<T>(subgraph: string, request: () => Promise<T>): Promise<T> {
    const done = this.subgraphDuration.startTimer({ subgraph });
    try {
      const result = await request();
      this.subgraphRequests.inc({ subgraph, outcome: 'ok' });
      return result;
    } catch (error) {
      this.subgraphRequests.inc({ subgraph, outcome: 'error' });
      throw error;
    } finally {
      done();
    }
  }

  plugin<TContext extends object>(): ApolloServerPlugin<TContext> {
    return {
      // eslint-disable-next-line @typescript-eslint/require-await -- Apollo's hook is async by contract
      requestDidStart: async () => {
        const done = this.requestDuration.startTimer();
        return {
          // eslint-disable-next-line @typescript-eslint/require-await
          willSendResponse: async ({ operationName, errors }) => {
            const operation = this.operationLabel(operationName);
            done({ operation });
            this.requests.inc({ operation, outcome: errors?.length ? 'error' : 'ok' });
            for (const error of errors ?? []) {
              const code = error.extensions?.code;
              this.errors.inc({ code: typeof code === 'string' && ERROR_CODE.test(code) ? code : 'UNKNOWN' });
            }
          },
        };
      },
    };
  }
}
