import { BrokerUnavailableError, type DeliveredMessage, type Subscription } from '@klynge/broker';
import { LocalBroker, type LocalBrokerOptions } from './local-broker';
import { partitionForKey } from './partitioner';
import { Gate, keysInDistinctPartitions, settle, TemporaryDirectories, uniqueTopic, waitFor } from './test-fixtures/helpers';

const directories = new TemporaryDirectories();
afterAll(() => directories.removeAll());

describe.each([
  ['in memory', (options: LocalBrokerOptions) => new LocalBroker(options)],
  ['on a directory', (options: LocalBrokerOptions) => new LocalBroker({ ...options, directory: directories.create() })],
])('Consumer groups of the in-process broker %s', (_mode, createBroker) => {
  let broker: LocalBroker;
  const open = (options: LocalBrokerOptions = {}) => {
    broker = createBroker(options);
    return broker;
  };

  afterEach(async () => {
    await broker.close();
  });

  it('shares the partitions among the members, and gives a closing member’s partitions to the others', async () => {
    const topic = uniqueTopic('sharing');
    open({ partitions: 4 });
    const received = { first: [] as DeliveredMessage[], second: [] as DeliveredMessage[] };
    const join = (member: keyof typeof received) =>
      broker.subscribe({
        groupId: 'shared',
        topics: [topic],
        handle: (message) => {
          received[member].push(message);
          return Promise.resolve();
        },
      });
    const first = await join('first');
    await join('second');
    const keys = Array.from({ length: 40 }, (_, index) => `cluster-${index}`);
    expect(new Set(keys.map((key) => partitionForKey(key, 4))).size).toBe(4);

    await broker.publish(keys.map((key) => ({ topic, key, value: 'before', headers: {} })));
    await waitFor('the first 40 messages', () => received.first.length + received.second.length === 40);
    const firstPartitions = new Set(received.first.map((message) => message.partition));
    const secondPartitions = new Set(received.second.map((message) => message.partition));
    expect(firstPartitions.size).toBeGreaterThan(0);
    expect(secondPartitions.size).toBeGreaterThan(0);
    expect([...firstPartitions].filter((partition) => secondPartitions.has(partition))).toEqual([]);

    await first.close();
    await broker.publish(keys.map((key) => ({ topic, key, value: 'after', headers: {} })));
    const after = () => received.second.filter((message) => message.value === 'after');
    await waitFor('the remaining member to have all 40 later messages', () => after().length === 40);
    expect(new Set(after().map((message) => message.partition)).size).toBe(4);
    expect(received.first.filter((message) => message.value === 'after')).toEqual([]);
    expect(received.first.length + received.second.length).toBe(80);
  });

  it('lets a closing member finish its message in hand before another member continues the partition', async () => {
    const topic = uniqueTopic('handover');
    open({ partitions: 1 });
    const gate = new Gate();
    const firstReceived: string[] = [];
    const secondReceived: string[] = [];
    let inHand = 0;
    let mostInHand = 0;
    const track = async (work: () => Promise<void>) => {
      inHand += 1;
      mostInHand = Math.max(mostInHand, inHand);
      try {
        await work();
      } finally {
        inHand -= 1;
      }
    };
    // The first member joins first, so it owns the only partition.
    const first = await broker.subscribe({
      groupId: 'handover',
      topics: [topic],
      handle: (message) =>
        track(async () => {
          firstReceived.push(message.value);
          if (message.value === '1') await gate.opened;
        }),
    });
    await broker.subscribe({
      groupId: 'handover',
      topics: [topic],
      handle: (message) =>
        track(() => {
          secondReceived.push(message.value);
          return Promise.resolve();
        }),
    });
    await broker.publish(['1', '2', '3'].map((value) => ({ topic, key: 'k', value, headers: {} })));
    await waitFor('the first member to hold message 1', () => firstReceived.length === 1);

    let closed = false;
    const closing = first.close().then(() => {
      closed = true;
    });
    await settle();
    expect(closed).toBe(false);
    expect(secondReceived).toEqual([]);

    gate.open();
    await closing;
    await waitFor('the second member to continue', () => secondReceived.length === 2);
    expect(firstReceived).toEqual(['1']);
    expect(secondReceived).toEqual(['2', '3']);
    expect(mostInHand).toBe(1);
  });

  it('delivers a rejected message again after a growing pause, while the other partitions move on', async () => {
    const topic = uniqueTopic('retry');
    open({ partitions: 3 });
    const [stuckKey, freeKey] = keysInDistinctPartitions(2, 3) as [string, string];
    const release = new Gate();
    let released = false;
    void release.opened.then(() => {
      released = true;
    });
    const attempts: number[] = [];
    const handled: string[] = [];
    await broker.subscribe({
      groupId: 'retry',
      topics: [topic],
      handle: (message) => {
        if (message.key === stuckKey && message.value === 'first') {
          attempts.push(Date.now());
          if (!released) return Promise.reject(new Error('not yet'));
        }
        handled.push(`${message.key}:${message.value}`);
        return Promise.resolve();
      },
    });
    await broker.publish([
      { topic, key: stuckKey, value: 'first', headers: {} },
      { topic, key: stuckKey, value: 'second', headers: {} },
      { topic, key: freeKey, value: 'a', headers: {} },
      { topic, key: freeKey, value: 'b', headers: {} },
    ]);

    await waitFor('the other partition’s messages', () => handled.includes(`${freeKey}:b`));
    await waitFor('three attempts at the stuck message', () => attempts.length >= 3);
    // Not a hot loop: the pauses are 100 ms, then 200 ms (timers may fire a millisecond early).
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(95);
    expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(195);
    // Nothing behind the stuck message in its partition overtakes it.
    expect(handled).toEqual([`${freeKey}:a`, `${freeKey}:b`]);

    release.open();
    await waitFor('the stuck key’s messages', () => handled.includes(`${stuckKey}:second`));
    expect(handled.filter((entry) => entry.startsWith(`${stuckKey}:`))).toEqual([`${stuckKey}:first`, `${stuckKey}:second`]);
  });

  it('keeps each key’s order across many keys, partitions and members, also while a member leaves', async () => {
    const topic = uniqueTopic('many-keys');
    open({ partitions: 5 });
    const keys = Array.from({ length: 200 }, (_, index) => `company-${index}`);
    const rounds = 15;
    const valuesByKey = new Map<string, number[]>();
    const members: Subscription[] = [];
    for (let member = 0; member < 3; member += 1) {
      members.push(
        await broker.subscribe({
          groupId: 'many-keys',
          topics: [topic],
          handle: async (message) => {
            // Handlers take turns with each other and with publishing, as real ones would.
            if (Math.random() < 0.3) await new Promise((resolve) => setImmediate(resolve));
            const values = valuesByKey.get(message.key) ?? [];
            values.push(Number(message.value));
            valuesByKey.set(message.key, values);
          },
        }),
      );
    }
    const delivered = () => [...valuesByKey.values()].reduce((total, values) => total + values.length, 0);

    for (let round = 0; round < rounds; round += 1) {
      const shuffled = [...keys].sort(() => Math.random() - 0.5);
      await broker.publish(shuffled.map((key) => ({ topic, key, value: String(round), headers: {} })));
      if (round === Math.floor(rounds / 2)) await members[0]!.close();
    }

    await waitFor('every message', () => delivered() === keys.length * rounds, 10_000);
    const expected = Array.from({ length: rounds }, (_, round) => round);
    for (const key of keys) expect(valuesByKey.get(key)).toEqual(expected);
  });

  it('closes every subscription on close, and refuses to be used after', async () => {
    const topic = uniqueTopic('closing');
    open();
    const received: string[] = [];
    const subscription = await broker.subscribe({
      groupId: 'closing',
      topics: [topic],
      handle: (message) => {
        received.push(message.value);
        return Promise.resolve();
      },
    });
    await broker.publish([{ topic, key: 'k', value: 'before', headers: {} }]);
    await waitFor('the message', () => received.length === 1);

    await broker.close();
    await expect(broker.publish([{ topic, key: 'k', value: 'after', headers: {} }])).rejects.toBeInstanceOf(BrokerUnavailableError);
    await expect(broker.checkHealth()).rejects.toBeInstanceOf(BrokerUnavailableError);
    await expect(broker.subscribe({ groupId: 'late', topics: [topic], handle: () => Promise.resolve() })).rejects.toBeInstanceOf(
      BrokerUnavailableError,
    );
    await expect(subscription.close()).resolves.toBeUndefined();
    expect(received).toEqual(['before']);
  });

  it('refuses topic names Kafka would refuse', async () => {
    open();
    await expect(broker.ensureTopics(['clusters/events'])).rejects.toThrow(/Invalid topic name/);
    await expect(broker.ensureTopics(['..'])).rejects.toThrow(/Invalid topic name/);
    await expect(broker.publish([{ topic: '', key: 'k', value: 'v', headers: {} }])).rejects.toThrow(/Invalid topic name/);
  });
});
