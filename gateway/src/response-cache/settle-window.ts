import { type AnswerDependencies, type EventEntities, touches } from './entities';

interface RecentEvent {
  readonly at: number;
  readonly entities: EventEntities;
}

/**
 * The settle window, one per gateway process whichever store keeps the answers: an event
 * reaches this gateway about when it reaches the services that keep read models of it, which
 * apply it a little later. An answer computed in between could come from a read model not yet
 * updated and would then stay in the cache, stale, until the next event. So an answer is stored
 * only if no event that touches it arrived from `settleMs` before its fetches began until it is
 * stored: fetches that started before an event (the race of a request in flight) and those made
 * while its consumers were still applying it are served once and not kept. Consumers that
 * publish what they derived (clusters' ClusterLevelChanged after a GrantAwarded) drop the entry
 * again with their own event.
 */
export class SettleWindow {
  private recent: RecentEvent[] = [];

  constructor(
    private readonly settleMs: number,
    private readonly now: () => number,
  ) {}

  /** An event has arrived (whether or not the store could drop what it touched). */
  record(entities: EventEntities): void {
    const at = this.now();
    this.recent = this.recent.filter((event) => event.at >= at - this.settleMs);
    this.recent.push({ at, entities });
  }

  /**
   * Whether an event that touches the answer arrived since `settleMs` before its fetches began at
   * `startedAt`. Its dependencies are asked for only when some event arrived since: a store that
   * keeps them as text (Redis) reads them only then, not on every hit.
   */
  spoils(startedAt: number, dependencies: () => AnswerDependencies): boolean {
    const since = startedAt - this.settleMs;
    let answer: AnswerDependencies | undefined;
    return this.recent.some((event) => event.at >= since && touches((answer ??= dependencies()), event.entities) !== undefined);
  }
}
