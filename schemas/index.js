'use strict';
const path = require('node:path');

/** Folder of the event JSON Schemas: `<topic>/<EventName>.json`, plus `envelope.json`. */
exports.eventSchemaDir = path.join(__dirname, 'events');
/** Folder of the GraphQL SDL files (`<subgraph>.graphql`, `supergraph.graphql`). */
exports.graphqlSchemaDir = __dirname;
/** Folder of the registered client operations (`*.graphql`, every operation named). */
exports.operationsDir = path.join(__dirname, 'operations');
