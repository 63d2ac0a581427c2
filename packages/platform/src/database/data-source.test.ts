import { createTestDatabase, type TestDatabase } from '@klynge/test-infrastructure';
import { createLogger } from '../logging';
import { CreateTallies1795400000001 } from '../test-fixtures/tally-model';
import { createDataSource, runMigrations } from './data-source';

describe('runMigrations', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('migrations');
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('has instances starting together take turns: each migration is applied once, and none of them fails', async () => {
    const logger = createLogger({ service: 'migrations', level: 'silent' });
    const instances = Array.from({ length: 3 }, () =>
      createDataSource({ url: db.url, applicationName: 'migrations', entities: [], migrations: [CreateTallies1795400000001], logger }),
    );
    try {
      await Promise.all(instances.map((dataSource) => dataSource.initialize()));

      const applied = await Promise.all(instances.map((dataSource) => runMigrations(dataSource)));

      expect(applied.flat().sort()).toEqual([
        'ConsumerPositions1797120000000',
        'CreateEventTables1795400000000',
        'CreateTallies1795400000001',
        'DeadLetters1796200000000',
        'OutboxNotifyAfterCommit1796100000000',
      ]);
      expect(applied.filter((names) => names.length > 0)).toHaveLength(1);
      expect(await db.query('SELECT name FROM migrations ORDER BY id')).toEqual([
        { name: 'CreateEventTables1795400000000' },
        { name: 'CreateTallies1795400000001' },
        { name: 'OutboxNotifyAfterCommit1796100000000' },
        { name: 'DeadLetters1796200000000' },
        { name: 'ConsumerPositions1797120000000' },
      ]);
    } finally {
      await Promise.all(instances.filter((dataSource) => dataSource.isInitialized).map((dataSource) => dataSource.destroy()));
    }
  });
});
