/**
 * Lets a loop sleep until something it waits for may have happened, or a timeout passes, without
 * polling. A `fire()` while nobody waits is remembered, so the next `wait` returns at once and no
 * wake-up is lost between checking a condition and going to sleep.
 */
export class Wakeup {
  private pending = false;
  private wake: (() => void) | undefined;

  fire(): void {
    if (this.wake) this.wake();
    else this.pending = true;
  }

  /** Resolves at the next `fire()` (or at once if one is pending), or after `timeoutMs`. */
  async wait(timeoutMs?: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        // Cleared before anything else runs, so a later fire() is remembered, not swallowed.
        if (this.wake === wake) this.wake = undefined;
        resolve();
      };
      const timer = timeoutMs === undefined ? undefined : setTimeout(wake, timeoutMs);
      this.wake = wake;
    });
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
