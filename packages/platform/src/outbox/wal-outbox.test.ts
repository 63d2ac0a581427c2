import { randomUUID } from 'node:crypto';
import { KafkaBroker } from '@klynge/broker-kafka';
import { type DedicatedPostgres, freePorts, startDedicatedPostgres, waitFor } from '@klynge/test-infrastructure';
import { pino } from 'pino';
import { type PlatformUnderTest, startPlatformUnderTest } from '../test-fixtures/platform-under-test';
import { TallyIncremented } from '../test-fixtures/sample-events';
import { incrementTally, tallyArrivals, tallyTotalsConsumer } from '../test-fixtures/tally-model';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { walOutboxNames } from './outbox-storage';
import { UnitOfWork } from './unit-of-work';

/**
 * The WAL outbox (pg_logical_emit_message, read back through a logical replication slot) on a
 * PostgreSQL of this file's own with wal_level = logical (the shared one runs with replica and
 * must not be reconfigured), publishing to the real Kafka and applied by the idempotent consumer.
 */
describe('the WAL outbox, against PostgreSQL with wal_level = logical and Kafka', () => {
  let postgres: DedicatedPostgres;
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    postgres = await startDedicatedPostgres('wal-outbox', { settings: { wal_level: 'logical' } });
    platform = await startPlatformUnderTest('wal_outbox', { postgres: postgres.url });
    await platform.startConsumer(tallyTotalsConsumer());
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
    await postgres?.destroy();
  });

  const count = async (sql: string, params: unknown[] = []) => Number((await platform.db.query<{ count: string }>(sql, params))[0]!.count);
  const applied = (tallies: readonly string[]) => count('SELECT count(*) FROM tally_totals WHERE tally_id = ANY($1::uuid[])', [tallies]);
  /** Where the slot has confirmed to: what the relay let go after the broker acknowledged it. */
  const confirmed = async () => {
    const { slot } = await walOutboxNames((sql, params) => platform.dataSource.query(sql, params));
    return (
      await platform.db.query<{ lsn: string }>('SELECT confirmed_flush_lsn::text AS lsn FROM pg_replication_slots WHERE slot_name = $1', [
        slot,
      ])
    )[0]!.lsn;
  };

  /** Another relay for the same database, as another instance of the service (or the next start) runs. */
  const relayNamed = (applicationName: string) =>
    new OutboxRelay({
      databaseUrl: platform.db.url,
      applicationName,
      broker: platform.broker,
      logger: platform.logger,
      pollIntervalMs: 100,
    });

  it('is chosen on a server with wal_level = logical, and writes no outbox rows', async () => {
    expect(platform.outboxStorage).toBe('wal');
    const tallyId = randomUUID();
    await incrementTally(platform.unitOfWork, tallyId, 1);
    expect(await count('SELECT count(*) FROM outbox_events')).toBe(0);
    await waitFor('the event to take effect', async () => (await applied([tallyId])) === 1);
  });

  it('publishes nothing for a write that rolls back', async () => {
    const reader = await platform.readTopic(platform.tallyTopic);
    const tallyId = randomUUID();
    await expect(incrementTally(platform.unitOfWork, tallyId, 1, { failAfterPublishing: true })).rejects.toThrow('fails after publishing');

    // A committed event with the same key shares its partition and comes later in the WAL.
    await incrementTally(platform.unitOfWork, tallyId, 2);
    await waitFor('the committed event', () => reader.messages.find((message) => message.key === tallyId));
    const sequences = reader.messages
      .filter((message) => message.key === tallyId)
      .map((message) => (JSON.parse(message.value) as { data: { sequence: number } }).data.sequence);
    expect(sequences).toEqual([2]);
  });

  it('sends a unit of work’s events with its COMMIT, their text exact, and an event handler’s at once in its transaction', async () => {
    const reader = await platform.readTopic(platform.tallyTopic);
    const tallyId = randomUUID();
    const note = `it's "quoted", back\\slashed, ø and 🙂; COMMIT; --`;
    await platform.unitOfWork.run(async ({ publish }) => {
      for (let sequence = 1; sequence <= 3; sequence += 1)
        await publish(TallyIncremented, { subject: tallyId, data: { tallyId, sequence, note } });
    });
    // A transaction the unit of work did not open (as a consumer's): its COMMIT is not the unit of work's to extend.
    await platform.dataSource.transaction(async (manager) => {
      await platform.unitOfWork.bind(manager).publish(TallyIncremented, { subject: tallyId, data: { tallyId, sequence: 4, note } });
    });

    const messages = await waitFor('the four events', () => {
      const found = reader.messages.filter((message) => message.key === tallyId);
      return found.length === 4 && found;
    });
    const data = messages.map((message) => (JSON.parse(message.value) as { data: { sequence: number; note: string } }).data);
    expect(data).toEqual([1, 2, 3, 4].map((sequence) => ({ tallyId, sequence, note })));
  });

  it('publishes every event once, in order per aggregate: 50 aggregates × 20 events from concurrent writers', async () => {
    const tallies = Array.from({ length: 50 }, () => randomUUID());
    await Promise.all(
      tallies.map(async (tallyId) => {
        for (let sequence = 1; sequence <= 20; sequence += 1) await incrementTally(platform.unitOfWork, tallyId, sequence);
      }),
    );

    await waitFor(
      'all 1,000 events in the read model',
      async () => (await count('SELECT count(*) FROM tally_arrivals WHERE tally_id = ANY($1::uuid[])', [tallies])) === 1_000,
      {
        timeoutMs: 120_000,
      },
    );
    const expected = Array.from({ length: 20 }, (_, index) => index + 1);
    for (const tallyId of tallies) expect(await tallyArrivals(platform.db, tallyId)).toEqual(expected);
    expect(await count('SELECT count(*) FROM tally_totals WHERE tally_id = ANY($1::uuid[]) AND applied <> 20', [tallies])).toBe(0);
  }, 180_000);

  it('loses nothing across a relay restart: what was written while no relay ran is published by the next one', async () => {
    await platform.relay.stop();
    const before = await confirmed();
    const tallies = Array.from({ length: 300 }, () => randomUUID());
    for (const tallyId of tallies) await incrementTally(platform.unitOfWork, tallyId, 1);
    // Nothing read the slot meanwhile: its position stays where the last acknowledged batch left it.
    expect(await confirmed()).toBe(before);

    const next = relayNamed('wal_outbox-next');
    next.start('wal');
    try {
      await waitFor('all 300 events to take effect', async () => (await applied(tallies)) === 300, { timeoutMs: 60_000 });
      expect(await count(`SELECT count(*) FROM tally_totals WHERE tally_id = ANY($1::uuid[]) AND applied <> 1`, [tallies])).toBe(0);
      expect(await next.flush(10_000)).toBe(true);
      await waitFor('the slot to confirm what was published', async () => (await confirmed()) !== before);
    } finally {
      await next.stop();
    }
  }, 120_000);

  it('moves the slot past no event the broker has not acknowledged', async () => {
    await platform.relay.stop();
    const before = await confirmed();
    const tallies = Array.from({ length: 20 }, () => randomUUID());
    for (const tallyId of tallies) await incrementTally(platform.unitOfWork, tallyId, 1);

    // A relay whose Kafka does not answer (nothing listens on its port): it reads the events and cannot publish them.
    const warnings: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
    const [port] = await freePorts(1);
    const unreachable = new KafkaBroker({ brokers: [`127.0.0.1:${port!}`], clientId: 'wal_outbox-unreachable', logger });
    const failing = new OutboxRelay({
      databaseUrl: platform.db.url,
      applicationName: 'wal_outbox-failing',
      broker: unreachable,
      logger,
      pollIntervalMs: 100,
      maxBackoffMs: 200,
    });
    failing.start('wal');
    try {
      await waitFor('the relay to fail to publish twice', () => warnings.filter((line) => line.includes('could not publish')).length >= 2, {
        timeoutMs: 60_000,
      });
    } finally {
      await failing.stop();
      await unreachable.close();
    }
    expect(await confirmed()).toBe(before);
    expect(await applied(tallies)).toBe(0);

    const next = relayNamed('wal_outbox-after-failing');
    next.start('wal');
    try {
      await waitFor('all 20 events to take effect', async () => (await applied(tallies)) === 20, { timeoutMs: 60_000 });
    } finally {
      await next.stop();
    }
  }, 120_000);

  it('publishes the rows a table outbox left before it first, then the WAL’s events', async () => {
    await platform.relay.stop();
    const tallyId = randomUUID();
    // As written before the server ran with wal_level = logical, by a table outbox.
    const tableOutbox = new Outbox({ source: '/klynge/wal_outbox', schemas: platform.schemas, topics: platform.topics });
    const before = new UnitOfWork(platform.dataSource, tableOutbox);
    for (let sequence = 1; sequence <= 3; sequence += 1) await incrementTally(before, tallyId, sequence);
    expect(await count('SELECT count(*) FROM outbox_events')).toBe(3);
    for (let sequence = 4; sequence <= 6; sequence += 1) await incrementTally(platform.unitOfWork, tallyId, sequence);

    const next = relayNamed('wal_outbox-after-table');
    next.start('wal');
    try {
      await waitFor('all six events to take effect', async () => (await tallyArrivals(platform.db, tallyId)).length === 6);
      expect(await tallyArrivals(platform.db, tallyId)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await count('SELECT count(*) FROM outbox_events')).toBe(0);
    } finally {
      await next.stop();
    }
  });

  it('lets one relay read the slot while a second stands by, which takes over when the first stops', async () => {
    const relay = (name: string) =>
      new OutboxRelay({
        databaseUrl: platform.db.url,
        applicationName: name,
        broker: platform.broker,
        logger: platform.logger,
        pollIntervalMs: 100,
      });
    const first = relay('wal_outbox-first');
    const second = relay('wal_outbox-second');
    first.start('wal');
    try {
      await waitFor('the first to lead', () => first.isLeader);
      second.start('wal');
      const early = randomUUID();
      await incrementTally(platform.unitOfWork, early, 1);
      await waitFor('the first to publish', async () => (await applied([early])) === 1);
      expect(second.isLeader).toBe(false);

      await first.stop();
      const late = randomUUID();
      await incrementTally(platform.unitOfWork, late, 1);
      await waitFor('the second to take over and publish', async () => second.isLeader && (await applied([late])) === 1, {
        timeoutMs: 30_000,
      });
    } finally {
      await first.stop();
      await second.stop();
    }
  }, 60_000);
});
