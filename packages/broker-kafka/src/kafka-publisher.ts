import type { OutgoingMessage } from '@klynge/broker';
import { type Kafka, Partitioners, type Producer } from 'kafkajs';
import { CLIENT_RETRY, type Connecting, connecting, release, unavailable } from './kafka-client';

/** acks = -1: the leader answers only once every in-sync replica has the messages. */
const ACKS_ALL = -1;

/** What the broker answers a producer it will take nothing more from, under its current id. */
const PRODUCER_REJECTED = new Set([
  'OUT_OF_ORDER_SEQUENCE_NUMBER',
  'INVALID_PRODUCER_EPOCH',
  'UNKNOWN_PRODUCER_ID',
  'INVALID_PRODUCER_ID_MAPPING',
]);

/**
 * Publishes through one idempotent producer, made when first needed. Messages are partitioned
 * with Kafka's Java-compatible murmur2 partitioner, so a partner's Java producer and ours put the
 * same key in the same partition.
 */
export class KafkaPublisher {
  private producer: Connecting<Producer> | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly ensureTopics: (topics: readonly string[]) => Promise<void>,
    /** Throws once the adapter is closed: no producer is made after that. */
    private readonly assertOpen: () => void,
  ) {}

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    this.assertOpen();
    const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
    for (const { topic, key, value, headers } of messages) {
      const batch = byTopic.get(topic) ?? [];
      batch.push({ key, value, headers: { ...headers } });
      byTopic.set(topic, batch);
    }
    await this.ensureTopics([...byTopic.keys()]);
    try {
      const producer = await this.connectedProducer();
      await producer.sendBatch({
        acks: ACKS_ALL,
        topicMessages: [...byTopic].map(([topic, batch]) => ({ topic, messages: batch })),
      });
    } catch (error) {
      // The same producer sends again, with the same sequence numbers, so the broker recognises
      // what it already has: kafkajs reconnects it by itself. Only a producer the broker no longer
      // accepts is replaced (a new producer id, whose resends the broker cannot recognise).
      if (producerRejected(error)) await this.disconnect();
      throw unavailable('publish', error);
    }
  }

  async disconnect(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await release(producer);
  }

  private connectedProducer(): Promise<Producer> {
    // A publish that began before close() must not make a new producer after it.
    this.assertOpen();
    this.producer ??= connecting(
      this.kafka.producer({
        createPartitioner: Partitioners.DefaultPartitioner,
        allowAutoTopicCreation: false,
        // Kafka's idempotent producer: the broker drops a batch it already has from this producer
        // (kafkajs resends whole requests when one partition's leader moved), so a retry never
        // puts a message on the topic twice. One request in flight, so none overtakes another.
        idempotent: true,
        maxInFlightRequests: 1,
        retry: CLIENT_RETRY,
      }),
    );
    return this.producer.ready;
  }
}

function producerRejected(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = (cause as { originalError?: unknown }).originalError ?? cause.cause) {
    if (PRODUCER_REJECTED.has((cause as { type?: string }).type ?? '')) return true;
  }
  return false;
}
