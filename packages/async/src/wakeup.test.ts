import { backoff, pause, Wakeup } from './wakeup';

describe('Wakeup', () => {
  it('wakes a waiting loop at once, and remembers a fire while nobody waits', async () => {
    const wakeup = new Wakeup();
    const waiting = wakeup.wait(60_000);
    wakeup.fire();
    await waiting;
    wakeup.fire();
    const started = Date.now();
    await wakeup.wait(60_000);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('returns after the timeout when nothing fires', async () => {
    const started = Date.now();
    await new Wakeup().wait(50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});

describe('pause and backoff', () => {
  it('ends a pause early when its signal aborts', async () => {
    const stop = new AbortController();
    const paused = pause(60_000, stop.signal);
    stop.abort();
    await expect(paused).resolves.toBeUndefined();
  });

  it('doubles from 100 ms up to the limit', () => {
    expect([1, 2, 3, 6, 30].map((failures) => backoff(failures, 2_000))).toEqual([100, 200, 400, 2_000, 2_000]);
  });
});
