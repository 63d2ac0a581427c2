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
 * `count` fragments on ClusterConnection, each spreading the next two, the last ones spreading
 * back to F0: a cycle graphql-js 16's OverlappingFieldsCanBeMergedRule recursed through until the
 * stack overflowed (103 of them, about 7 KB, answered 500) before NoFragmentCyclesRule could refuse it.
 */
export function loopingFragments(count: number): string {
  const fragments = Array.from(
    { length: count },
    (_, index) => `fragment F${index} on ClusterConnection { totalCount ...F${(index + 1) % count} ...F${(index + 2) % count} }`,
  );
  return `query Loop { clusters(first: 1) { ...F0 } }\n${fragments.join('\n')}`;
}

/**
 * `count` fragments on Cluster alternating `a: slug` and `a: name`, all spread in one selection:
 * valid-looking within the token limit, but validation compares every pair (0.2 s for 300).
 */
export function alternatingAliases(count: number): string {
  const fragments = Array.from({ length: count }, (_, index) => `fragment A${index} on Cluster { a: ${index % 2 ? 'name' : 'slug'} }`);
  const spreads = Array.from({ length: count }, (_, index) => `...A${index}`).join(' ');
  return `query Aliases { clusters(first: 1) { edges { node { ${spreads} } } } }\n${fragments.join('\n')}`;
}

/** `count` copies of `levelHistory { level }` in one selection: validation merges every pair. */
export function repeatedSelections(count: number): string {
  return `query Repeated { clusters(first: 1) { edges { node { ${'levelHistory { level } '.repeat(count)}} } } }`;
}
