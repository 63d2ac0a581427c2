import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { getIntrospectionQuery, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { expandedSize, measureCost, measureShape } from './limits';
import { supergraphFile } from './subgraphs';
import { fragmentBomb } from './test-support/attacks';
import { medianDurationMs } from './test-support/median-duration';

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

  it('counts what an operation expands to with each fragment counted once, stopping past the cap', () => {
    const { document, operation } = operationOf('query { clusters { edges { node { ...F ...F } } } } fragment F on Cluster { name town }');
    expect(expandedSize(document, operation, 1_000)).toBe(3 + 2 * 2);
    const bomb = operationOf(fragmentBomb(60));
    expect(expandedSize(bomb.document, bomb.operation, 1_000)).toBeGreaterThan(1_000);
  });

  it('measures a fragment bomb in time that grows with the document, not with what it expands to', async () => {
    for (const count of [30, 60]) {
      const elapsed = await medianDurationMs(() => {
        const { depth } = shape(fragmentBomb(count));
        const measured = cost(fragmentBomb(count));
        expect({ count, depth, measured }).toEqual({ count, depth: 4, measured: Infinity });
      });
      // Quiet, a few ms. Before the fix the time doubled with each fragment (24 took 52 s): a bound
      // of a second tells the two apart even on a CI machine shared with several suites.
      expect(elapsed).toBeLessThan(1_000);
    }
  });
});
