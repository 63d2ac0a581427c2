import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/** An entity's table and columns for a SELECT written in SQL, and its rows read as entities. */
export interface EntitySelect<E> {
  /** The entity's table with its alias, for after FROM: `clusters c`. */
  from: string;
  /** `c.id AS "id", c.short_name AS "shortName", …`: every column of the entity. */
  columns: string;
  /** The entities `SELECT <columns> FROM <from> <tail>` reads, `tail` being the WHERE, ORDER BY and LIMIT (keysetPage's `rows`). */
  read: (tail: string, params: unknown[]) => Promise<E[]>;
  /** A row of a SELECT of `columns` as the entity, each value converted as the repository's own reads convert it. */
  toEntity: (row: Record<string, unknown>) => E;
}

/**
 * What a read written in SQL (a keysetPage list, say) needs to answer with entities: their
 * table and columns, and each row as the entity TypeORM's repository would give for it (a date
 * column as YYYY-MM-DD text, a jsonb column parsed), so that a list read in SQL and a lookup by
 * findBy answer alike. The entity's columns are read from its metadata: they are written once,
 * in the entity. Call it once the data source is initialised.
 */
export function entitySelect<E extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<E>, alias: string): EntitySelect<E> {
  const metadata = dataSource.getMetadata(entity);
  const columns = metadata.columns.filter((column) => !column.isVirtual);
  const toEntity = (row: Record<string, unknown>): E => {
    // As TypeORM makes an entity of a row it read (RawSqlResultsToEntityTransformer).
    const made = metadata.create(undefined, { fromDeserializer: true }) as E;
    for (const column of columns) {
      const value = row[column.propertyPath];
      if (value !== undefined) column.setEntityValue(made, dataSource.driver.prepareHydratedValue(value, column));
    }
    return made;
  };
  const from = `${metadata.tablePath} ${alias}`;
  const selected = columns.map((column) => `${alias}.${column.databaseName} AS "${column.propertyPath}"`).join(', ');
  return {
    from,
    columns: selected,
    read: async (tail, params) =>
      (await dataSource.query<Record<string, unknown>[]>(`SELECT ${selected} FROM ${from} ${tail}`, params)).map(toEntity),
    toEntity,
  };
}
