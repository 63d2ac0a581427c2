import { DataSource } from 'typeorm';
import { EventSchemas, TopicNames } from '../events';
import { buildFederatedSchema, printSubgraphSdl, type RequestContext, type SubgraphSchemaOptions } from '../graphql';
import { Outbox, UnitOfWork } from '../outbox';

/**
 * A service's subgraph SDL as its code defines it, for the committed schemas/<service>.graphql.
 * Building the schema needs the resolvers, never a database: they get an unconnected one.
 */
export async function subgraphSdl<TContext extends RequestContext>(
  service: string,
  schema: (dataSource: DataSource, unitOfWork: UnitOfWork) => SubgraphSchemaOptions<TContext>,
): Promise<string> {
  const unconnected = new DataSource({ type: 'postgres' });
  const outbox = new Outbox({ source: `/klynge/${service}`, schemas: new EventSchemas(), topics: new TopicNames() });
  return printSubgraphSdl(await buildFederatedSchema(schema(unconnected, new UnitOfWork(unconnected, outbox))));
}
