import { percentile } from '@klynge/test-infrastructure';

/**
 * How long `run` takes, as the median of `runs` runs after `warmUps` untimed ones (the JIT), so
 * that one garbage collection on a busy CI machine does not decide a test's bound.
 */
export async function medianDurationMs(run: () => unknown, { warmUps = 1, runs = 5 } = {}): Promise<number> {
  for (let warmUp = 0; warmUp < warmUps; warmUp += 1) await run();
  const elapsed: number[] = [];
  for (let attempt = 0; attempt < runs; attempt += 1) {
    const started = performance.now();
    await run();
    elapsed.push(performance.now() - started);
  }
  elapsed.sort((a, b) => a - b);
  return percentile(elapsed, 0.5);
}
