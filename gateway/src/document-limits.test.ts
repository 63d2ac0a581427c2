import { type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { gatewayConfig } from './config';
import { subgraphSettings } from './subgraphs';
import { checkDocument, type DocumentLimits, findFragmentCycle, mostRepeatedField } from './document-limits';
import { registeredOperations } from './registered-operations';
import { conflictingAliases, fragmentBomb, loopingFragments, repeatedSelections } from './test-support/attacks';

const defaults = gatewayConfig.load(
  subgraphSettings(
    () => 'http://127.0.0.1:1/graphql',
    () => 'secret',
  ),
);
const LIMITS: DocumentLimits = {
  maxFragments: defaults.MAX_QUERY_FRAGMENTS,
  maxSelections: defaults.MAX_QUERY_NODES,
  maxRepeatedField: defaults.MAX_REPEATED_FIELDS,
};
const check = (query: string, limits: Partial<DocumentLimits> = {}) => checkDocument(parse(query), { ...LIMITS, ...limits });
const fragmentsOf = (query: string) =>
  new Map(
    parse(query)
      .definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );

describe('limits on a document, before validation', () => {
  it('passes every registered operation (the dashboard sends these)', () => {
    for (const operation of registeredOperations())
      expect({ name: operation.name, refused: check(operation.text) }).toEqual({ name: operation.name, refused: undefined });
  });

  it('finds a fragment cycle and names it, also through inline fragments and fields', () => {
    expect(findFragmentCycle(fragmentsOf(loopingFragments(5)))).toEqual(['F0', 'F1', 'F2', 'F3', 'F4', 'F0']);
    expect(
      findFragmentCycle(fragmentsOf('fragment A on Cluster { members { edges { node { ... on Membership { cluster { ...A } } } } } }')),
    ).toEqual(['A', 'A']);
    expect(findFragmentCycle(fragmentsOf(fragmentBomb(20)))).toBeUndefined();
  });

  it('walks a chain of 10,000 fragments without running out of stack', () => {
    const chain = Array.from({ length: 10_000 }, (_, index) => `fragment C${index} on Cluster { name ...C${index + 1} }`);
    chain.push('fragment C10000 on Cluster { ...C0 }');
    expect(findFragmentCycle(fragmentsOf(chain.join('\n')))).toHaveLength(10_002);
  });

  it('counts what a document expands to, each fragment measured once', () => {
    // 2^12 names, and clusters, edges and node around them.
    expect(check(fragmentBomb(12), { maxSelections: 4_099 })).toBeUndefined();
    expect(check(fragmentBomb(12), { maxSelections: 4_098 })).toMatchObject({ code: 'QUERY_TOO_LARGE' });
    // 2^200 selections: measured, not walked.
    expect(check(fragmentBomb(200), { maxFragments: 1_000 })).toMatchObject({ code: 'QUERY_TOO_LARGE' });
    // Operations add up: validation walks every one of them.
    const two = 'query A { clusters { edges { node { name } } } } query B { clusters { edges { node { name } } } }';
    expect(check(two, { maxSelections: 8 })).toBeUndefined();
    expect(check(two, { maxSelections: 7 })).toMatchObject({ code: 'QUERY_TOO_LARGE' });
  });

  it('counts a response name across the fragments and inline fragments merged into one selection set', () => {
    const root = (query: string) => (parse(query).definitions[0] as OperationDefinitionNode).selectionSet;
    const query = `{ clusters { edges { node { a: name ...F ... on Cluster { a: slug } } } } }
      fragment F on Cluster { a: town ...G ...G } fragment G on Cluster { a: name }`;
    // ...G twice in one merged set counts once, as graphql-js collects fields.
    expect(mostRepeatedField(root(query), fragmentsOf(query))).toEqual({ name: 'a', count: 4 });
    // Same-named fields' sub-selections are merged too.
    const nested = '{ clusters { edges { node { name } } } clusters { edges { node { name } } } clusters { edges { node { name } } } }';
    expect(mostRepeatedField(root(nested), new Map())).toEqual({ name: 'clusters', count: 3 });
    expect(check(conflictingAliases(20))).toBeUndefined();
    expect(check(conflictingAliases(21))).toMatchObject({ code: 'TOO_MANY_REPEATED_FIELDS' });
    expect(check(repeatedSelections(21))).toMatchObject({ code: 'TOO_MANY_REPEATED_FIELDS' });
  });

  it('measures fragments no operation spreads, which validation walks too', () => {
    expect(check(`{ __typename } fragment Unused on Cluster { ${'a: name '.repeat(21)} }`)).toMatchObject({
      code: 'TOO_MANY_REPEATED_FIELDS',
      message: expect.stringContaining('Fragment Unused') as string,
    });
  });
});
