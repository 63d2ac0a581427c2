import { type CloudEvent, Kafka, type KafkaMessage } from 'cloudevents';
import { waitFor } from '@klynge/test-infrastructure';
import { admin, type ClustersUnderTest, REGISTER, registration, startClusters } from '../test-support/clusters-under-test';

/**
 * Our topics as an outside client reads them: with the official CloudEvents SDK's Kafka protocol
 * binding (structured mode: the content-type header, the whole event as the value), no Klynge code.
 */
describe('events read with the CloudEvents SDK', () => {
  let clusters: ClustersUnderTest;

  beforeAll(async () => {
    clusters = await startClusters('cloudevents_sdk');
  });

  afterAll(async () => {
    await clusters?.close();
  });

  it('are CloudEvents 1.0 with the type, source, subject and data the contract says', async () => {
    const messages = await clusters.readTopic('clusters.cluster.v1');
    const { data } = await clusters.query<{ registerCluster: { id: string } }>(
      REGISTER,
      { input: registration({ name: 'NCE Raufoss' }) },
      admin,
    );
    const clusterId = data!.registerCluster.id;
    await waitFor('the event on the topic', () => messages.some((message) => message.key === clusterId));
    const message = messages.find((one) => one.key === clusterId)!;
    // A Kafka message as any client gives it: key, value and headers.
    const kafkaMessage: KafkaMessage<string> = { key: message.key, value: message.value, headers: message.headers, body: message.value };
    const event = Kafka.toEvent(kafkaMessage);
    const one = (Array.isArray(event) ? event[0] : event) as CloudEvent<Record<string, unknown>>;
    expect(one.specversion).toBe('1.0');
    expect(one.type).toBe('no.klynge.clusters.ClusterRegistered.v1');
    expect(one.source).toBe('/klynge/clusters');
    expect(one.subject).toBe(clusterId);
    expect(one.datacontenttype).toBe('application/json');
    expect(one.data).toMatchObject({ clusterId, name: 'NCE Raufoss' });
    // The SDK checks the event against the CloudEvents spec.
    expect(one.validate()).toBe(true);
  });
});
