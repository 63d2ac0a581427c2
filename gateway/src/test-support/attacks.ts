/**
 * `count` fragments, each spreading the one before it twice: 2^count fields from about 40 bytes
 * per fragment. 24 of them froze the gateway for 52 s before the limits were rewritten.
 */
export function fragmentBomb(count: number): string {
  const fragments = ['fragment F0 on Cluster { name }'];
  for (let index = 1; index <= count; index += 1) fragments.push(`fragment F${index} on Cluster { ...F${index - 1} ...F${index - 1} }`);
  return `query Bomb { clusters(first: 1) { edges { node { ...F${count} } } } }\n${fragments.join('\n')}`;
}

/**
 * `count` fragments on Cluster, alternately `a: slug` and `a: name`, all spread in one selection
 * (300 make about 13 KB and 3,300 tokens). graphql-js's OverlappingFieldsCanBeMergedRule compares
 * every pair of fields under one response name, so validation does count^2 / 2 comparisons and
 * reports a conflict for half of them (issue 26, item 2).
 */
export function conflictingAliases(count: number): string {
  const fragments = Array.from(
    { length: count },
    (_, index) => `fragment F${index} on Cluster { a: ${index % 2 === 0 ? 'slug' : 'name'} }`,
  );
  const spreads = Array.from({ length: count }, (_, index) => `...F${index}`).join(' ');
  return `query Aliases { clusters(first: 1) { edges { node { ${spreads} } } } }\n${fragments.join('\n')}`;
}

/**
 * `count` copies of `levelHistory { level }` in one selection (900 make about 21 KB and 3,600
 * tokens): the same field over and over, each copy compared with every other for merging
 * (issue 26, item 2).
 */
export function repeatedSelections(count: number): string {
  return `query Repeated { clusters(first: 1) { edges { node { ${'levelHistory { level } '.repeat(count)}} } } }`;
}

/**
 * `count` fragments on ClusterConnection, each spreading the next two, the last two spreading
 * back to F0 and F1: a fragment cycle (103 make about 7 KB). graphql-js 16's
 * OverlappingFieldsCanBeMergedRule recurses through it before NoFragmentCyclesRule can refuse it,
 * until the stack overflows (issue 26, item 1).
 */
export function loopingFragments(count: number): string {
  const fragments = Array.from(
    { length: count },
    (_, index) => `fragment F${index} on ClusterConnection { totalCount ...F${(index + 1) % count} ...F${(index + 2) % count} }`,
  );
  return `query Cycle { clusters(first: 1) { ...F0 } }\n${fragments.join('\n')}`;
}

/**
 * What issue 26's hostile clients send, each within the gateway's token limit (MAX_QUERY_TOKENS,
 * 5,000) and body limit, each costly to validate or refused only after validation began: the
 * benchmark's hostile clients (npm run bench:hostile) send them in turn.
 */
export const HOSTILE_DOCUMENTS: readonly { readonly name: string; readonly query: string }[] = [
  { name: '300 fragments a: slug / a: name', query: conflictingAliases(300) },
  { name: '900 x levelHistory { level }', query: repeatedSelections(900) },
  { name: 'fragment cycle of 103', query: loopingFragments(103) },
  { name: 'fragment bomb of 60', query: fragmentBomb(60) },
];
