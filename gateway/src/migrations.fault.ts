import { createDataSource, createLogger, runMigrations } from '@klynge/platform';
import { loadSubgraphs } from '@klynge/subgraph-registry';
import { createTestDatabase, type TestDatabase } from '@klynge/test-infrastructure';
import type { DataSource } from 'typeorm';

/** The schema as PostgreSQL describes it: tables, columns, constraints and indexes, each as a line. */
async function schemaOf(db: TestDatabase): Promise<string[]> {
  const rows = await db.query<{ line: string }>(`
    SELECT format('column %s.%s %s %s default %s', table_name, column_name, data_type, is_nullable, column_default) AS line
      FROM information_schema.columns WHERE table_schema = 'public'
    UNION ALL
    SELECT format('constraint %s on %s: %s', conname, conrelid::regclass, pg_get_constraintdef(oid))
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace
    UNION ALL
    SELECT format('index %s', indexdef) FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL
    SELECT format('trigger %s on %s', tgname, tgrelid::regclass) FROM pg_trigger WHERE NOT tgisinternal
    ORDER BY 1`);
  return rows.map((row) => row.line);
}

/**
 * The fault suite's migration check, for every registered subgraph: its migrations build the
 * tables and columns its entities describe (TypeORM finds none to change), undo to an empty
 * database, and build the same schema again, constraints, indexes and triggers included.
 */
describe.each(loadSubgraphs().map((subgraph) => [subgraph.name, subgraph] as const))("the %s subgraph's migrations", (name, subgraph) => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase(`migrations_${name}`);
    dataSource = createDataSource({
      url: db.url,
      applicationName: `migrations-${name}`,
      entities: [...(subgraph.definition.entities ?? [])],
      migrations: [...(subgraph.definition.migrations ?? [])],
      logger: createLogger({ service: name, level: 'silent' }),
    });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('build the schema its entities describe, run down to nothing and up again to the same schema', async () => {
    await runMigrations(dataSource);
    const built = await schemaOf(db);
    expect(built.length).toBeGreaterThan(0);
    // No drift: TypeORM would change no table or column to match the entities. (Constraints,
    // indexes and defaults are the migrations' own: entities do not declare them.)
    const drift = await dataSource.driver.createSchemaBuilder().log();
    const columnChanges = drift.upQueries
      .map((query) => query.query)
      .filter((query) => /^CREATE TABLE|^DROP TABLE|ADD COLUMN|DROP COLUMN|ALTER COLUMN \S+ (TYPE|SET NOT NULL|DROP NOT NULL)/.test(query));
    expect(columnChanges).toEqual([]);

    while ((await dataSource.query<unknown[]>('SELECT 1 FROM migrations')).length > 0) await dataSource.undoLastMigration();
    expect((await schemaOf(db)).filter((line) => !/\bmigrations\b/.test(line))).toEqual([]);

    await runMigrations(dataSource);
    expect(await schemaOf(db)).toEqual(built);
  });
});
