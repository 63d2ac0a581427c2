/**
 * Until when work in flight may be shared. The gateway executes identical queries in flight once
 * (coalesced-queries.ts) and sends identical subgraph queries in flight once (subgraph-fetcher.ts):
 * a request that arrives while one is being computed waits for its answer. That answer reads the
 * data as it was when its work began, so once the data may have changed (a mutation through the
 * gateway answered, an event came in from the topics) a later request must not wait for it: it
 * would be given an answer older than what it asked after. Each shared piece of work notes the
 * epoch it began in and is joined only in that epoch; `advance` starts the next.
 */
export class SharingEpoch {
  private value = 0;

  /** The epoch work beginning now belongs to. */
  get current(): number {
    return this.value;
  }

  /** The data may have changed: nothing begun before may be joined from now on (those already waiting keep it). */
  advance(): void {
    this.value += 1;
  }
}

/**
 * Work in flight by key, joined only within the epoch it began in: the one way the coalescer and
 * the subgraph fetcher share it. Keeps nothing once the work is done.
 */
export class InFlight<T> {
  private readonly entries = new Map<string, { readonly epoch: number; readonly work: Promise<T> }>();

  constructor(private readonly epoch: SharingEpoch) {}

  /** The work under `key` begun in this epoch, joined; else `start()`, begun and shared under `key`. */
  share(key: string, start: () => Promise<T>): { readonly work: Promise<T>; readonly joined: boolean } {
    const shared = this.entries.get(key);
    if (shared?.epoch === this.epoch.current) return { work: shared.work, joined: true };
    const work = start().finally(() => {
      // Only its own entry: work begun after the data changed may have taken the key since.
      if (this.entries.get(key)?.work === work) this.entries.delete(key);
    });
    this.entries.set(key, { epoch: this.epoch.current, work });
    return { work, joined: false };
  }
}
