/**
 * `count` fragments, each spreading the one before it twice: 2^count fields from about 40 bytes
 * per fragment. 24 of them froze the gateway for 52 s before the limits were rewritten.
 */
export function fragmentBomb(count: number): string {
  const fragments = ['fragment F0 on Cluster { name }'];
  for (let index = 1; index <= count; index += 1) fragments.push(`fragment F${index} on Cluster { ...F${index - 1} ...F${index - 1} }`);
  return `query Bomb { clusters(first: 1) { edges { node { ...F${count} } } } }\n${fragments.join('\n')}`;
}
