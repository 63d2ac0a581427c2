import { randomUUID } from 'node:crypto';
import { createTestDatabase, waitFor } from '@klynge/test-infrastructure';
import { createDataSource, runMigrations } from '../database';
import { Outbox, UnitOfWork } from '../outbox';
import { type PlatformUnderTest, startPlatformUnderTest } from '../test-fixtures/platform-under-test';
import { CreateTallies1795400000001, incrementTally, tallyArrivals, tallyTotalsConsumer } from '../test-fixtures/tally-model';
import type { ConsumerRunner } from './consumer-runner';

/** What a restore puts back: the read model and the consumer's own records, as of the backup. */
const RESTORED_TABLES = ['tally_totals', 'tally_arrivals', 'consumed_events', 'consumer_positions'] as const;

/**
 * A service's database restored from a backup is behind its consumer groups, whose offsets the
 * broker keeps: the group went past the events applied after the backup, and the restored
 * database has lost their effects. The consumer finds its own position behind the group's and
 * reads those partitions again, so the read model catches up by itself. A database with no
 * position at all was never the consumer's (a new one): it starts where its group is.
 */
describe('a consumer whose database was restored from an older backup, against PostgreSQL and Kafka', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await startPlatformUnderTest('restored');
  });

  afterAll(async () => {
    await platform?.close();
  });

  const totals = async () =>
    new Map(
      (await platform.db.query<{ tally_id: string; applied: number }>('SELECT tally_id, applied FROM tally_totals')).map((row) => [
        row.tally_id,
        row.applied,
      ]),
    );
  const incrementAll = async (tallies: readonly string[]) => {
    for (const tallyId of tallies) await incrementTally(platform.unitOfWork, tallyId, 1);
  };
  const appliedAll = (tallies: readonly string[]) =>
    waitFor(`${tallies.length} tallies applied`, async () => {
      const applied = await totals();
      return tallies.every((tallyId) => applied.has(tallyId));
    });

  it('applies again what it applied after the backup, each event once, and goes on with new events', async () => {
    const consumer = tallyTotalsConsumer();
    let runner: ConsumerRunner = await platform.startConsumer(consumer);
    const beforeBackup = Array.from({ length: 5 }, () => randomUUID());
    await incrementAll(beforeBackup);
    await appliedAll(beforeBackup);

    // The backup: the tables as they are now (pg_dump's snapshot, for the consumer's part).
    for (const table of RESTORED_TABLES) await platform.db.query(`CREATE TABLE backup_${table} AS SELECT * FROM ${table}`);
    const afterBackup = Array.from({ length: 12 }, () => randomUUID());
    await incrementAll(afterBackup);
    await appliedAll(afterBackup);
    await runner.stop();

    // The restore: the database is as it was at the backup; Kafka still has the group past every event.
    for (const table of RESTORED_TABLES) {
      await platform.db.query(`DELETE FROM ${table}`);
      await platform.db.query(`INSERT INTO ${table} SELECT * FROM backup_${table}`);
    }
    expect([...(await totals()).keys()].sort()).toEqual([...beforeBackup].sort());

    // Before any new event: a partition that gets none after the restore catches up all the same.
    runner = await platform.startConsumer(consumer);
    await appliedAll(afterBackup);
    const afterRestore = Array.from({ length: 3 }, () => randomUUID());
    await incrementAll(afterRestore);
    await appliedAll(afterRestore);

    // Every event took effect once in the restored database: none lost, none applied twice.
    const applied = await totals();
    expect([...applied.keys()].sort()).toEqual([...beforeBackup, ...afterBackup, ...afterRestore].sort());
    expect([...applied.values()].filter((count) => count !== 1)).toEqual([]);
    const [arrivals] = await platform.db.query<{ n: string }>('SELECT count(*) AS n FROM tally_arrivals');
    expect(Number(arrivals!.n)).toBe(beforeBackup.length + afterBackup.length + afterRestore.length);
    await runner.stop();
  });

  it("on a database it has never applied an event in, starts where its group is, not at the topics' start", async () => {
    // One key, so one partition, in order: whatever the group consumed before comes before the new events.
    const consumer = tallyTotalsConsumer('new-database');
    const tallyId = randomUUID();
    const first = await platform.startConsumer(consumer);
    for (const sequence of [1, 2, 3]) await incrementTally(platform.unitOfWork, tallyId, sequence);
    await waitFor('the group to consume the first events', async () => (await tallyArrivals(platform.db, tallyId)).length === 3);
    await first.stop();
    await waitFor('the group to commit its offsets', async () => {
      const progress = await platform.broker.groupProgress(first.group, [platform.tallyTopic]);
      return progress.done === progress.total;
    });

    // The same service and consumer (so the same group) on a new, empty database: npm run stack on a broker an earlier run used.
    const fresh = await createTestDatabase('restored-new');
    const dataSource = createDataSource({
      url: fresh.url,
      applicationName: 'restored-new',
      entities: [],
      migrations: [CreateTallies1795400000001],
      logger: platform.logger,
    });
    try {
      await dataSource.initialize();
      await runMigrations(dataSource);
      const outbox = new Outbox({ source: '/klynge/restored-new', schemas: platform.schemas, topics: platform.topics });
      const second = await platform.startConsumer(consumer, { dataSource, unitOfWork: new UnitOfWork(dataSource, outbox) });
      expect(second.group).toBe(first.group);
      for (const sequence of [4, 5]) await incrementTally(platform.unitOfWork, tallyId, sequence);

      // From the group's committed offset: the events it had consumed are not applied again into the new read model.
      await waitFor('the new events in the new database', async () => (await tallyArrivals(fresh, tallyId)).includes(5));
      expect(await tallyArrivals(fresh, tallyId)).toEqual([4, 5]);
      await second.stop();
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await fresh.drop();
    }
  });
});
