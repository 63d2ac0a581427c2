/**
 * What every MessageBroker must do, as a jest suite. Each implementation's tests run it:
 *
 *   messageBrokerContract('Kafka', { create, topicName });
 *
 * Built with the package (it uses jest's globals, which the tests that run it provide) and
 * exported as `@klynge/broker/contract`.
 */
import { randomUUID } from 'node:crypto';
import type { DeliveredMessage, MessageBroker } from './message-broker';

export interface ContractSetup {
  /** A broker connected to a running server, fresh for each test. */
  create(): Promise<MessageBroker> | MessageBroker;
  /** A topic name no other test uses. */
  topicName(label: string): string;
}

async function eventually<T>(description: string, probe: () => T | undefined | false): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function messageBrokerContract(name: string, setup: ContractSetup): void {
  describe(`${name} as a MessageBroker`, () => {
    let broker: MessageBroker;

    beforeEach(async () => {
      broker = await setup.create();
    });

    afterEach(async () => {
      await broker.close();
    });

    const collect = async (topic: string, groupId = `group-${randomUUID()}`) => {
      const received: DeliveredMessage[] = [];
      const subscription = await broker.subscribe({
        groupId,
        topics: [topic],
        handle: (message) => {
          received.push(message);
          return Promise.resolve();
        },
      });
      return { received, subscription };
    };

    it('delivers what was published: key, value, headers, topic and position', async () => {
      const topic = setup.topicName('delivery');
      const { received } = await collect(topic);
      await broker.publish([{ topic, key: 'cluster-1', value: '{"a":1}', headers: { 'content-type': 'application/json' } }]);

      const [message] = await eventually('the message', () => received.length === 1 && received);
      expect(message).toMatchObject({
        topic,
        key: 'cluster-1',
        value: '{"a":1}',
        headers: { 'content-type': 'application/json' },
        partition: expect.any(Number),
        offset: expect.stringMatching(/^\d+$/),
      });
    });

    it('keeps the order of each key’s messages', async () => {
      const topic = setup.topicName('order');
      const { received } = await collect(topic);
      const keys = Array.from({ length: 10 }, (_, index) => `key-${index}`);
      for (let round = 0; round < 3; round += 1) {
        await broker.publish(
          Array.from({ length: 20 }, (_, step) => step + round * 20).flatMap((sequence) =>
            keys.map((key) => ({ topic, key, value: String(sequence), headers: {} })),
          ),
        );
      }

      await eventually('all 600 messages', () => received.length === 600);
      for (const key of keys) {
        const values = received.filter((message) => message.key === key).map((message) => Number(message.value));
        expect(values).toEqual(Array.from({ length: 60 }, (_, index) => index));
      }
    });

    it('gives every message to every group', async () => {
      const topic = setup.topicName('groups');
      const first = await collect(topic);
      const second = await collect(topic);
      await broker.publish([{ topic, key: 'k', value: 'v', headers: {} }]);

      await eventually('both groups to have it', () => first.received.length === 1 && second.received.length === 1);
    });

    it('delivers a message again when its handler rejects', async () => {
      const topic = setup.topicName('redelivery');
      const attempts: string[] = [];
      await broker.subscribe({
        groupId: `group-${randomUUID()}`,
        topics: [topic],
        handle: (message) => {
          attempts.push(message.value);
          return attempts.length === 1 ? Promise.reject(new Error('not yet')) : Promise.resolve();
        },
      });
      await broker.publish([{ topic, key: 'k', value: 'once', headers: {} }]);

      await eventually('a second delivery', () => attempts.length >= 2);
      expect(attempts.slice(0, 2)).toEqual(['once', 'once']);
    });

    it('hands over ready messages in batches, in partition order, and the whole batch again when its handler rejects', async () => {
      const topic = setup.topicName('batches');
      // Published before anyone subscribes: a backlog, ready at once.
      await broker.publish(
        Array.from({ length: 300 }, (_, sequence) => ({ topic, key: `key-${sequence % 7}`, value: String(sequence), headers: {} })),
      );
      const batches: DeliveredMessage[][] = [];
      const accepted: DeliveredMessage[] = [];
      let rejectedBatch: DeliveredMessage[] | undefined;
      await broker.subscribe({
        groupId: `group-${randomUUID()}`,
        topics: [topic],
        handleBatch: (messages) => {
          batches.push([...messages]);
          if (!rejectedBatch && messages.length > 1) {
            rejectedBatch = [...messages];
            return Promise.reject(new Error('not yet'));
          }
          accepted.push(...messages);
          return Promise.resolve();
        },
      });
      await eventually('all 300 messages accepted', () => new Set(accepted.map((message) => message.value)).size === 300);
      expect(rejectedBatch).toBeDefined();
      for (const batch of batches) {
        expect(new Set(batch.map((message) => message.partition)).size).toBe(1);
        const offsets = batch.map((message) => BigInt(message.offset));
        expect(offsets).toEqual(offsets.map((_, index) => offsets[0]! + BigInt(index)));
      }
      // The rejected batch's first message came again.
      const [first] = rejectedBatch!;
      expect(accepted.some((message) => message.partition === first!.partition && message.offset === first!.offset)).toBe(true);
      for (let key = 0; key < 7; key += 1) {
        const values = accepted.filter((message) => message.key === `key-${key}`).map((message) => Number(message.value));
        expect(values).toEqual([...values].sort((a, b) => a - b));
      }
    });

    it("starts a partition from the subscriber's own position where that is behind the group's, and from the group's otherwise", async () => {
      const topic = setup.topicName('own-positions');
      const groupId = `group-${randomUUID()}`;
      // One key: one partition, in order.
      const publish = (values: readonly string[]) => broker.publish(values.map((value) => ({ topic, key: 'k', value, headers: {} })));
      const first = await collect(topic, groupId);
      await publish(['a', 'b', 'c', 'd', 'e']);
      const [a] = await eventually('all five', () => first.received.length === 5 && first.received);
      await first.subscription.close();

      /** A member of the group whose own record says it has processed up to (not including) `offset`. */
      const memberAt = async (offset: bigint) => {
        const received: string[] = [];
        const asked: number[] = [];
        const subscription = await broker.subscribe({
          groupId,
          topics: [topic],
          ownPositions: (assigned) => {
            asked.push(assigned.length);
            return Promise.resolve(assigned.map((partition) => ({ ...partition, offset: String(offset) })));
          },
          handleBatch: (messages) => {
            received.push(...messages.map((message) => message.value));
            return Promise.resolve();
          },
        });
        return { received, asked, subscription };
      };
      // Its store was set back to just after b: c, d and e come again, and the group's offset went back.
      const restored = await memberAt(BigInt(a!.offset) + 2n);
      await eventually('c, d and e again', () => restored.received.length === 3);
      await publish(['f']);
      await eventually('the next one', () => restored.received.length === 4);
      expect(restored.received).toEqual(['c', 'd', 'e', 'f']);
      expect(restored.asked.length).toBeGreaterThan(0);
      await restored.subscription.close();

      // Its own record is ahead of the group's: it starts from the group's offset, and skips nothing.
      await publish(['g', 'h']);
      const ahead = await memberAt(BigInt(a!.offset) + 100n);
      await eventually('g and h', () => ahead.received.length === 2);
      expect(ahead.received).toEqual(['g', 'h']);
      await ahead.subscription.close();
    });

    it('says a subscription has joined its group once it is a member, and not once it is closed', async () => {
      const topic = setup.topicName('joining');
      const { received, subscription } = await collect(topic);
      await broker.publish([{ topic, key: 'k', value: 'v', headers: {} }]);
      // Delivered means assigned partitions, so a member by then.
      await eventually('the message', () => received.length === 1);
      expect(subscription.joined()).toBe(true);
      await subscription.close();
      expect(subscription.joined()).toBe(false);
    });

    it('stops delivering to a closed subscription', async () => {
      const topic = setup.topicName('closing');
      const { received, subscription } = await collect(topic);
      await broker.publish([{ topic, key: 'k', value: 'before', headers: {} }]);
      await eventually('the first message', () => received.length === 1);

      await subscription.close();
      const later = await collect(topic);
      await broker.publish([{ topic, key: 'k', value: 'after', headers: {} }]);
      await eventually('another group to see the second message', () => later.received.length === 2);
      expect(received.map((message) => message.value)).toEqual(['before']);
    });

    it('creates topics idempotently, also when asked concurrently, and answers health checks', async () => {
      const topics = [setup.topicName('a'), setup.topicName('b')];
      await Promise.all([broker.ensureTopics(topics), broker.ensureTopics(topics), broker.ensureTopics(topics.slice(0, 1))]);
      await broker.ensureTopics(topics);
      await expect(broker.checkHealth()).resolves.toBeUndefined();
    });
  });
}
