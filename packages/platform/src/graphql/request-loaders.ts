import DataLoader from 'dataloader';
import { isUuid } from './input-checks';

/**
 * The DataLoaders of one request. Resolvers that fetch by key (entity references from the
 * gateway, a cluster's members, ...) ask for a loader by name, and every key asked for in the
 * same tick is fetched with one query: the number of queries does not grow with the number of
 * references.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  /**
   * The loader called `name` for this request, created on first use. `batch` gets the distinct
   * keys and must answer one value (or null, or an Error) per key, in the keys' order:
   * {@link alignByKey} does that for rows from a query.
   */
  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch);
      this.loaders.set(name, loader);
    }
    return loader;
  }

  /**
   * The row whose `id` is `id`, through the loader called `name`: every id asked for in the same
   * tick fetched by one call of `rowsOf`, which gets only the ids that are UUIDs (a representation
   * sent to _entities can hold anything; the others name nothing and never reach SQL).
   */
  byUuid<V extends { readonly id: string }>(
    name: string,
    id: string,
    rowsOf: (uuids: string[]) => Promise<readonly V[]>,
  ): Promise<V | null> {
    return this.get<string, V | null>(name, async (ids) => alignByKey(ids, await rowsOf(ids.filter(isUuid)), (row) => row.id)).load(id);
  }
}

/** Orders `rows` to match `keys`, with null for a key no row has. */
export function alignByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row] as const));
  return keys.map((key) => byKey.get(key) ?? null);
}

/** Groups `rows` under `keys`, with an empty list for a key no row has. */
export function groupByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}
