import { writeFileSync } from 'node:fs';
import { KafkaBroker } from '@klynge/broker-kafka';
import { kafkaConnection, uniqueTopicPrefix, waitFor } from '@klynge/test-infrastructure';

/**
 * A test file as any integration test on Kafka is: it makes a topic and a consumer group (which
 * commits) under its unique prefix, and leaves them. Run by test-run-cleanup.test.ts in a jest run
 * of its own, which it tells the prefix through FIXTURE_PREFIX_FILE.
 */
it('makes a topic and a consumer group under its unique prefix', async () => {
  const prefix = uniqueTopicPrefix('cleanup_fixture');
  writeFileSync(process.env.FIXTURE_PREFIX_FILE!, prefix);
  const topic = `${prefix}things.thing.v1`;
  const broker = new KafkaBroker({ ...kafkaConnection(), clientId: 'cleanup-fixture' });
  try {
    await broker.ensureTopics([topic]);
    await broker.publish([{ topic, key: 'k', value: '{}', headers: {} }]);
    const received: string[] = [];
    const subscription = await broker.subscribe({
      groupId: `${prefix}things.reader`,
      topics: [topic],
      handle: (message) => {
        received.push(message.key);
        return Promise.resolve();
      },
    });
    await waitFor('the group to read the message', () => received.length > 0);
    await waitFor('the group to commit it', async () => (await broker.groupProgress(`${prefix}things.reader`, [topic])).done === 1);
    await subscription.close();
  } finally {
    await broker.close();
  }
});
