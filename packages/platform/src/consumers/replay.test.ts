import { randomUUID } from 'node:crypto';
import { waitFor } from '@klynge/test-infrastructure';
import { createEnvelope } from '../events';
import { type PlatformUnderTest, startPlatformUnderTest } from '../test-fixtures/platform-under-test';
import { TallyIncremented } from '../test-fixtures/sample-events';
import { incrementTally, tallyArrivals, tallyTotalsConsumer } from '../test-fixtures/tally-model';
import { replayReadModels } from './replay';

describe('replaying a read model, against PostgreSQL and Kafka', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    // The sample domain's owner, as the replay's consumers check it (ownerSourceOf).
    platform = await startPlatformUnderTest('replay', { source: '/klynge/sample' });
  });

  afterAll(async () => {
    await platform?.close();
  });

  const messagesOn = async (topic: string) => [...(await platform.broker.messagesPerPartition(topic)).values()].reduce((a, b) => a + b, 0);
  const arrived = (tallyId: string) => tallyArrivals(platform.db, tallyId);

  it('parks each message once, however often the log is replayed', async () => {
    const consumer = tallyTotalsConsumer().readModel('tally_arrivals', 'tally_totals');
    const runner = await platform.startConsumer(consumer);
    const deadLetters = `${platform.tallyTopic}.dlq`;
    const tallyId = randomUUID();
    // A poison event (its handler always fails), one of a type the topic does not declare, and a good one behind them.
    await incrementTally(platform.unitOfWork, tallyId, 1, { note: 'poison' });
    const undeclared = {
      ...createEnvelope(TallyIncremented, { source: '/klynge/sample', subject: tallyId, data: { tallyId, sequence: 3 } }),
      type: 'no.klynge.sample.TallyForged.v1',
    };
    await platform.broker.publish([{ topic: platform.tallyTopic, key: tallyId, value: JSON.stringify(undeclared), headers: {} }]);
    await incrementTally(platform.unitOfWork, tallyId, 2);
    // They share a partition: once the good one is applied, the other two have been parked.
    await waitFor('the event behind them', async () => (await arrived(tallyId)).includes(2));
    expect(await messagesOn(deadLetters)).toBe(2);
    await runner.stop();

    const parkedAfterEachReplay: number[] = [];
    for (let replay = 0; replay < 2; replay += 1) {
      const replayed = await replayReadModels({
        service: 'replay',
        consumers: [consumer],
        broker: platform.broker,
        dataSource: platform.dataSource,
        unitOfWork: platform.unitOfWork,
        schemas: platform.schemas,
        topics: platform.topics,
        logger: platform.logger,
        progress: () => undefined,
      });
      expect(replayed).toEqual([{ consumer: 'tally-totals', messages: 3 }]);
      parkedAfterEachReplay.push(await messagesOn(deadLetters));
    }

    expect(parkedAfterEachReplay).toEqual([2, 2]);
    expect(await arrived(tallyId)).toEqual([2]);
  });
});
