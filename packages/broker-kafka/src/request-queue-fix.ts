/**
 * A fix to kafkajs 2.2.4's request queue, applied once when this package loads.
 *
 * After every answer from the broker each connection's `RequestQueue` checks its queue of
 * pending requests and then schedules the next check at `throttledUntil - Date.now()`. Unthrottled,
 * `throttledUntil` is -1, so that is a negative delay, which Node turns into 1 ms: the check runs
 * again, schedules again, and so on for as long as the connection is open, queue empty or not.
 * Measured on the unpatched library: ~800 wake-ups and ~80 ms of CPU per second for one idle
 * connection, several connections per service (Node 24 also prints `TimeoutNegativeWarning` the
 * first time). The upstream issue (tulios/kafkajs#1751) and its pull requests stay unmerged; the
 * library is unmaintained and pinned here to exactly 2.2.4.
 *
 * The fix: schedule a check only while requests are waiting (throttled, or over the in-flight
 * limit). With none waiting there is nothing to check, and `push` schedules one again when a
 * request has to wait.
 */

/** The part of kafkajs's internal `RequestQueue` this fix touches. */
export interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

/** kafkajs's own pause between checks while requests wait without a throttle (its CHECK_PENDING_REQUESTS_INTERVAL). */
const CHECK_PENDING_INTERVAL_MS = 10;
const FIXED_VERSION = '2.2.4';

/** kafkajs's `RequestQueue` class, loaded from the library's own files (it does not export it). */
export function kafkajsRequestQueue(): { prototype: RequestQueueInternals } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal module without types
  return require('kafkajs/src/network/requestQueue') as { prototype: RequestQueueInternals };
}

let applied = false;

/** Replaces the request queue's scheduling; idempotent. Refuses a kafkajs it was not written for. */
export function fixKafkajsRequestQueue(): void {
  if (applied) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the library's version, to refuse one this fix does not know
  const { version } = require('kafkajs/package.json') as { version: string };
  if (version !== FIXED_VERSION) {
    throw new Error(
      `@klynge/broker-kafka fixes kafkajs ${FIXED_VERSION}'s request queue, but kafkajs ${version} is installed: check whether the fix still applies (src/request-queue-fix.ts)`,
    );
  }
  kafkajsRequestQueue().prototype.scheduleCheckPendingRequests = function scheduleCheckPendingRequests(this: RequestQueueInternals) {
    if (this.pending.length === 0 || this.throttleCheckTimeoutId) return;
    const untilUnthrottled = this.throttledUntil - Date.now();
    this.throttleCheckTimeoutId = setTimeout(
      () => {
        this.throttleCheckTimeoutId = null;
        this.checkPendingRequests();
      },
      untilUnthrottled > 0 ? untilUnthrottled : CHECK_PENDING_INTERVAL_MS,
    );
  };
  applied = true;
}
