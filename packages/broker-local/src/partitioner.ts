/**
 * The partition a key's messages go to: FNV-1a (32-bit) over the key's UTF-8 bytes, modulo the
 * topic's partition count. Same key, same partition, so a key's messages keep their order.
 *
 * Never change this function: a topic kept in a directory outlives the process, and if a key moved
 * to another partition its new messages could be delivered before older ones still waiting there.
 */
export function partitionForKey(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(key, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}
