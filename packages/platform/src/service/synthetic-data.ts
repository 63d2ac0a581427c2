/** Anything that runs SQL with $n parameters: a pg pool, a TypeORM data source. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** How much generated data to write: the benchmark's sizes, or the synthetic demo's. */
export interface SyntheticDataSize {
  readonly clusters: number;
  readonly organizations: number;
  readonly grants: number;
}

/**
 * Writes a subgraph's share of the generated data set (for the benchmark and for
 * `KLYNGE_DEMO=synthetic npm start`) straight into its tables, on a migrated, empty database:
 * going through the use cases would take minutes, and the benchmark would measure the writes,
 * not the reads. Every name in it says it is generated; the same size gives the same data.
 */
export type SyntheticDataGenerator = (db: Queryable, size: SyntheticDataSize) => Promise<void>;
