import { BrokerUnavailableError } from '@klynge/broker';
import { messageBrokerContract } from '@klynge/broker/src/message-broker.contract';
import { freePorts, kafkaBrokers, uniqueTopicPrefix } from '@klynge/testing';
import { KafkaBroker } from './kafka-broker';

const prefix = uniqueTopicPrefix('broker_kafka');

messageBrokerContract('Kafka', {
  create: () => new KafkaBroker({ brokers: kafkaBrokers(), clientId: 'contract-test' }),
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
