/**
 * The peers for the benchmark: the same supergraph served by Hive Gateway's runtime
 * (@graphql-hive/gateway-runtime, the engine of @graphql-hive/gateway), with the same subgraph
 * secrets our gateway sends; with HIVE_ROUTER_RUNTIME=true it plans and executes with Hive
 * Router's Rust query planner (@graphql-hive/router-runtime, a native addon in the npm package).
 * Run as its own process by run.ts; not part of Klynge itself.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
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

const gateway = createGatewayRuntime({
  supergraph,
  ...(process.env.HIVE_ROUTER_RUNTIME === 'true' ? { unifiedGraphHandler } : {}),
  logging: false,
  graphiql: false,
  landingPage: false,
  maskedErrors: false,
  propagateHeaders: {
    fromClientToSubgraphs: ({ subgraphName }) => {
      const secret = secrets.get(subgraphName);
      return secret ? { [SUBGRAPH_SECRET_HEADER]: secret } : {};
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
