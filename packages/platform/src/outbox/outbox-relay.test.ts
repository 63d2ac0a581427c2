import { randomUUID } from 'node:crypto';
import { type DedicatedKafka, startDedicatedKafka, waitFor } from '@klynge/test-infrastructure';
import { type PlatformUnderTest, startPlatformUnderTest } from '../test-fixtures/platform-under-test';
import { incrementTally, tallyTotalsConsumer } from '../test-fixtures/tally-model';

describe('the outbox relay while Kafka is down', () => {
  // A broker of this file's own: stopping it must not disturb the other test files.
  let kafka: DedicatedKafka;
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    kafka = await startDedicatedKafka('outage');
    platform = await startPlatformUnderTest('outage', { kafka });
    // A broker of its own starts (and formats its storage) in a JVM: slow on a busy CI machine.
  }, 300_000);

  afterAll(async () => {
    await platform?.close();
    await kafka?.destroy();
  });

  const count = async (sql: string) => Number((await platform.db.query<{ count: string }>(sql))[0]!.count);

  it('keeps 500 events written during the outage and delivers each exactly once when Kafka is back', async () => {
    await platform.startConsumer(tallyTotalsConsumer());
    const warmUp = randomUUID();
    await incrementTally(platform.unitOfWork, warmUp, 1);
    await waitFor('the consumer to apply a first event', async () => (await count('SELECT count(*) FROM tally_totals')) === 1);

    await kafka.stop();
    const tallies = Array.from({ length: 500 }, () => randomUUID());
    for (const tallyId of tallies) await incrementTally(platform.unitOfWork, tallyId, 1);
    // Every write committed; every event waits in the outbox.
    expect(await count('SELECT count(*) FROM tallies')).toBe(501);
    expect(await count('SELECT count(*) FROM outbox_events')).toBe(500);

    await kafka.start();
    await waitFor('all 500 events to reach the read model', async () => (await count('SELECT count(*) FROM tally_totals')) === 501, {
      timeoutMs: 120_000,
    });
    await waitFor('the outbox to be empty', async () => (await count('SELECT count(*) FROM outbox_events')) === 0);
    expect(await count('SELECT count(*) FROM tally_totals WHERE applied <> 1')).toBe(0);
    expect(await count('SELECT count(*) FROM tally_arrivals')).toBe(501);
    expect(await count(`SELECT count(*) FROM consumed_events WHERE outcome = 'handled'`)).toBe(501);
    // Time for the broker to stop and start again, and for the 120 s the delivery may take.
  }, 400_000);
});
