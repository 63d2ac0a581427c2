import { randomUUID } from 'node:crypto';
import { waitFor } from '@klynge/test-infrastructure';
import { EventValidationError } from '../events';
import { type PlatformUnderTest, startPlatformUnderTest } from '../test-fixtures/platform-under-test';
import { TallyIncremented } from '../test-fixtures/sample-events';
import { incrementTally, tallyTotalsConsumer } from '../test-fixtures/tally-model';
import { Outbox } from './outbox';

describe('the transactional outbox, against PostgreSQL and Kafka', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await startPlatformUnderTest('outbox');
  });

  afterAll(async () => {
    await platform?.close();
  });

  const countRows = async (sql: string, params: unknown[] = []) =>
    Number((await platform.db.query<{ count: string }>(sql, params))[0]!.count);

  it('keeps its events in the table on a server without wal_level = logical', async () => {
    expect((await platform.db.query<{ wal_level: string }>('SHOW wal_level'))[0]!.wal_level).not.toBe('logical');
    expect(platform.outboxStorage).toBe('table');
    const tallyId = randomUUID();
    // Seen from inside the transaction, before the relay may have published (and deleted) it.
    await platform.unitOfWork.run(async ({ manager, publish }) => {
      await publish(TallyIncremented, { subject: tallyId, data: { tallyId, sequence: 1 } });
      const [row] = await manager.query<{ count: string }[]>('SELECT count(*) FROM outbox_events WHERE message_key = $1', [tallyId]);
      expect(Number(row!.count)).toBe(1);
    });
  });

  it('publishes nothing for a write that rolls back', async () => {
    const reader = await platform.readTopic(platform.tallyTopic);
    const tallyId = randomUUID();

    await expect(incrementTally(platform.unitOfWork, tallyId, 1, { failAfterPublishing: true })).rejects.toThrow('fails after publishing');
    // Its own key only: the test before may have left its event for the relay to publish.
    expect(await countRows('SELECT count(*) FROM outbox_events WHERE message_key = $1', [tallyId])).toBe(0);
    expect(await countRows('SELECT count(*) FROM tallies WHERE tally_id = $1', [tallyId])).toBe(0);

    // A committed event with the same key shares its partition, so it arrives after anything
    // published before it: once it is here, the rolled-back one would have been too.
    await incrementTally(platform.unitOfWork, tallyId, 2);
    const received = await waitFor('the committed event', () => reader.messages.find((message) => message.key === tallyId));
    const sequences = reader.messages
      .filter((message) => message.key === tallyId)
      .map((message) => (JSON.parse(message.value) as { data: { sequence: number } }).data.sequence);
    expect(sequences).toEqual([2]);
    expect(received.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
  });

  it('publishes a CloudEvents envelope keyed by the aggregate id, on the stream topic', async () => {
    const reader = await platform.readTopic(platform.tallyTopic);
    const tallyId = randomUUID();
    await incrementTally(platform.unitOfWork, tallyId, 1);

    const message = await waitFor('the event', () => reader.messages.find((m) => m.key === tallyId));
    const envelope = JSON.parse(message.value) as Record<string, unknown>;
    expect(envelope).toEqual({
      specversion: '1.0',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      source: '/klynge/outbox',
      type: 'no.klynge.sample.TallyIncremented.v1',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      subject: tallyId,
      datacontenttype: 'application/json',
      dataschema: 'urn:klynge:events:sample.tally.v1:TallyIncremented',
      data: { tallyId, sequence: 1 },
    });
    expect(message.topic).toMatch(/^test\.outbox_[a-z0-9_]+\.sample\.tally\.v1$/);
    platform.schemas.assertEnvelope(envelope);
  });

  it('keeps each aggregate’s events in order: 100 aggregates × 20 events from concurrent writers', async () => {
    await platform.startConsumer(tallyTotalsConsumer('ordering'));
    const tallies = Array.from({ length: 100 }, () => randomUUID());

    // One writer per aggregate, all at once (the pool lets ten transactions run together).
    await Promise.all(
      tallies.map(async (tallyId) => {
        for (let sequence = 1; sequence <= 20; sequence += 1) {
          await incrementTally(platform.unitOfWork, tallyId, sequence);
        }
      }),
    );

    await waitFor(
      'all 2000 events in the read model',
      async () => (await countRows('SELECT count(*) FROM tally_arrivals WHERE tally_id = ANY($1::uuid[])', [tallies])) === 2000,
      { timeoutMs: 200_000 },
    );
    const arrivals = await platform.db.query<{ tally_id: string; sequences: number[] }>(
      `SELECT tally_id, array_agg(sequence ORDER BY arrival) AS sequences
       FROM tally_arrivals WHERE tally_id = ANY($1::uuid[]) GROUP BY tally_id`,
      [tallies],
    );
    const expected = Array.from({ length: 20 }, (_, index) => index + 1);
    expect(arrivals).toHaveLength(100);
    for (const { sequences } of arrivals) expect(sequences).toEqual(expected);
    // 2,000 transactions each way: on two busy cores this has taken over two minutes.
  }, 240_000);

  it('makes a second writer of the same aggregate wait for the first to commit', async () => {
    const reader = await platform.readTopic(platform.tallyTopic);
    const tallyId = randomUUID();
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
    const publishOnly = (sequence: number, beforeCommit: Promise<void> = Promise.resolve()) =>
      platform.unitOfWork.run(async ({ publish }) => {
        await publish(TallyIncremented, { subject: tallyId, data: { tallyId, sequence } });
        await beforeCommit;
      });

    // Two-key advisory locks show objsubid 2 (the relay's one-key lock shows 1). Only this test's
    // database: other suites' outboxes take the same kind of lock on the same server.
    const advisoryLocks = (granted: boolean) =>
      countRows(
        `SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 AND granted = ${granted}
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
    const first = publishOnly(1, firstMayCommit);
    await waitFor('the first writer to hold the lock', async () => (await advisoryLocks(true)) > 0);
    const second = publishOnly(2);
    await waitFor('the second writer to wait for it', async () => (await advisoryLocks(false)) > 0);
    releaseFirst();
    await Promise.all([first, second]);

    const messages = await waitFor('both events on the topic', () => {
      const found = reader.messages.filter((message) => message.key === tallyId);
      return found.length === 2 && found;
    });
    expect(messages.map((message) => (JSON.parse(message.value) as { data: { sequence: number } }).data.sequence)).toEqual([1, 2]);
  });

  it('refuses an event whose data breaks its schema, and the write with it', async () => {
    const tallyId = randomUUID();
    const write = platform.unitOfWork.run(async ({ manager, publish }) => {
      await manager.query('INSERT INTO tallies (tally_id, count) VALUES ($1, 1)', [tallyId]);
      await publish(TallyIncremented, { subject: tallyId, data: { tallyId, sequence: 0 } });
    });

    await expect(write).rejects.toThrow(EventValidationError);
    await expect(write).rejects.toThrow('/sequence must be >= 1');
    expect(await countRows('SELECT count(*) FROM tallies WHERE tally_id = $1', [tallyId])).toBe(0);
  });

  it('refuses to record an event outside a transaction', async () => {
    const outbox = new Outbox({ source: '/klynge/outbox', schemas: platform.schemas, topics: platform.topics });
    const tallyId = randomUUID();

    await expect(
      outbox.add(platform.dataSource.manager, TallyIncremented, { subject: tallyId, data: { tallyId, sequence: 1 } }),
    ).rejects.toThrow('needs the EntityManager of an open transaction');
  });
});
