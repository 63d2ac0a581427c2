import path from 'node:path';
import { graphqlSchemaDir } from '@klynge/schemas';

/** The subgraphs the gateway composes: each one's committed SDL, and its URL's and secret's variables. */
export const SUBGRAPHS = [
  { name: 'clusters', urlVariable: 'CLUSTERS_URL', secretVariable: 'CLUSTERS_SECRET', defaultUrl: 'http://localhost:4001/graphql' },
  { name: 'funding', urlVariable: 'FUNDING_URL', secretVariable: 'FUNDING_SECRET', defaultUrl: 'http://localhost:4002/graphql' },
  { name: 'competence', urlVariable: 'COMPETENCE_URL', secretVariable: 'COMPETENCE_SECRET', defaultUrl: 'http://localhost:4003/graphql' },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export const sdlFileOf = (name: SubgraphName) => path.join(graphqlSchemaDir, `${name}.graphql`);
export const supergraphFile = path.join(graphqlSchemaDir, 'supergraph.graphql');

/** The gateway's settings for every subgraph: where it answers, and the secret it expects. */
export function subgraphSettings(urlOf: (name: SubgraphName) => string, secretOf: (name: SubgraphName) => string): Record<string, string> {
  return Object.fromEntries(
    SUBGRAPHS.flatMap(({ name, urlVariable, secretVariable }) => [
      [urlVariable, urlOf(name)],
      [secretVariable, secretOf(name)],
    ]),
  );
}
