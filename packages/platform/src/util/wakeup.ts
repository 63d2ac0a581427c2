/**
 * Lets a background loop wait until either something happens or a timeout passes. A `fire()`
 * while the loop is busy is remembered, so the next `wait` returns at once and no wake-up is lost.
 */
export class Wakeup {
  private pending = false;
  private wake: (() => void) | undefined;

  fire(): void {
    this.pending = true;
    this.wake?.();
  }

  async wait(timeoutMs: number): Promise<void> {
    if (!this.pending) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
    this.pending = false;
  }
}

/** A pause that ends early, without error, when `signal` aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** Exponential backoff: 100 ms, 200 ms, 400 ms, ... up to `maxMs`. */
export function backoff(failures: number, maxMs: number): number {
  return Math.min(maxMs, 100 * 2 ** Math.min(Math.max(failures - 1, 0), 16));
}
