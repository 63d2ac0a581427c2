/** Folder of the event JSON Schemas: `<topic>/<EventName>.json`, plus `envelope.json`. */
export declare const eventSchemaDir: string;
/** Folder of the GraphQL SDL files (`<subgraph>.graphql`, `supergraph.graphql`). */
export declare const graphqlSchemaDir: string;
/** Folder of the registered client operations (`*.graphql`, every operation named). */
export declare const operationsDir: string;

/** One subgraph of the graph, as schemas/subgraphs.json lists it. */
export interface SubgraphEntry {
  /** Lower-case name: its SDL is `<name>.graphql`, its CloudEvents source `/klynge/<name>`. */
  readonly name: string;
  /** The code of the agency that owns it (CODEOWNERS, and whose caseworkers keep its data). */
  readonly owner: string;
  readonly description: string;
  /** Its workspace package, e.g. `@klynge/clusters`. */
  readonly package: string;
  /** Its folder, from the repository root, e.g. `services/clusters`. */
  readonly directory: string;
  /** Default HTTP port. */
  readonly port: number;
  /** The gateway's variables for where it answers and the secret it expects. */
  readonly urlVariable: string;
  readonly secretVariable: string;
  /** The name of its own database on the PostgreSQL server. */
  readonly database: string;
  /** The event domains it publishes (topics `<domain>.<aggregate>.v<major>`). */
  readonly publishes: readonly string[];
}
/** The file of the subgraph registry. */
export declare const subgraphRegistryFile: string;
/** Every subgraph, in the order they start. */
export declare function subgraphRegistry(): SubgraphEntry[];
/** One registered subgraph, by name; throws when there is none. */
export declare function registeredSubgraph(name: string): SubgraphEntry;

/** The agencies that own subgraphs (`siva`, ...), sorted: each also a principal of its own on Kafka. */
export declare function registeredAgencies(registry?: readonly SubgraphEntry[]): string[];
