import path from 'node:path';
import { buildFederatedSchema, EventSchemas, Outbox, printSubgraphSdl, TopicNames, UnitOfWork } from '@klynge/platform';
import { graphqlSchemaDir } from '@klynge/schemas';
import { DataSource } from 'typeorm';
import { clustersSchema } from './schema';

/** Where the committed subgraph SDL lives: a public contract, checked for staleness. */
export const sdlFile = path.join(graphqlSchemaDir, 'clusters.graphql');

/** The subgraph SDL as the code defines it. Printing needs the resolvers, never a database. */
export async function clustersSdl(): Promise<string> {
  const unconnected = new DataSource({ type: 'postgres' });
  const outbox = new Outbox({ source: '/klynge/clusters', schemas: new EventSchemas(), topics: new TopicNames() });
  return printSubgraphSdl(await buildFederatedSchema(clustersSchema(unconnected, new UnitOfWork(unconnected, outbox))));
}
