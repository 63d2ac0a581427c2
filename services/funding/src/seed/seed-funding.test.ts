import { type FundingHarness, startFunding } from '../test-support/funding-harness';
import { seedFunding } from './seed-funding';

describe('the funding demo seed', () => {
  let harness: FundingHarness;

  beforeAll(async () => {
    harness = await startFunding('funding_seed');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('loads the agencies, programmes and budgets of the domain notes, once', async () => {
    const { dataSource, unitOfWork } = harness.service;
    expect((await seedFunding(dataSource, unitOfWork)).length).toBe(13);
    expect(await seedFunding(dataSource, unitOfWork)).toEqual([]);
    const { data } = await harness.query<{ budgets: unknown[] }>(
      `{ budgets { programmeCode year amount { amount } cofunders { name share } remaining { amount } } }`,
    );
    expect(data!.budgets).toEqual([
      { programmeCode: 'KATAPULT', year: 2017, amount: { amount: '50000000' }, cofunders: [], remaining: { amount: '50000000' } },
      { programmeCode: 'NIC', year: 2015, amount: { amount: '137000000' }, cofunders: [], remaining: { amount: '137000000' } },
      {
        programmeCode: 'OMSTILLING-PILOT',
        year: 2015,
        amount: { amount: '10000000' },
        cofunders: [
          { name: 'Industry', share: 0.5 },
          { name: 'Innovasjon Norge', share: 0.5 },
        ],
        remaining: { amount: '10000000' },
      },
      { programmeCode: 'OMSTILLINGSMOTOREN', year: 2017, amount: { amount: '30000000' }, cofunders: [], remaining: { amount: '30000000' } },
    ]);
  });
});
