import { createTestDatabase, type TestDatabase } from '@klynge/test-infrastructure';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { createLogger } from '../logging';
import { createDataSource } from './data-source';
import { entitySelect } from './entity-select';
import { endsAfterOsloToday, isoTimestamp, OSLO_TODAY, osloDate, osloYear } from './time-sql';

@Entity('samples')
class SampleEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'text', name: 'short_name', nullable: true })
  shortName!: string | null;

  @Column({ type: 'date', name: 'starts_on', nullable: true })
  startsOn!: string | null;

  @Column({ type: 'text', array: true })
  tags!: string[];

  @Column({ type: 'jsonb' })
  pages!: { url: string }[];

  @Column({ type: 'bigint', name: 'total' })
  total!: string;

  @Column({ type: 'timestamptz', name: 'recorded_at' })
  recordedAt!: Date;
}

describe('reads written in SQL', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('sql_reads');
    const logger = createLogger({ service: 'sql-reads', level: 'silent' });
    dataSource = createDataSource({ url: db.url, applicationName: 'sql-reads', entities: [SampleEntity], migrations: [], logger });
    await dataSource.initialize();
    await dataSource.query(`CREATE TABLE samples (id uuid PRIMARY KEY, short_name text, starts_on date, tags text[] NOT NULL,
      pages jsonb NOT NULL, total bigint NOT NULL, recorded_at timestamptz NOT NULL)`);
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await db?.drop();
  });

  it('makes entities of rows read in SQL just as the repository makes them of its own reads', async () => {
    const rows = [
      ['5b0e7c4e-8a51-4a3e-9a43-3c1f1d2b6e01', 'Sample', '2019-01-01', ['a', 'b'], [{ url: 'https://example.org' }], '9007199254740993'],
      ['5b0e7c4e-8a51-4a3e-9a43-3c1f1d2b6e02', null, null, [], [], '0'],
    ];
    for (const row of rows) {
      await dataSource.query(
        'INSERT INTO samples (id, short_name, starts_on, tags, pages, total, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, now())',
        [...row.slice(0, 4), JSON.stringify(row[4]), row[5]],
      );
    }
    const samples = entitySelect(dataSource, SampleEntity, 's');
    expect(samples.from).toBe('samples s');
    const inSql = await samples.read('ORDER BY s.id', []);
    const byRepository = await dataSource.getRepository(SampleEntity).find({ order: { id: 'ASC' } });

    expect(inSql).toEqual(byRepository);
    expect(inSql[0]).toBeInstanceOf(SampleEntity);
    // A date stays the day it is (no time zone in it); a bigint stays exact.
    expect(inSql[0]).toMatchObject({ shortName: 'Sample', startsOn: '2019-01-01', total: '9007199254740993' });
  });

  it("writes instants as UTC text, to the microsecond or the second, and days and years as Norway's, whatever the session's time zone", async () => {
    const [row] = await dataSource.transaction(async (manager) => {
      await manager.query("SET LOCAL TIME ZONE 'America/New_York'");
      return manager.query<Record<string, unknown>[]>(
        `SELECT ${isoTimestamp('$1::timestamptz')} AS micro, ${isoTimestamp('$1::timestamptz', 'seconds')} AS seconds,
                ${osloDate('$1::timestamptz')}::text AS day, ${osloYear('$2::timestamptz')}::int AS year,
                ${endsAfterOsloToday('NULL::date')} AS open, ${endsAfterOsloToday(`${OSLO_TODAY} + 1`)} AS "endsTomorrow",
                ${endsAfterOsloToday(OSLO_TODAY)} AS "endsToday"`,
        ['2025-03-01T23:30:00.123456Z', '2024-12-31T23:30:00Z'],
      );
    });
    expect(row).toEqual({
      micro: '2025-03-01T23:30:00.123456Z',
      seconds: '2025-03-01T23:30:00Z',
      // 00:30 on 2 March in Oslo (UTC+1), and 00:30 on New Year's Day 2025.
      day: '2025-03-02',
      year: 2025,
      open: true,
      endsTomorrow: true,
      endsToday: false,
    });
  });
});
