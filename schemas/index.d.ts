/** Folder of the event JSON Schemas: `<topic>/<EventName>.json`, plus `envelope.json`. */
export declare const eventSchemaDir: string;
/** Folder of the GraphQL SDL files (`<subgraph>.graphql`, `supergraph.graphql`). */
export declare const graphqlSchemaDir: string;
/** Folder of the registered client operations (`*.graphql`, every operation named). */
export declare const operationsDir: string;
