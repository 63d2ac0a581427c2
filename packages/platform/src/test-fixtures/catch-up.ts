import { randomUUID } from 'node:crypto';
import { waitFor } from '@klynge/async';
import type { PlatformUnderTest } from './platform-under-test';
import { incrementTally, tallyTotalsConsumer } from './tally-model';

export interface CatchUpFigures {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

/**
 * Measures how fast a consumer catches up a backlog: `events` events are written and published
 * while no consumer runs, then one starts and applies them all. Shared by the test that asserts
 * a floor and `npm run bench:events`, which prints the figures.
 */
export async function measureCatchUp(platform: PlatformUnderTest, events: number, writers = 8): Promise<CatchUpFigures> {
  const count = async (sql: string) => Number((await platform.db.query<{ count: string }>(sql))[0]!.count);
  let written = 0;
  const writer = async () => {
    while (written < events) {
      written += 1;
      await incrementTally(platform.unitOfWork, randomUUID(), 1);
    }
  };
  await Promise.all(Array.from({ length: writers }, writer));
  await waitFor('the backlog to be published', async () => (await count('SELECT count(*) FROM outbox_events')) === 0, {
    timeoutMs: 300_000,
  });
  const started = performance.now();
  await platform.startConsumer(tallyTotalsConsumer('catch-up'));
  await waitFor('the backlog to be applied', async () => (await count('SELECT count(*) FROM tally_totals')) >= events, {
    timeoutMs: 300_000,
    intervalMs: 20,
  });
  const seconds = (performance.now() - started) / 1000;
  return { events, seconds, eventsPerSecond: Math.round(events / seconds) };
}
