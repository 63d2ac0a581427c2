import { announceCluster } from '@klynge/subgraph-under-test';
import { waitFor } from '@klynge/test-infrastructure';
import { type FundingUnderTest, startFunding } from './test-support/funding-under-test';

/**
 * What tests wait out before they compare tables (the gateway's security suite, through
 * GraphUnderTest.settled): a service's events still on their way. Against the real Kafka.
 */
describe('a service under test, still moving', () => {
  let funding: FundingUnderTest;

  beforeAll(async () => {
    funding = await startFunding('still_moving');
  });

  afterAll(async () => {
    await funding?.close();
  });

  it('names the consumer group behind its topic while an event waits for it, and nothing once the event is applied', async () => {
    await announceCluster(funding, { name: 'NCE Raufoss', level: 'NCE', countyCode: '34' });
    await waitFor('the service to settle', async () => (await funding.stillMoving()) === undefined);

    // Stopped, the service cannot apply what comes: the event waits on the topic.
    await funding.service.stop();
    const announced = announceCluster(funding, { name: 'NCE Eyde', level: 'NCE', countyCode: '42' });
    const moving = await waitFor('the event to be seen waiting', () => funding.stillMoving());
    expect(moving).toMatch(/funding\.cluster-directory has applied 1 of 2 messages$/);

    await funding.restart();
    await announced;
    await waitFor('the service to settle', async () => (await funding.stillMoving()) === undefined);
  });
});
