import path from 'node:path';
import { subgraphSdl } from '@klynge/platform';
import { graphqlSchemaDir } from '@klynge/schemas';
import { clustersSchema } from './schema';

/** Where the committed subgraph SDL lives: a public contract, checked for staleness. */
export const sdlFile = path.join(graphqlSchemaDir, 'clusters.graphql');

export function clustersSdl(): Promise<string> {
  return subgraphSdl('clusters', clustersSchema);
}
