import { randomUUID } from 'node:crypto';
import { setTimeout as pace } from 'node:timers/promises';
import { KafkaBroker } from '@klynge/broker-kafka';
import { type DedicatedPostgres, kafkaConnection, startDedicatedPostgres, uniqueTopicPrefix, waitFor } from '@klynge/test-infrastructure';
import pg from 'pg';
import { TopicNames } from '../events';
import { TallyIncremented } from '../test-fixtures/sample-events';
import { SampleProcesses } from '../test-fixtures/sample-process';

const WRITERS = 6;
const READERS = 3;
/**
 * How PostgreSQL stops: `fast`, as an orderly restart (an upgrade, a failover, a container
 * restarted) stops it: every session is ended with 57P01 mid-transaction, so commits in flight
 * are lost or ambiguous, and the outage lasts exactly as long as the test keeps it down.
 * (`immediate`, a crash, passes as well; `fast` keeps the restart free of crash recovery.)
 */
const STOP_MODE = 'fast';
/** PostgreSQL goes down once this many writes were acknowledged... */
const STOP_AFTER = 150;
/** ...stays down at least this long (longer than the consumer's five tries of a failing event)... */
const OUTAGE_MS = 4_000;
/** ...and the load goes on until this many more were acknowledged after it answered again. */
const AFTER_RESTART = 150;
/** Bound on the time from PostgreSQL answering to the service serving a write and a read again. */
const RECOVERY_BOUND_MS = 10_000;
/** ...and to a new write's event taking effect (the outbox relay backs off up to 5 s, the consumer up to 2 s). */
const EVENTS_RECOVERY_BOUND_MS = 15_000;

interface Answer {
  readonly kind: 'write' | 'read' | 'probe';
  /** When the request was sent, and when its answer came. */
  readonly sentAt: number;
  readonly at: number;
  readonly status: number;
  readonly text: string;
  readonly body: { data?: Record<string, { id: string; count: number } | null> | null; errors?: { extensions?: { code?: string } }[] };
}

/**
 * The fault suite's database restart: the sample service runs as its own process on a PostgreSQL
 * of this test's own, under a steady load of writes (incrementTally, each tally a fresh UUID, a
 * failed one tried again with the same id) and reads (tally). The database stops and starts
 * again in the middle. While it is away the service says so cleanly (SERVICE_UNAVAILABLE, no 500,
 * nothing of its insides); once it answers, writes and reads work again within a bound; and in
 * the end the read model fed through the outbox and Kafka agrees with the write side per tally,
 * every acknowledged write is there, and no event went to the dead-letter topic.
 */
describe('a PostgreSQL restart under writes and reads', () => {
  let postgres: DedicatedPostgres | undefined;
  const processes = new SampleProcesses();
  let pool: pg.Pool | undefined;
  let broker: KafkaBroker | undefined;

  afterAll(async () => {
    await processes.killAll();
    await pool?.end().catch(() => undefined);
    await broker?.close().catch(() => undefined);
    await postgres?.destroy();
  });

  it('answers cleanly while it is down, serves again within a bound, and loses and doubles nothing', async () => {
    const started = Date.now();
    postgres = await startDedicatedPostgres('pg-restart');
    pool = new pg.Pool({ connectionString: postgres.url, max: 2 });
    pool.on('error', () => undefined); // idle clients ended by the restart
    const topicPrefix = uniqueTopicPrefix('pg_restart');
    // The sample service as its own process, on the dedicated PostgreSQL and the shared Kafka.
    const service = await processes.start({
      databaseUrl: postgres.url,
      topicPrefix,
      logLevel: 'warn',
      env: { OUTBOX_POLL_INTERVAL_MS: '200' },
    });
    await service.ready();
    const base = service.baseUrl;
    const ready = Date.now();

    // What would give the service's insides away: a stack frame, SQL, the database's address.
    const leaks = [
      /\s+at\s+\S+\s+\(?[^()\s]*:\d+:\d+\)?/,
      /stacktrace/i,
      /\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET)\b/i,
      /\btallies\b|\boutbox_events\b|\bconsumed_events\b/,
      /127\.0\.0\.1/,
      /localhost:\d+/,
      new RegExp(`:${postgres.port}\\b`),
      new RegExp(postgres.home.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      /ECONNREFUSED|ECONNRESET|terminating connection|Connection terminated/i,
    ];

    const answers: Answer[] = [];
    const transportFailures: string[] = [];
    const request = async (kind: Answer['kind'], query: string, variables: Record<string, unknown>): Promise<Answer | undefined> => {
      const sentAt = Date.now();
      try {
        const response = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        });
        const text = await response.text();
        let body: Answer['body'];
        try {
          body = JSON.parse(text) as Answer['body'];
        } catch {
          body = { errors: [{ extensions: { code: 'NOT_JSON' } }] };
        }
        const answer = { kind, sentAt, at: Date.now(), status: response.status, text, body };
        answers.push(answer);
        return answer;
      } catch (error) {
        // The service itself must stay up and keep answering: not being able to talk to it is a failure.
        transportFailures.push(error instanceof Error ? `${error.message} ${String(error.cause)}` : String(error));
        return undefined;
      }
    };
    const increment = (kind: Answer['kind'], id: string) =>
      request(kind, 'mutation($id: ID!) { incrementTally(id: $id, sequence: 1) { id count } }', { id });
    const readTally = (kind: Answer['kind'], id: string) => request(kind, 'query($id: ID!) { tally(id: $id) { id count } }', { id });

    // The load: writers, each on fresh tallies, trying a failed write again with the same id (an
    // ambiguous commit may have counted it already: the per-tally check below allows for that);
    // readers, asking for tallies already acknowledged.
    const acknowledged: string[] = [];
    const attempts = new Map<string, number>();
    let loadRunning = true;
    let failedWrites = 0;
    let failedReads = 0;
    const readsWrong: string[] = [];
    const writer = async () => {
      while (loadRunning) {
        const id = randomUUID();
        while (loadRunning) {
          attempts.set(id, (attempts.get(id) ?? 0) + 1);
          const answer = await increment('write', id);
          if (answer?.status === 200 && answer.body.data?.incrementTally?.id === id && !answer.body.errors) {
            acknowledged.push(id);
            break;
          }
          failedWrites += 1;
          // Pacing, not synchronisation: a client backing off before it tries again.
          await pace(25);
        }
      }
    };
    const reader = async () => {
      while (loadRunning) {
        const id = acknowledged.length > 0 ? acknowledged[Math.floor(Math.random() * acknowledged.length)]! : randomUUID();
        const answer = await readTally('read', id);
        if (answer?.status === 200 && !answer.body.errors) {
          const tally = answer.body.data?.tally;
          if (acknowledged.includes(id) && !(tally && tally.count >= 1)) readsWrong.push(`${id}: ${answer.text}`);
        } else {
          failedReads += 1;
          await pace(25);
        }
      }
    };
    const load = Promise.all([...Array.from({ length: WRITERS }, writer), ...Array.from({ length: READERS }, reader)]);

    const count = async (sql: string) => Number((await pool!.query<{ count: string }>(sql)).rows[0]!.count);
    try {
      await waitFor(`${STOP_AFTER} writes to be acknowledged`, () => acknowledged.length >= STOP_AFTER, { timeoutMs: 60_000 });
      await waitFor('the first events to reach the read model', async () => (await count('SELECT count(*) FROM tally_totals')) > 0, {
        timeoutMs: 30_000,
      });

      // The outage.
      const before = { answers: answers.length, failedWrites, failedReads };
      await postgres.stop(STOP_MODE);
      const stoppedAt = Date.now();
      await waitFor(
        `PostgreSQL to stay down ${OUTAGE_MS} ms under load`,
        () =>
          Date.now() - stoppedAt >= OUTAGE_MS &&
          failedWrites - before.failedWrites >= WRITERS &&
          failedReads - before.failedReads >= READERS,
        { timeoutMs: 60_000 },
      );
      const duringOutage = answers.slice(before.answers);
      await postgres.start();
      const answeredAt = Date.now();
      const outageMs = answeredAt - stoppedAt;

      // From here a write and a read of the same new tally must be served within the bound.
      const probe = randomUUID();
      await waitFor(
        'the service to serve a write and a read again',
        async () => {
          const written = await increment('probe', probe);
          if (!(written?.status === 200 && !written.body.errors)) return false;
          const read = await readTally('probe', probe);
          return read?.status === 200 && !read.body.errors && (read.body.data?.tally?.count ?? 0) >= 1;
        },
        { timeoutMs: 60_000, intervalMs: 20 },
      );
      const recoveredAt = Date.now();
      const recoveryMs = recoveredAt - answeredAt;
      acknowledged.push(probe);
      // And its event has been through the outbox, Kafka and the consumer into the read model.
      await waitFor(
        'the probe to reach the read model',
        async () => (await count(`SELECT count(*) FROM tally_totals WHERE tally_id = '${probe}'`)) === 1,
        {
          timeoutMs: 60_000,
          intervalMs: 20,
        },
      );
      const eventsRecoveryMs = Date.now() - answeredAt;
      const firstWriteAfter = answers.find((answer) => answer.kind === 'write' && answer.at >= answeredAt && !answer.body.errors);

      const restartedWith = acknowledged.length;
      await waitFor(`${AFTER_RESTART} more writes to be acknowledged`, () => acknowledged.length >= restartedWith + AFTER_RESTART, {
        timeoutMs: 60_000,
      });
      loadRunning = false;
      await load;

      // Everything written has gone through the outbox and Kafka into the read model.
      const mismatchSql = `
        SELECT count(*) FROM tallies t FULL OUTER JOIN tally_totals r USING (tally_id)
         WHERE t.count IS DISTINCT FROM r.applied`;
      await waitFor(
        'the outbox to be empty and the read model to agree with the write side',
        async () => (await count('SELECT count(*) FROM outbox_events')) === 0 && (await count(mismatchSql)) === 0,
        { timeoutMs: 60_000, intervalMs: 200 },
      );
      const drainedMs = Date.now() - answeredAt;
      const tallies = await pool.query<{ tally_id: string; count: number; applied: number | null }>(
        'SELECT t.tally_id, t.count, r.applied FROM tallies t LEFT JOIN tally_totals r USING (tally_id)',
      );
      const byId = new Map(tallies.rows.map((row) => [row.tally_id, row]));
      const missing = acknowledged.filter((id) => !byId.has(id));
      const lost = tallies.rows.filter((row) => (row.applied ?? 0) < row.count).length;
      const appliedTwice = tallies.rows.filter((row) => (row.applied ?? 0) > row.count).length;
      // An ambiguous commit: the write took effect but its answer was lost, and the client tried again.
      const countedTwice = tallies.rows.filter((row) => row.count > 1).length;
      const overCounted = tallies.rows.filter((row) => row.count > (attempts.get(row.tally_id) ?? 1)).length;
      const deadLettered = await count(`SELECT count(*) FROM consumed_events WHERE outcome = 'dead-lettered'`);
      broker = new KafkaBroker({ ...kafkaConnection(), clientId: 'pg-restart-check' });
      const deadLetterTopic = new TopicNames(topicPrefix).deadLetter(new TopicNames(topicPrefix).topic(TallyIncremented.topic));
      await broker.ensureTopics([deadLetterTopic]);
      const onDeadLetterTopic = [...(await broker.messagesPerPartition(deadLetterTopic)).values()].reduce((sum, n) => sum + n, 0);

      const outageStatuses = tally(duringOutage.map((answer) => String(answer.status)));
      const outageCodes = tally(
        duringOutage.flatMap((answer) => (answer.body.errors ?? []).map((error) => error.extensions?.code ?? '(none)')),
      );
      const allStatuses = tally(answers.map((answer) => String(answer.status)));
      const allCodes = tally(answers.flatMap((answer) => (answer.body.errors ?? []).map((error) => error.extensions?.code ?? '(none)')));
      // Asked once the service served again: every one of these answered in full.
      const failedAfterRecovery = answers.filter((answer) => answer.sentAt >= recoveredAt && answer.body.errors);
      const leaking = answers.filter((answer) => leaks.some((pattern) => pattern.test(answer.text)));
      const logLines = service.logLines() as { msg?: string; err?: { type?: string; message?: string; code?: string; stack?: string } }[];
      const logged = (msg: string) => logLines.filter((line) => line.msg === msg).length;

      // What the service logged of errors it did not take for the database being away, for whoever reads a failure.
      const unexpectedLines = logLines.filter(
        (line) => line.msg === 'Unexpected error in a resolver' || line.msg === 'Event handler failed; trying again',
      );
      const unexpected = unexpectedLines.map(
        (line) => `${line.msg}: ${line.err?.type}: ${line.err?.message} (${line.err?.code ?? 'no code'})`,
      );
      if (unexpected.length > 0) {
        process.stdout.write(
          `errors the service did not expect: ${JSON.stringify(tally(unexpected))}; the first: ${unexpectedLines[0]!.err?.stack}\n`,
        );
      }
      process.stdout.write(
        [
          `postgres restart: ${WRITERS} writers and ${READERS} readers; service ready ${ready - started} ms after the test began`,
          `  outage ${outageMs} ms (stop -m ${STOP_MODE}): ${duringOutage.length} answers (${duringOutage.filter((a) => a.kind === 'write').length} writes, ${duringOutage.filter((a) => a.kind === 'read').length} reads), statuses ${JSON.stringify(outageStatuses)}, error codes ${JSON.stringify(outageCodes)}`,
          `  served a write and a read ${recoveryMs} ms after PostgreSQL answered (first acknowledged write of the load: ${firstWriteAfter ? `${firstWriteAfter.at - answeredAt} ms` : 'none'}); the probe's event was applied after ${eventsRecoveryMs} ms; outbox empty and read model in agreement after ${drainedMs} ms`,
          `  whole run: ${answers.length} answers, statuses ${JSON.stringify(allStatuses)}, error codes ${JSON.stringify(allCodes)}; ${failedAfterRecovery.length} failed once it served again; ${transportFailures.length} requests the service did not answer; ${leaking.length} answers leaking details`,
          `  ${acknowledged.length} writes acknowledged (${failedWrites} failed attempts tried again), ${tallies.rows.length} tallies; ${missing.length} acknowledged missing, ${lost} lost, ${appliedTwice} applied twice, ${countedTwice} counted twice after an ambiguous commit`,
          `  dead letters: ${onDeadLetterTopic} on ${deadLetterTopic}, ${deadLettered} recorded; service log: ${logged('The database cannot be reached; the event waits')} event tries while the database was away, ${logged('Event handler failed; trying again')} handler failures, ${logged('Unexpected error in a resolver')} unexpected resolver errors`,
          '',
        ].join('\n'),
      );

      // While the database was away: 200 (or 503) with a clean SERVICE_UNAVAILABLE, never a 500.
      expect(duringOutage.length).toBeGreaterThan(0);
      expect(answers.filter((answer) => answer.status >= 500 && answer.status !== 503).map((answer) => answer.text)).toEqual([]);
      expect(answers.filter((answer) => answer.status !== 200 && answer.status !== 503).map((answer) => answer.text)).toEqual([]);
      expect(Object.keys(allCodes).filter((code) => code !== 'SERVICE_UNAVAILABLE')).toEqual([]);
      expect(outageCodes.SERVICE_UNAVAILABLE ?? 0).toBeGreaterThan(0);
      expect(leaking.map((answer) => answer.text)).toEqual([]);
      expect(transportFailures).toEqual([]);
      expect(readsWrong).toEqual([]);
      expect({ exitCode: service.child.exitCode, signal: service.child.signalCode }).toEqual({ exitCode: null, signal: null });
      // Back within the bound.
      expect(recoveryMs).toBeLessThan(RECOVERY_BOUND_MS);
      expect(eventsRecoveryMs).toBeLessThan(EVENTS_RECOVERY_BOUND_MS);
      expect(failedAfterRecovery.map((answer) => answer.text)).toEqual([]);
      // Nothing lost, nothing doubled, nothing parked.
      expect({ missing: missing.length, lost, appliedTwice, overCounted }).toEqual({
        missing: 0,
        lost: 0,
        appliedTwice: 0,
        overCounted: 0,
      });
      expect({ onDeadLetterTopic, deadLettered }).toEqual({ onDeadLetterTopic: 0, deadLettered: 0 });
      expect(logged('Event sent to the dead-letter topic')).toBe(0);
    } finally {
      loadRunning = false;
      await load;
    }
  }, 240_000);
});

function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
