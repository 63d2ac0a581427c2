import { randomUUID } from 'node:crypto';
import type { DeliveredMessage } from '@klynge/broker';
import { waitFor } from '@klynge/test-infrastructure';
import { createEnvelope } from '../events';
import { type PlatformUnderTest, startPlatformUnderTest } from '../test-fixtures/platform-under-test';
import { TallyIncremented } from '../test-fixtures/sample-events';
import { incrementTally, tallyArrivals, tallyTotalsConsumer } from '../test-fixtures/tally-model';
import { DEAD_LETTER_HEADERS } from './consumer-runner';
import { eventConsumer } from './event-consumer';

describe('idempotent event consumers, against PostgreSQL and Kafka', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await startPlatformUnderTest('consumers');
    await platform.startConsumer(tallyTotalsConsumer(), { maxAttempts: 3, maxRetryDelayMs: 50 });
  });

  afterAll(async () => {
    await platform?.close();
  });

  const applied = async (tallyId: string) =>
    (await platform.db.query<{ applied: number }>('SELECT applied FROM tally_totals WHERE tally_id = $1', [tallyId]))[0]?.applied ?? 0;
  const arrived = (tallyId: string) => tallyArrivals(platform.db, tallyId);
  /** Puts a message on the sample topic directly, as a partner's producer (or a replay) would. */
  const publishRaw = (key: string, value: string) => platform.broker.publish([{ topic: platform.tallyTopic, key, value, headers: {} }]);

  it('applies a delivered event once, however often it is delivered', async () => {
    const tallyId = randomUUID();
    const event = createEnvelope(TallyIncremented, {
      source: '/klynge/partner',
      subject: tallyId,
      data: { tallyId, sequence: 1 },
    });
    await publishRaw(tallyId, JSON.stringify(event));
    await publishRaw(tallyId, JSON.stringify(event));
    await publishRaw(tallyId, JSON.stringify(event));
    // A different event behind the copies, on the same partition: when it has arrived, so have they.
    await incrementTally(platform.unitOfWork, tallyId, 2);

    await waitFor('the event behind the copies', async () => (await arrived(tallyId)).includes(2));
    expect(await arrived(tallyId)).toEqual([1, 2]);
    expect(await applied(tallyId)).toBe(2);
    const consumed = await platform.db.query('SELECT outcome FROM consumed_events WHERE event_source = $1 AND event_id = $2', [
      '/klynge/partner',
      event.id,
    ]);
    expect(consumed).toEqual([{ outcome: 'handled' }]);
  });

  it('parks an event whose handler keeps failing on <topic>.dlq, with the error and its origin, and moves on', async () => {
    const deadLetters = await platform.readTopic(`${platform.tallyTopic}.dlq`);
    const tallyId = randomUUID();
    await incrementTally(platform.unitOfWork, tallyId, 1, { note: 'poison' });
    await incrementTally(platform.unitOfWork, tallyId, 2);

    await waitFor('the event after the poison one', async () => (await arrived(tallyId)).includes(2));
    expect(await arrived(tallyId)).toEqual([2]);
    const parked = await waitFor('the dead letter', () => deadLetters.messages.find((m) => m.key === tallyId));
    const envelope = JSON.parse(parked.value) as { id: string; data: { note: string } };
    expect(envelope.data.note).toBe('poison');
    expect(parked.headers).toMatchObject({
      [DEAD_LETTER_HEADERS.error]: 'Error: This event is poison',
      [DEAD_LETTER_HEADERS.originTopic]: platform.tallyTopic,
      [DEAD_LETTER_HEADERS.originPartition]: expect.stringMatching(/^\d+$/),
      [DEAD_LETTER_HEADERS.originOffset]: expect.stringMatching(/^\d+$/),
      [DEAD_LETTER_HEADERS.consumerGroup]: expect.stringMatching(/\.consumers\.tally-totals$/),
      [DEAD_LETTER_HEADERS.attempts]: '3',
      'content-type': 'application/cloudevents+json; charset=utf-8',
    });
    const consumed = await platform.db.query('SELECT outcome FROM consumed_events WHERE event_id = $1', [envelope.id]);
    expect(consumed).toEqual([{ outcome: 'dead-lettered' }]);
  });

  it('parks unreadable messages and events that break their schema without trying them', async () => {
    const deadLetters = await platform.readTopic(`${platform.tallyTopic}.dlq`);
    const tallyId = randomUUID();
    const badData = createEnvelope(TallyIncremented, {
      source: '/klynge/partner',
      subject: tallyId,
      data: { tallyId, sequence: 'first' as unknown as number },
    });
    await publishRaw(tallyId, '{ not json');
    await publishRaw(tallyId, JSON.stringify({ ...badData, specversion: '0.3' }));
    await publishRaw(tallyId, JSON.stringify(badData));
    await incrementTally(platform.unitOfWork, tallyId, 4);

    await waitFor('the valid event behind them', async () => (await arrived(tallyId)).includes(4));
    const parked = await waitFor('three dead letters', () => {
      const found = deadLetters.messages.filter((m) => m.key === tallyId);
      return found.length === 3 && found;
    });
    expect(parked.map((m) => m.headers[DEAD_LETTER_HEADERS.error])).toEqual([
      expect.stringContaining('SyntaxError'),
      expect.stringContaining('Event envelope is invalid: /specversion must be equal to constant'),
      expect.stringContaining('is invalid: /sequence must be integer'),
    ]);
    expect(parked.every((m) => m.headers[DEAD_LETTER_HEADERS.attempts] === '0')).toBe(true);
    expect(await arrived(tallyId)).toEqual([4]);
  });

  it('keeps trying an event while the database is away, however long, and never parks it for that', async () => {
    // The database answers again by the time the tries run out (a restart): the failures were
    // its absence, not the event's fault, so the event takes effect and is not dead-lettered.
    const awayFor = 6;
    const tries = new Map<string, number>();
    await platform.startConsumer(
      eventConsumer('database-away').on(TallyIncremented, async (event) => {
        if (event.data.note !== 'database-away') return;
        const tried = (tries.get(event.id) ?? 0) + 1;
        tries.set(event.id, tried);
        if (tried <= awayFor) {
          throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
        }
        return Promise.resolve();
      }),
      { maxAttempts: 3, maxRetryDelayMs: 50 },
    );
    const deadLetters = await platform.readTopic(`${platform.tallyTopic}.dlq`);
    const tallyId = randomUUID();
    await incrementTally(platform.unitOfWork, tallyId, 1, { note: 'database-away' });

    const eventId = await waitFor('the event to be tried', () => [...tries.keys()][0]);
    const outcome = await waitFor(
      'the event to take effect',
      async () =>
        (
          await platform.db.query<{ outcome: string }>(
            `SELECT outcome FROM consumed_events WHERE consumer = 'database-away' AND event_id = $1`,
            [eventId],
          )
        )[0]?.outcome,
    );
    expect(outcome).toBe('handled');
    expect([...tries.values()]).toEqual([awayFor + 1]);
    // A later event on the same partition has been through the consumer: the dead-letter topic
    // would hold the first one by now.
    await incrementTally(platform.unitOfWork, tallyId, 2);
    await waitFor('the next event', async () => (await arrived(tallyId)).includes(2));
    expect(deadLetters.messages.filter((message) => message.key === tallyId)).toEqual([]);
  });

  /** Whether `message` is a dead letter of the tally-totals consumer about `tallyId` (others read the topic too). */
  const parkedByTallyTotals = (tallyId: string) => (message: DeliveredMessage) =>
    message.key === tallyId && (message.headers[DEAD_LETTER_HEADERS.consumerGroup] ?? '').endsWith('.tally-totals');
  /** An event of the sample stream, as any client could write it, of `type`. */
  const eventOfType = (tallyId: string, type: string) => ({
    ...createEnvelope(TallyIncremented, { source: '/klynge/partner', subject: tallyId, data: { tallyId, sequence: 1 } }),
    type,
  });

  it('ignores a type of its topic it has no handler for, without parking it', async () => {
    const deadLetters = await platform.readTopic(`${platform.tallyTopic}.dlq`);
    const tallyId = randomUUID();
    // TallyRenamed is declared on the sample topic (test-fixtures/events/sample.tally.v1/), and this consumer does not handle it.
    await publishRaw(tallyId, JSON.stringify(eventOfType(tallyId, 'no.klynge.sample.TallyRenamed.v1')));
    await incrementTally(platform.unitOfWork, tallyId, 2);
    // Behind them on the same partition, a message that is parked: once its dead letter is there, any of the first would be too.
    await publishRaw(tallyId, '{ not json');

    await waitFor('the handled event behind it', async () => (await arrived(tallyId)).includes(2));
    expect(await arrived(tallyId)).toEqual([2]);
    const parked = await waitFor('the dead letter behind it', () => deadLetters.messages.find(parkedByTallyTotals(tallyId)));
    expect(deadLetters.messages.filter(parkedByTallyTotals(tallyId))).toEqual([parked]);
    expect(parked.value).toBe('{ not json');
  });

  it('parks an event of a type its topic does not declare, with the reason, and moves on', async () => {
    const deadLetters = await platform.readTopic(`${platform.tallyTopic}.dlq`);
    const tallyId = randomUUID();
    // Neither has a schema in the topic's folder: one made up, one of another topic's.
    await publishRaw(tallyId, JSON.stringify(eventOfType(tallyId, 'no.klynge.sample.TallyForged.v1')));
    await publishRaw(tallyId, JSON.stringify(eventOfType(tallyId, 'no.klynge.clusters.ClusterRegistered.v1')));
    await incrementTally(platform.unitOfWork, tallyId, 2);

    await waitFor('the handled event behind them', async () => (await arrived(tallyId)).includes(2));
    const parked = await waitFor('two dead letters', () => {
      const found = deadLetters.messages.filter(parkedByTallyTotals(tallyId));
      return found.length === 2 && found;
    });
    expect(parked.map((m) => m.headers[DEAD_LETTER_HEADERS.error])).toEqual([
      'UndeclaredEventTypeError: no.klynge.sample.TallyForged.v1 is not an event type of sample.tally.v1 (it has no schema in sample.tally.v1/)',
      'UndeclaredEventTypeError: no.klynge.clusters.ClusterRegistered.v1 is not an event type of sample.tally.v1 (it has no schema in sample.tally.v1/)',
    ]);
    expect(parked.every((m) => m.headers[DEAD_LETTER_HEADERS.attempts] === '0')).toBe(true);
    expect(await arrived(tallyId)).toEqual([2]);
  });
});
