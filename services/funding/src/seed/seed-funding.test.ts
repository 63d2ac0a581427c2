import { type FundingUnderTest, startFunding } from '../test-support/funding-under-test';
import { fundingSeedReady, seedFunding } from './seed-funding';

describe('the funding demo seed', () => {
  let funding: FundingUnderTest;

  beforeAll(async () => {
    funding = await startFunding('funding_seed');
  });

  afterAll(async () => {
    await funding?.close();
  });

  it('loads the agencies, programmes and budgets of the domain notes, once; the reported awards once NCE Raufoss is known', async () => {
    const { dataSource, unitOfWork } = funding.service;
    expect(await fundingSeedReady(dataSource)).toBe(false);
    // Everything but the award to NCE Raufoss, which waits for the cluster.
    const first = await seedFunding(dataSource, unitOfWork);
    expect(first).toHaveLength(15);
    expect(first).toContain("the programme's reported figures");
    expect(first).toContain('The Conversion Engine: a consortium of four clusters');
    expect(await seedFunding(dataSource, unitOfWork)).toEqual([]);
    const raufoss = await funding.announceCluster({ name: 'NCE Raufoss', level: 'NCE', countyCode: '34' });
    expect(await fundingSeedReady(dataSource)).toBe(true);
    expect(await seedFunding(dataSource, unitOfWork)).toEqual(['The Conversion Engine: NCE Raufoss']);
    expect(await seedFunding(dataSource, unitOfWork)).toEqual([]);

    const grants = await funding.query<{ grants: { edges: { node: Record<string, unknown> }[] } }>(
      `{ grants(filter: { programmeCode: "OMSTILLINGSMOTOREN" }) { edges { node {
          amountAwarded { amount } awardDate awardDatePrecision plannedStart plannedEnd source application { id }
          recipient { type clusterId name } recipients { name clusterId orgNumber } } } } }`,
    );
    const common = {
      awardDate: '2017-01-01',
      awardDatePrecision: 'YEAR',
      plannedStart: null,
      plannedEnd: null,
      source: 'SINTEF news, 2017',
      application: null,
    };
    expect(grants.data!.grants.edges.map(({ node }) => node)).toEqual(
      expect.arrayContaining([
        {
          ...common,
          amountAwarded: { amount: '8000000' },
          recipient: { type: 'CLUSTER', clusterId: raufoss, name: 'NCE Raufoss' },
          recipients: [{ name: 'NCE Raufoss', clusterId: raufoss, orgNumber: null }],
        },
        {
          ...common,
          amountAwarded: { amount: '14000000' },
          recipient: null,
          recipients: ['Digital Norway', 'iKuben', 'Smart Innovation Norway', 'Kongsberg'].map((name) => ({
            name,
            clusterId: null,
            orgNumber: null,
          })),
        },
      ]),
    );
    expect(grants.data!.grants.edges).toHaveLength(2);

    // The register's figures for 2015, each with its page: 39 clusters, 3 GCE / 14 NCE / 22 Arena, NOK 137 million.
    const figures = await funding.query<{
      programmeFacts: { kind: string; value: string; quantity: string | null; source: { url: string } }[];
    }>('{ programmeFacts(year: 2015) { kind value quantity source { url } } }');
    const of2015 = (kind: string) =>
      figures.data!.programmeFacts.filter((figure) => figure.kind === kind).map(({ value, quantity }) => [value, quantity]);
    expect([of2015('CLUSTERS'), of2015('CLUSTERS_BY_LEVEL'), of2015('BUDGET')]).toEqual([
      [['39', '39']],
      [['3 / 14 / 22', null]],
      [['137', '137']],
    ]);
    for (const figure of figures.data!.programmeFacts) expect(figure.source.url).toMatch(/^https?:\/\//);
    const { data } = await funding.query<{ budgets: unknown[] }>(
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
      // NOK 30 million set aside, NOK 22 million of it in the two reported awards.
      { programmeCode: 'OMSTILLINGSMOTOREN', year: 2017, amount: { amount: '30000000' }, cofunders: [], remaining: { amount: '8000000' } },
    ]);
  });
});
