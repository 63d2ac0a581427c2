import { waitFor } from '@klynge/test-infrastructure';
import { effectFigures, type SampleDeployment, startSampleDeployment } from '../test-fixtures/sample-deployment';

const EVENTS = 10_000;
const WRITERS = 8;
/**
 * How many more events each instance applies (counted from its start) before it is SIGKILLed;
 * 1 kills it right after its first batch commits, before it commits the batch's offsets. The
 * instance started after the last kill runs to the end.
 */
const LIVES = [400, 1, 800, 150, 600, 1];
/** The writers stay at most this far ahead of the read model, so that the writes go on across every kill. */
const BACKLOG = 2_500;

/**
 * The fault suite's consumer churn: the sample service, a process of its own, is SIGKILLed again
 * and again while events are written into its outbox (by the test, as another instance would),
 * relayed and consumed; a new instance starts after each kill. Every event takes effect exactly
 * once, and none is dead-lettered because of a kill.
 */
describe('a service SIGKILLed again and again under a burst of writes', () => {
  let deployment: SampleDeployment;

  beforeAll(async () => {
    deployment = await startSampleDeployment('churn');
  });

  afterAll(async () => {
    await deployment?.close();
  });

  it(`applies every one of ${EVENTS} events exactly once across ${LIVES.length} kills`, async () => {
    const { count } = deployment;
    const started = Date.now();
    let service = await deployment.start();
    await service.ready();
    await deployment.writer();

    // One watcher reads the read model's progress for the writers and the kills alike.
    let applied = await count('SELECT count(*) FROM tally_totals');
    let watching = true;
    const watcher = waitFor(
      'the test to end',
      async () => {
        applied = await count('SELECT count(*) FROM tally_totals');
        return !watching;
      },
      { timeoutMs: 600_000, intervalMs: 20 },
    );
    try {
      const burst = deployment.burst(EVENTS, WRITERS, { mayWrite: (written) => written < applied + BACKLOG });
      const lives: { firstAppliedMs: number; killedAfterMs: number; writtenAtKill: number }[] = [];
      for (const more of LIVES) {
        const startedAt = Date.now();
        const from = await count('SELECT count(*) FROM tally_totals');
        await waitFor(`${service.name} to apply an event`, () => applied > from, { timeoutMs: 120_000, intervalMs: 5 });
        const firstAppliedMs = Date.now() - startedAt;
        await waitFor(`${service.name} to apply ${more} more events`, () => applied >= from + more, { timeoutMs: 120_000, intervalMs: 5 });
        await service.kill('SIGKILL');
        lives.push({ firstAppliedMs, killedAfterMs: Date.now() - startedAt, writtenAtKill: burst.written() });
        service = await deployment.start();
      }
      const lastStartedAt = Date.now();
      const lastFrom = await count('SELECT count(*) FROM tally_totals');
      await waitFor(`${service.name} to apply an event`, () => applied > lastFrom, { timeoutMs: 120_000, intervalMs: 5 });
      const lastFirstAppliedMs = Date.now() - lastStartedAt;

      await burst.done;
      const writtenMs = Date.now() - started;
      await waitFor(
        'every event to take effect and the outbox to be empty',
        async () =>
          (await count('SELECT count(*) FROM tally_totals')) === EVENTS && (await count('SELECT count(*) FROM outbox_events')) === 0,
        { timeoutMs: 120_000, intervalMs: 50 },
      );
      const doneMs = Date.now() - started;

      // The topic as a partner reads it; meanwhile the last instance would apply any redelivery.
      const topic = await deployment.readTallyTopic();
      // A graceful stop after all that: nothing more can take effect once it has exited.
      await service.kill('SIGTERM');
      expect(await service.exited).toBe(0);
      const logs = deployment.logFigures();
      const seconds = (ms: number) => (ms / 1_000).toFixed(1);
      process.stdout.write(
        [
          `consumer churn: ${lives.length} SIGKILLs; ${EVENTS} events written in ${seconds(writtenMs)} s, all in effect after ${seconds(doneMs)} s`,
          `  each instance applied its first event ${[...lives.map((life) => life.firstAppliedMs), lastFirstAppliedMs].map(seconds).join(' / ')} s after it started`,
          `  and was killed after ${lives.map((life) => seconds(life.killedAfterMs)).join(' / ')} s, with ${lives.map((life) => life.writtenAtKill).join(' / ')} events written`,
          `  topic: ${topic.onTopic} messages, ${topic.distinctEvents} distinct events (${topic.onTopic - topic.distinctEvents} published again by a relay killed before it deleted them)`,
          `  consumers skipped at least ${logs.deliveriesIgnored} redeliveries (as logged before each kill); ${logs.deadLettered} dead-lettered`,
          '',
        ].join('\n'),
      );

      expect(await effectFigures(deployment)).toEqual({
        tallies: EVENTS,
        applied: EVENTS,
        appliedOtherThanOnce: 0,
        arrivals: EVENTS,
        handled: EVENTS,
        deadLettered: 0,
        inOutbox: 0,
      });
      expect(topic.distinctEvents).toBe(EVENTS);
      expect(topic.onTopic).toBeGreaterThanOrEqual(EVENTS);
      expect(logs.deadLettered).toBe(0);
    } finally {
      watching = false;
      await watcher.catch(() => undefined);
    }
  }, 300_000);
});
