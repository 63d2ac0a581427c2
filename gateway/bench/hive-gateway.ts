/**
 * The peers for the benchmark: the same supergraph served by Hive Gateway's runtime
 * (@graphql-hive/gateway-runtime, the engine of @graphql-hive/gateway), with the same subgraph
 * secrets our gateway sends; with HIVE_ROUTER_RUNTIME=true it plans and executes with Hive
 * Router's Rust query planner (@graphql-hive/router-runtime, a native addon in the npm package).
 * With HIVE_RESPONSE_CACHE_TTL_MS it caches whole answers for that long, shared by every caller,
 * with the runtime's own response cache (`responseCaching`: @graphql-mesh/plugin-response-cache
 * over @envelop/response-cache, as the runtime 2.12 pins them) in the in-memory LRU store Hive's
 * documentation names (@graphql-mesh/cache-inmemory-lru), which also drops the answers that hold an
 * entity a mutation through this gateway returns. A caller's token goes on to the
 * subgraphs, so that mutations through it are the caller's.
 * Run as its own process by run.ts; not part of Klynge itself.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import InMemoryLRUCache from '@graphql-mesh/cache-inmemory-lru';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { SUBGRAPH_SECRET_HEADER } from '@klynge/platform';
import { defaultUrlOf, SUBGRAPHS, supergraphFile } from '../src/subgraphs';

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

// The supergraph names each subgraph's default URL; point them at where the benchmark runs them.
let supergraph = readFileSync(supergraphFile, 'utf8');
for (const entry of SUBGRAPHS) {
  supergraph = supergraph.replace(
    `@join__graph(name: "${entry.name}", url: "${defaultUrlOf(entry)}")`,
    `@join__graph(name: "${entry.name}", url: "${required(entry.urlVariable)}")`,
  );
}
const secrets = new Map<string, string | undefined>(SUBGRAPHS.map(({ name, secretVariable }) => [name, process.env[secretVariable]]));

// The store keeps an answer under one key and two more per entity in it (for invalidation): its
// default of 1,000 keys cannot hold one dashboard answer (250 clusters with their programmes), and
// evicts the answer as it writes them.
const CACHE_KEYS = 100_000;
const cacheTtlMs = process.env.HIVE_RESPONSE_CACHE_TTL_MS ? Number(process.env.HIVE_RESPONSE_CACHE_TTL_MS) : undefined;

const gateway = createGatewayRuntime({
  supergraph,
  ...(process.env.HIVE_ROUTER_RUNTIME === 'true' ? { unifiedGraphHandler } : {}),
  // One entry per document and variables for everyone (session null): the benchmark reads anonymously.
  ...(cacheTtlMs
    ? {
        cache: new InMemoryLRUCache({ max: CACHE_KEYS }),
        responseCaching: { session: () => null, ttl: cacheTtlMs, invalidateViaMutation: true },
      }
    : {}),
  logging: false,
  graphiql: false,
  landingPage: false,
  maskedErrors: false,
  propagateHeaders: {
    fromClientToSubgraphs: ({ request, subgraphName }) => {
      const secret = secrets.get(subgraphName);
      const authorization = request.headers.get('authorization');
      return { ...(secret ? { [SUBGRAPH_SECRET_HEADER]: secret } : {}), ...(authorization ? { authorization } : {}) };
    },
  },
});

// The runtime is a fetch-style handler; node's server takes it as a request listener.
const server = http.createServer((request, response) => void gateway(request, response));
server.listen(Number(required('PORT')), '127.0.0.1');
const stop = () => {
  server.close();
  void Promise.resolve(gateway.dispose()).then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
