import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { getIntrospectionQuery, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { measureCost, measureShape } from './limits';
import { supergraphFile } from './subgraphs';

// The schema clients see: the supergraph without its federation machinery.
const schema = Supergraph.build(readFileSync(supergraphFile, 'utf8')).apiSchema().toGraphQLJSSchema();
const MAX_NODES = 10_000;

const operationOf = (query: string) => {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  return { document, operation };
};
const shape = (query: string) => {
  const { document, operation } = operationOf(query);
  return measureShape(document, operation, schema);
};
const cost = (query: string, variables: Record<string, unknown> = {}) => {
  const { document, operation } = operationOf(query);
  return measureCost(document, operation, schema, variables, MAX_NODES);
};

describe('query measurement', () => {
  it('counts depth from the root field to the deepest leaf, through fragments, and aliases wherever they are', () => {
    expect(shape('{ clusterCounts { total byLevel { level } } }')).toEqual({ depth: 3, aliases: 0 });
    expect(shape('query { clusters { edges { node { ...F } } } } fragment F on Cluster { a: name b: levelHistory { level } }')).toEqual({
      depth: 5,
      aliases: 2,
    });
  });

  it("costs a page of clusters about page size times one cluster's fields", () => {
    expect(cost('{ clusters(first: 1) { edges { node { name town } } } }')).toBe(5);
    expect(cost('{ clusters(first: 1000) { edges { node { name town } } } }')).toBe(1 + 1000 * 4);
    // A list without `first` counts as 20 items.
    expect(cost('{ clusters(first: 1) { edges { node { levelHistory { level } } } } }')).toBe(1 + 1 * (1 + (1 + (1 + 20 * 1))));
  });

  it('costs `first` given in a variable at the variable value, and by its default when left out', () => {
    const query = 'query($f: Int) { clusters(first: $f) { edges { node { name town } } } }';
    expect(cost(query, { f: 1000 })).toBe(cost('{ clusters(first: 1000) { edges { node { name town } } } }'));
    expect(cost(query, {})).toBe(cost('{ clusters(first: 20) { edges { node { name town } } } }'));
    let refusal: unknown;
    try {
      cost(query, { f: 'many' });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('does not measure what introspection selects, so an IDE can load the schema', () => {
    expect(shape(getIntrospectionQuery())).toEqual({ depth: 0, aliases: 0 });
    expect(cost(getIntrospectionQuery())).toBe(0);
    expect(cost('{ __type(name: "Cluster") { fields { type { ofType { ofType { name } } } } } clusterCounts { total } }')).toBe(2);
  });
});
