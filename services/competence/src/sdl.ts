import path from 'node:path';
import { subgraphSdl } from '@klynge/platform';
import { graphqlSchemaDir } from '@klynge/schemas';
import { competenceSchema } from './schema';

/** Where the committed subgraph SDL lives: a public contract, checked for staleness. */
export const sdlFile = path.join(graphqlSchemaDir, 'competence.graphql');

export function competenceSdl(): Promise<string> {
  return subgraphSdl('competence', competenceSchema);
}
