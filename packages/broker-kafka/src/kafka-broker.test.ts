import { BrokerUnavailableError } from '@klynge/broker';
import { messageBrokerContract } from '@klynge/broker/contract';
import { freePorts, kafkaConnection, uniqueTopicPrefix } from '@klynge/test-infrastructure';
import { KafkaBroker } from './kafka-broker';

const prefix = uniqueTopicPrefix('broker_kafka');

messageBrokerContract('Kafka', {
  create: () => new KafkaBroker({ ...kafkaConnection(), clientId: 'contract-test' }),
  topicName: (label) => `${prefix}${label}.${Math.random().toString(36).slice(2, 8)}`,
});

describe('the Kafka adapter when no broker answers', () => {
  it('reports the broker unavailable instead of hanging', async () => {
    const [port] = await freePorts(1);
    const broker = new KafkaBroker({ brokers: [`127.0.0.1:${port}`], clientId: 'unreachable' });
    try {
      await expect(broker.checkHealth()).rejects.toBeInstanceOf(BrokerUnavailableError);
      await expect(broker.publish([{ topic: `${prefix}nowhere`, key: 'k', value: 'v', headers: {} }])).rejects.toThrow(
        /Kafka: could not .*ECONNREFUSED/,
      );
    } finally {
      await broker.close();
    }
  });
});

describe('closing the Kafka adapter', () => {
  it('leaves no connection open, whatever its clients were doing', async () => {
    const broker = new KafkaBroker({ ...kafkaConnection(), clientId: 'closing-test' });
    const topic = `${prefix}closing.${Math.random().toString(36).slice(2, 8)}`;
    await broker.subscribe({ groupId: `${topic}.group`, topics: [topic], handle: () => Promise.resolve() });
    await broker.publish([{ topic, key: 'k', value: 'v', headers: {} }]);
    expect(broker.openConnections()).toBeGreaterThan(0);
    // A health check and a publish still under way when close() is called.
    const inFlight = [broker.checkHealth(), broker.publish([{ topic, key: 'k', value: 'w', headers: {} }])].map((work) =>
      work.catch(() => undefined),
    );
    await broker.close();
    await Promise.all(inFlight);
    expect(broker.openConnections()).toBe(0);
  });
});
