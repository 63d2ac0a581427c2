import { waitFor } from '@klynge/async';
import { fixKafkajsRequestQueue, kafkajsRequestQueue, type RequestQueueInternals } from './request-queue-fix';

/** kafkajs's RequestQueue as much of it as these tests drive: what the fix touches, and more. */
interface Queue extends RequestQueueInternals {
  push(pushed: ReturnType<typeof request>): void;
  destroy(): void;
}
type QueueClass = new (options: Record<string, unknown>) => Queue;

const silentLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function newQueue(RequestQueue: QueueClass): Queue {
  return new RequestQueue({
    maxInFlightRequests: null,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'request-queue-fix.test',
    broker: '127.0.0.1:0',
    logger: silentLogger,
  });
}

function request(correlationId: number, sent: number[]) {
  return {
    entry: { correlationId, apiKey: 18, apiName: 'ApiVersions', apiVersion: 2, resolve: () => undefined, reject: () => undefined },
    expectResponse: false,
    sendRequest: () => sent.push(correlationId),
  };
}

describe("kafkajs's request queue", () => {
  const queues: Queue[] = [];
  afterAll(() => queues.forEach((queue) => queue.destroy()));

  /** How often a queue that has nothing waiting checks its queue in 100 ms (of jest's fake clock). */
  function checksIn100ms(queue: Queue): number {
    let checks = 0;
    const check = queue.checkPendingRequests.bind(queue);
    queue.checkPendingRequests = () => {
      checks += 1;
      check();
    };
    jest.useFakeTimers();
    try {
      queue.checkPendingRequests(); // as after any answer from the broker
      jest.advanceTimersByTime(100);
    } finally {
      jest.useRealTimers();
    }
    return checks;
  }

  it('as released, checks its empty queue every millisecond (the defect fixed here)', () => {
    // A copy of the library loaded apart from the one this package fixes.
    jest.isolateModules(() => {
      const queue = newQueue(kafkajsRequestQueue() as unknown as QueueClass);
      queues.push(queue);
      expect(checksIn100ms(queue)).toBeGreaterThan(50);
      expect(queue.pending).toHaveLength(0);
    });
  });

  describe('fixed', () => {
    let RequestQueue: QueueClass;
    beforeAll(() => {
      fixKafkajsRequestQueue();
      fixKafkajsRequestQueue(); // idempotent
      RequestQueue = kafkajsRequestQueue() as unknown as QueueClass;
    });

    it('schedules nothing when nothing waits', () => {
      const queue = newQueue(RequestQueue);
      queues.push(queue);
      expect(checksIn100ms(queue)).toBe(1);
      expect(queue.throttleCheckTimeoutId).toBeNull();
    });

    it('sends a request that waited for a throttle once the throttle ends, and then schedules nothing', async () => {
      const queue = newQueue(RequestQueue);
      queues.push(queue);
      const sent: number[] = [];
      queue.push(request(1, sent));
      expect(sent).toEqual([1]);

      // Long enough that the push below always meets the throttle, even on a stalled CI machine.
      queue.throttledUntil = Date.now() + 1_000;
      queue.push(request(2, sent));
      expect(sent).toEqual([1]);
      expect(queue.pending).toHaveLength(1);
      expect(queue.throttleCheckTimeoutId).not.toBeNull();

      await waitFor('the throttled request to be sent', () => sent.length === 2, { timeoutMs: 5_000, intervalMs: 10 });
      expect(sent).toEqual([1, 2]);
      expect(queue.pending).toHaveLength(0);
      expect(queue.throttleCheckTimeoutId).toBeNull();
    });
  });
});
