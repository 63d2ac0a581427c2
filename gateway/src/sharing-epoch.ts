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
