'use strict';
const path = require('node:path');

/** Folder of the event JSON Schemas: `<topic>/<EventName>.json`, plus `envelope.json`. */
exports.eventSchemaDir = path.join(__dirname, 'events');
/** Folder of the GraphQL SDL files (`<subgraph>.graphql`, `supergraph.graphql`). */
exports.graphqlSchemaDir = __dirname;
/** Folder of the registered client operations (`*.graphql`, every operation named). */
exports.operationsDir = path.join(__dirname, 'operations');
/** The subgraph registry: every subgraph of the graph, in the order they start (see subgraphs.json). */
exports.subgraphRegistryFile = path.join(__dirname, 'subgraphs.json');
exports.subgraphRegistry = function subgraphRegistry() {
  return JSON.parse(require('node:fs').readFileSync(exports.subgraphRegistryFile, 'utf8'));
};
/** One registered subgraph, by name; throws when there is none. */
exports.registeredSubgraph = function registeredSubgraph(name) {
  const found = exports.subgraphRegistry().find((entry) => entry.name === name);
  if (!found) throw new Error(`No subgraph ${name} in ${exports.subgraphRegistryFile}`);
  return found;
};

/** The agencies that own subgraphs (`siva`, ...), sorted: each also a principal of its own on Kafka. */
exports.registeredAgencies = function registeredAgencies(registry = exports.subgraphRegistry()) {
  return [...new Set(registry.map((entry) => entry.owner))].sort();
};
