import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrokerUnavailableError, type DeliveredMessage } from '@klynge/broker';
import { LocalBroker, type LocalBrokerOptions } from './local-broker';
import { Gate, TemporaryDirectories, uniqueTopic, waitFor } from './test-fixtures/helpers';

const directories = new TemporaryDirectories();
afterAll(() => directories.removeAll());

describe('The in-process broker on a directory', () => {
  const opened: LocalBroker[] = [];
  const open = (options: LocalBrokerOptions) => {
    const broker = new LocalBroker(options);
    opened.push(broker);
    return broker;
  };

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((broker) => broker.close()));
  });

  /** Subscribes and collects what arrives, optionally holding or refusing some messages. */
  const collect = async (
    broker: LocalBroker,
    topic: string,
    groupId: string,
    handle: (message: DeliveredMessage) => Promise<void> = () => Promise.resolve(),
  ) => {
    const received: DeliveredMessage[] = [];
    const subscription = await broker.subscribe({
      groupId,
      topics: [topic],
      handle: async (message) => {
        received.push(message);
        await handle(message);
      },
    });
    return { received, subscription, values: () => received.map((message) => message.value) };
  };

  const publishValues = (broker: LocalBroker, topic: string, key: string, values: readonly string[]) =>
    broker.publish(values.map((value) => ({ topic, key, value, headers: { sequence: value } })));

  it('keeps the messages for a broker opened later, whose offsets continue where they stopped', async () => {
    const directory = directories.create();
    const topic = uniqueTopic('kept');
    const first = open({ directory });
    await publishValues(first, topic, 'cluster-1', ['1', '2', '3']);
    await publishValues(first, topic, 'cluster-2', ['a']);
    await first.close();

    const second = open({ directory });
    await publishValues(second, topic, 'cluster-1', ['4', '5']);
    const reader = await collect(second, topic, 'reader');
    await waitFor('all six messages', () => reader.received.length === 6);

    const cluster1 = reader.received.filter((message) => message.key === 'cluster-1');
    expect(cluster1.map((message) => message.value)).toEqual(['1', '2', '3', '4', '5']);
    expect(cluster1.map((message) => message.headers)).toEqual(['1', '2', '3', '4', '5'].map((sequence) => ({ sequence })));
    const partition = cluster1[0]!.partition;
    const samePartition = reader.received.filter((message) => message.partition === partition);
    expect(samePartition.map((message) => message.offset)).toEqual(samePartition.map((_, index) => String(index)));
  });

  it('resumes a group after the last message it processed, not from the beginning', async () => {
    const directory = directories.create();
    const topic = uniqueTopic('resume');
    const first = open({ directory });
    await publishValues(first, topic, 'k', ['1', '2', '3', '4', '5']);
    const holdFour = new Gate();
    const before = await collect(first, topic, 'resuming', (message) => (message.value === '4' ? holdFour.opened : Promise.resolve()));
    await waitFor('message 4 in hand', () => before.received.length === 4);
    // Stopping, as a consumer does when its service stops: the message in hand is not processed.
    const closing = before.subscription.close();
    holdFour.fail(new Error('stopping'));
    await closing;
    await first.close();

    const second = open({ directory });
    await publishValues(second, topic, 'k', ['6']);
    const after = await collect(second, topic, 'resuming');
    await waitFor('messages 4 to 6', () => after.received.length === 3);
    expect(after.values()).toEqual(['4', '5', '6']);
    expect(after.received.map((message) => message.offset)).toEqual(['3', '4', '5']);
    // A group the directory has never seen starts from the earliest message.
    const newcomer = await collect(second, topic, 'newcomer');
    await waitFor('all six messages for a new group', () => newcomer.received.length === 6);
  });

  it('has the messages on disk once publish resolves, and the positions soon after, without a close', async () => {
    const directory = directories.create();
    const topic = uniqueTopic('crash');
    const running = open({ directory, positionsWriteDelayMs: 10, partitions: 1 });
    await publishValues(running, topic, 'k', ['1', '2', '3']);
    const lines = readFileSync(join(directory, 'topics', topic, '0.jsonl'), 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { value: string }).value)).toEqual(['1', '2', '3']);
    const consumer = await collect(running, topic, 'survivor');
    await waitFor('three messages', () => consumer.received.length === 3);
    await waitFor('the positions on disk', () => storedPositions(directory)?.survivor?.[topic]?.[0] === 3);

    // `running` is never closed before the next one reads the directory, as after a crash.
    const restarted = open({ directory });
    await publishValues(restarted, topic, 'k', ['4']);
    const resumed = await collect(restarted, topic, 'survivor');
    await waitFor('the new message', () => resumed.received.length === 1);
    expect(resumed.values()).toEqual(['4']);
  });

  it('cuts off a write that a crash left unfinished, and appends after the last whole message', async () => {
    const directory = directories.create();
    const topic = uniqueTopic('torn');
    const first = open({ directory, partitions: 1 });
    await publishValues(first, topic, 'k', ['1', '2']);
    await first.close();
    const partitionFile = join(directory, 'topics', topic, '0.jsonl');
    appendFileSync(partitionFile, '{"key":"k","value":"3","hea');

    const warnings: string[] = [];
    const second = open({ directory, logger: { warn: (_details, message) => warnings.push(message) } });
    await publishValues(second, topic, 'k', ['3']);
    await second.close();
    expect(warnings).toEqual(['Discarded the unfinished last write of a partition file']);

    const third = open({ directory });
    const reader = await collect(third, topic, 'reader');
    await waitFor('three messages', () => reader.received.length === 3);
    expect(reader.values()).toEqual(['1', '2', '3']);
    expect(readFileSync(partitionFile, 'utf8').split('\n')).toHaveLength(4);
  });

  it('keeps a topic’s partition count when opened with another default', async () => {
    const directory = directories.create();
    const topic = uniqueTopic('partitions');
    const first = open({ directory, partitions: 2 });
    await first.ensureTopics([topic]);
    await first.close();

    const second = open({ directory, partitions: 6 });
    const keys = Array.from({ length: 50 }, (_, index) => `key-${index}`);
    await second.publish(keys.map((key) => ({ topic, key, value: key, headers: {} })));
    const reader = await collect(second, topic, 'reader');
    await waitFor('every message', () => reader.received.length === keys.length);
    expect([...new Set(reader.received.map((message) => message.partition))].sort()).toEqual([0, 1]);
  });

  it('reports a directory it cannot read as unavailable', async () => {
    const directory = directories.create();
    writeFileSync(join(directory, 'positions.json'), '{"groups":');
    const broker = open({ directory });
    await expect(broker.checkHealth()).rejects.toBeInstanceOf(BrokerUnavailableError);
    await expect(broker.subscribe({ groupId: 'g', topics: ['t'], handle: () => Promise.resolve() })).rejects.toThrow(
      /positions\.json: not JSON/,
    );
  });
});

/** positions.json as written so far: group → topic → next offset per partition. */
function storedPositions(directory: string): Record<string, Record<string, number[]>> | undefined {
  try {
    return (JSON.parse(readFileSync(join(directory, 'positions.json'), 'utf8')) as { groups: Record<string, Record<string, number[]>> })
      .groups;
  } catch {
    return undefined; // not written yet
  }
}
