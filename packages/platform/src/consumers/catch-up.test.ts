import { measureCatchUp } from '../test-fixtures/catch-up';
import { type PlatformUnderTest, startPlatformUnderTest } from '../test-fixtures/platform-under-test';

const BACKLOG = 10_000;

/**
 * A consumer catching up a backlog applies it in batches, one transaction per partition's batch,
 * each event exactly once. How fast is for `npm run bench:events` to say (it prints the rate); a
 * floor asserted here failed on a busy machine without anything being wrong.
 */
describe('catching up a backlog', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await startPlatformUnderTest('catch-up');
  });

  afterAll(async () => {
    await platform?.close();
  });

  it(`applies ${BACKLOG} waiting events in batches, each exactly once`, async () => {
    const figures = await measureCatchUp(platform, BACKLOG);
    process.stdout.write(`catch-up: ${figures.events} events in ${figures.seconds.toFixed(2)} s, ${figures.eventsPerSecond} events/s\n`);
    const applied = await platform.db.query<{ count: string }>('SELECT count(*)::text AS count FROM tally_totals WHERE applied = 1');
    expect(Number(applied[0]!.count)).toBe(BACKLOG);
  }, 600_000);
});
