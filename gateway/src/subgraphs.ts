import path from 'node:path';
import { graphqlSchemaDir, subgraphRegistry, type SubgraphEntry } from '@klynge/schemas';

/**
 * The subgraphs the gateway composes, from the subgraph registry (schemas/subgraphs.json): each
 * one's committed SDL, and the variables that say where it answers and the secret it expects.
 */
export const SUBGRAPHS: readonly SubgraphEntry[] = subgraphRegistry();

export type SubgraphName = string;

export const sdlFileOf = (name: SubgraphName) => path.join(graphqlSchemaDir, `${name}.graphql`);
export const supergraphFile = path.join(graphqlSchemaDir, 'supergraph.graphql');
/** Where a subgraph answers in development: its registered port on this machine. */
export const defaultUrlOf = (entry: SubgraphEntry) => `http://localhost:${entry.port}/graphql`;

/** The gateway's settings for every subgraph: where it answers, and the secret it expects. */
export function subgraphSettings(urlOf: (name: SubgraphName) => string, secretOf: (name: SubgraphName) => string): Record<string, string> {
  return Object.fromEntries(
    SUBGRAPHS.flatMap(({ name, urlVariable, secretVariable }) => [
      [urlVariable, urlOf(name)],
      [secretVariable, secretOf(name)],
    ]),
  );
}
