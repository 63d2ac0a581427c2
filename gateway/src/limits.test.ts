import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { getIntrospectionQuery, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { measure } from './limits';
import { supergraphFile } from './subgraphs';

// The schema clients see: the supergraph without its federation machinery.
const schema = Supergraph.build(readFileSync(supergraphFile, 'utf8')).apiSchema().toGraphQLJSSchema();

const measured = (query: string) => {
  const document = parse(query);
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
  return measure(document, operation, schema);
};

describe('query measurement', () => {
  it('counts depth through fragments and aliases wherever they are', () => {
    expect(measured('{ clusterCounts { total byLevel { level } } }')).toMatchObject({ depth: 2, aliases: 0 });
    expect(
      measured('query { clusters { edges { node { ...F } } } } fragment F on Cluster { a: name b: levelHistory { level } }'),
    ).toMatchObject({ depth: 4, aliases: 2 });
  });

  it("costs a page of clusters about page size times one cluster's fields", () => {
    const one = measured('{ clusters(first: 1) { edges { node { name town } } } }').cost;
    const thousand = measured('{ clusters(first: 1000) { edges { node { name town } } } }').cost;
    expect(one).toBe(5);
    expect(thousand).toBe(2 + 3 * 1000);
  });

  it('does not measure what introspection selects, so an IDE can load the schema', () => {
    expect(measured(getIntrospectionQuery())).toMatchObject({ depth: 0, aliases: 0, cost: 1 });
    expect(measured('{ __type(name: "Cluster") { fields { type { ofType { ofType { name } } } } } clusterCounts { total } }')).toMatchObject({
      depth: 1,
      cost: 3,
    });
  });
});
