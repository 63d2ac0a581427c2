import path from 'node:path';
import { subgraphSdl } from '@klynge/platform';
import { graphqlSchemaDir } from '@klynge/schemas';
import { fundingSchema } from './schema';

/** Where the committed subgraph SDL lives: a public contract, checked for staleness. */
export const sdlFile = path.join(graphqlSchemaDir, 'funding.graphql');

export function fundingSdl(): Promise<string> {
  return subgraphSdl('funding', fundingSchema);
}
