import type { ApolloGateway } from '@apollo/gateway';
import { OperationTypeNode } from 'graphql';
import { InFlight, SharingEpoch } from './sharing-epoch';

/** What Apollo Server asks of a gateway: the part of ApolloGateway it calls. */
type GatewayInterface = Pick<ApolloGateway, 'load' | 'onSchemaLoadOrUpdate' | 'stop'>;
type Executor = NonNullable<Awaited<ReturnType<ApolloGateway['load']>>['executor']>;
type ExecutionRequest = Parameters<Executor>[0];
type ExecutionResult = Awaited<ReturnType<Executor>>;

/**
 * `gateway`, executing identical queries in flight at the same moment once: a request whose
 * query, operation name, variables and caller (`callerOf`: everything the gateway passes on to
 * the subgraphs that can change their answer) match one being executed waits for that one's
 * result instead of planning, fetching, merging and shaping the same answer again.
 *
 * The subgraph fetcher already sends such requests' subgraph queries once (subgraph-fetcher.ts);
 * what it cannot share is the gateway's own work on the answers, each request parsing its copy,
 * merging it and shaping the result (@apollo/gateway's result shaping walks the whole answer),
 * which is most of what a large answer costs the gateway. Only queries are shared, never
 * mutations, and never across callers; each request still goes through Apollo Server's pipeline
 * of its own (limits, metrics, error formatting) and its own serialisation of the shared,
 * read-only result. A request that arrives after the result is done starts afresh: this keeps
 * nothing. Nor does one that arrives after the data may have changed (`epoch`: a mutation through
 * this gateway answered, or an event came in) while the execution it matches was in flight.
 */
export function coalescingIdenticalQueries(
  gateway: GatewayInterface,
  callerOf: (request: ExecutionRequest) => string | undefined,
  /** Told of each request given another's result (the response cache must not keep its answer). */
  joined: (request: ExecutionRequest) => void = () => undefined,
  /** Shared with the subgraph fetcher and the event reader: when in-flight executions stop being joinable. */
  epoch: SharingEpoch = new SharingEpoch(),
): GatewayInterface {
  const inFlight = new InFlight<ExecutionResult>(epoch);
  const coalesced =
    (execute: Executor): Executor =>
    (request) => {
      if (request.operation.operation !== OperationTypeNode.QUERY) {
        // A query asked after a mutation has answered must see what it wrote: none may join an
        // execution that began before (those already waiting keep it; they asked before).
        return execute(request).finally(() => epoch.advance());
      }
      const { operationName, variables } = request.request;
      const key = JSON.stringify([request.queryHash, operationName ?? null, variables ?? {}, callerOf(request) ?? null]);
      const shared = inFlight.share(key, () => execute(request));
      if (shared.joined) joined(request);
      return shared.work;
    };
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
    async load(options) {
      const loaded = await gateway.load(options);
      return { ...loaded, executor: loaded.executor && coalesced(loaded.executor) };
    },
  };
}
