import { GrantReported } from '@klynge/contracts';
import { waitFor } from '@klynge/test-infrastructure';
import {
  admin,
  ALLOCATE_BUDGET,
  caseworker,
  CREATE_PROGRAMME,
  DISBURSE,
  type FundingUnderTest,
  REGISTER_AGENCY,
  sivaCaseworker,
  startFunding,
  today,
} from '../test-support/funding-under-test';

const RECORD = `mutation($input: RecordReportedGrantInput!) { recordReportedGrant(input: $input) {
  id amountAwarded { amount } awardDate awardDatePrecision plannedStart plannedEnd source application { id }
  recipient { type clusterId name } recipients { name clusterId orgNumber } giving360 } }`;

const ORG = '123456785';

/**
 * Grants made outside the application workflow, recorded as a public source reports them (the
 * Conversion Engine's awards of 2017): several recipients, a date known to the year, no period.
 */
describe('reported grants', () => {
  let funding: FundingUnderTest;
  let raufoss: string;
  const grantCount = async () => Number((await funding.db.query<{ n: string }>('SELECT count(*)::text AS n FROM grants'))[0]!.n);
  const consortium = (overrides: Record<string, unknown> = {}) => ({
    programmeCode: 'OMSTILLINGSMOTOREN',
    budgetYear: 2017,
    amountAwarded: '14000000',
    awardDate: '2017-01-01',
    awardDatePrecision: 'YEAR',
    title: 'The Conversion Engine: a consortium',
    source: 'SINTEF news, 2017',
    recipients: [{ name: 'Digital Norway' }, { name: 'NCE Raufoss', clusterId: raufoss }, { name: 'A known company', orgNumber: ORG }],
    ...overrides,
  });

  beforeAll(async () => {
    funding = await startFunding('reported-grants');
    const setUp = [
      [REGISTER_AGENCY, { input: { code: 'innovasjon-norge', name: 'Innovasjon Norge', kind: 'INNOVATION_NORWAY' } }],
      [
        CREATE_PROGRAMME,
        { input: { code: 'OMSTILLINGSMOTOREN', name: 'The Conversion Engine', agencyCode: 'innovasjon-norge', periodStart: '2017-01-01' } },
      ],
      [ALLOCATE_BUDGET, { input: { programmeCode: 'OMSTILLINGSMOTOREN', year: 2017, amount: '30000000' } }],
    ] as const;
    for (const [mutation, variables] of setUp) expect((await funding.query(mutation, variables, admin)).errors).toBeUndefined();
    raufoss = await funding.announceCluster({ name: 'NCE Raufoss', level: 'NCE', countyCode: '34' });
    await funding.announceOrganization({ orgNumber: ORG, name: 'A known company', kind: 'COMPANY', municipalityCode: '0301' });
  });

  afterAll(async () => {
    await funding?.close();
  });

  it('records a grant to several recipients with what the source says and nothing more, charged to the budget, and publishes it', async () => {
    const { data, errors } = await funding.query<{ recordReportedGrant: Record<string, unknown> & { id: string } }>(
      RECORD,
      { input: consortium() },
      caseworker,
    );
    expect(errors).toBeUndefined();
    const grant = data!.recordReportedGrant;
    expect(grant).toMatchObject({
      amountAwarded: { amount: '14000000' },
      awardDate: '2017-01-01',
      awardDatePrecision: 'YEAR',
      plannedStart: null,
      plannedEnd: null,
      source: 'SINTEF news, 2017',
      application: null,
      recipient: null,
      recipients: [
        { name: 'Digital Norway', clusterId: null, orgNumber: null },
        { name: 'NCE Raufoss', clusterId: raufoss, orgNumber: null },
        { name: 'A known company', clusterId: null, orgNumber: ORG },
      ],
    });
    // 360Giving: every recipient, no invented period or amount applied for, the precision said.
    const giving = grant.giving360 as Record<string, unknown>;
    expect(giving.recipientOrganization).toEqual([
      { id: `360G-klynge-grant-${grant.id}-recipient-1`, name: 'Digital Norway' },
      { id: `360G-klynge-cluster-${raufoss}`, name: 'NCE Raufoss' },
      { id: `NO-BRC-${ORG}`, name: 'A known company' },
    ]);
    expect(giving).not.toHaveProperty('plannedDates');
    expect(giving).not.toHaveProperty('amountAppliedFor');
    expect(giving).not.toHaveProperty('fromOpenCall');
    expect(giving.description).toContain('as reported by SINTEF news, 2017. The award date is known to the year only.');

    // Each recipient we know has it among its grants and in its totals; the budget holds it.
    const entities = await funding.query<{ _entities: unknown[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) {
         ... on Cluster { fundingTotal { amount } fundingByYear { year granted { amount } } grants { id } }
         ... on Organization { grants { id } } } }`,
      {
        r: [
          { __typename: 'Cluster', id: raufoss },
          { __typename: 'Organization', orgNumber: ORG },
        ],
      },
    );
    expect(entities.data!._entities).toEqual([
      {
        fundingTotal: { amount: '14000000' },
        fundingByYear: [{ year: 2017, granted: { amount: '14000000' } }],
        grants: [{ id: grant.id }],
      },
      { grants: [{ id: grant.id }] },
    ]);
    const budgets = await funding.query<{ budgets: { remaining: { amount: string } }[] }>(
      `{ budgets(programmeCode: "OMSTILLINGSMOTOREN") { remaining { amount } } }`,
    );
    expect(budgets.data!.budgets).toEqual([{ remaining: { amount: '16000000' } }]);
    // Recipients in two counties and one unknown: the grant counts once, in no county.
    const byCounty = await funding.query<{ fundingBreakdown: { key: string; grants: number }[] }>(
      `{ fundingBreakdown(by: COUNTY) { key grants } }`,
    );
    expect(byCounty.data!.fundingBreakdown).toEqual([{ key: 'unknown', grants: 1 }]);

    const onTopic = await funding.readTopic(GrantReported.topic);
    const published = await waitFor('GrantReported on the topic', () =>
      onTopic
        .map((message) => JSON.parse(message.value) as { type: string; data: Record<string, unknown> })
        .find((event) => event.type === GrantReported.type),
    );
    expect(published.data).toEqual({
      grantId: grant.id,
      programmeCode: 'OMSTILLINGSMOTOREN',
      agencyCode: 'innovasjon-norge',
      recipients: [
        { name: 'Digital Norway', clusterId: null, orgNumber: null },
        { name: 'NCE Raufoss', clusterId: raufoss, orgNumber: null },
        { name: 'A known company', clusterId: null, orgNumber: ORG },
      ],
      amountAwarded: { amount: '14000000', currency: 'NOK' },
      awardDate: '2017-01-01',
      awardDatePrecision: 'YEAR',
      budgetYear: 2017,
      source: 'SINTEF news, 2017',
    });
  });

  it.each([
    ['a year-precise date that is not 1 January', { awardDate: '2017-03-01' }, 'BAD_USER_INPUT', 'awardDate'],
    ['a month-precise date that is not the 1st', { awardDate: '2017-11-15', awardDatePrecision: 'MONTH' }, 'BAD_USER_INPUT', 'awardDate'],
    ['an award date in the future', { awardDate: `${Number(today.slice(0, 4)) + 1}-01-01` }, 'BAD_USER_INPUT', 'awardDate'],
    [
      'a cluster nobody has registered',
      { recipients: [{ name: 'Ghost', clusterId: '00000000-0000-4000-8000-000000000000' }] },
      'BAD_USER_INPUT',
      'recipients[0].clusterId',
    ],
    [
      'an organisation number failing MOD11',
      { recipients: [{ name: 'A' }, { name: 'B', orgNumber: '123456789' }] },
      'BAD_USER_INPUT',
      'recipients[1].orgNumber',
    ],
    [
      'an organisation the registry does not know',
      { recipients: [{ name: 'C', orgNumber: '974760673' }] },
      'BAD_USER_INPUT',
      'recipients[0].orgNumber',
    ],
    ['no recipient', { recipients: [] }, 'BAD_USER_INPUT', 'recipients'],
    ['a year the programme has no budget for', { budgetYear: 2016 }, 'BAD_USER_INPUT', 'budgetYear'],
    ['no source', { source: '  ' }, 'BAD_USER_INPUT', 'source'],
    ['more than the budget has left', { amountAwarded: '16000001' }, 'CONFLICT', 'amountAwarded'],
    ['an amount that is not whole NOK', { amountAwarded: '8000000.50' }, 'BAD_USER_INPUT', 'amountAwarded'],
  ])('refuses %s, naming the field and writing nothing', async (_case, overrides, code, field) => {
    const before = await grantCount();
    const { errors } = await funding.query(RECORD, { input: consortium(overrides) }, caseworker);
    expect(errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(await grantCount()).toBe(before);
  });

  it("is for the programme's own agency: Siva's caseworker cannot record Innovasjon Norge's grants", async () => {
    const before = await grantCount();
    const { errors } = await funding.query(RECORD, { input: consortium({ amountAwarded: '1000' }) }, sivaCaseworker);
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await grantCount()).toBe(before);
  });

  it('is listed among the grants of each recipient it names, and of no one else', async () => {
    const count = async (filter: string) =>
      (await funding.query<{ grants: { totalCount: number } }>(`{ grants(filter: { ${filter} }) { totalCount } }`)).data!.grants.totalCount;
    expect(await count(`clusterId: "${raufoss}"`)).toBe(1);
    expect(await count(`orgNumber: "${ORG}"`)).toBe(1);
    expect(await count('orgNumber: "974760673"')).toBe(0);
  });

  it("gives a cluster's payments per year once one of its grants has them recorded: not known before, not nothing", async () => {
    const byYear = async () =>
      (
        await funding.query<{ _entities: { fundingByYear: unknown[]; grants: { id: string }[] }[] }>(
          `query($r: [_Any!]!) { _entities(representations: $r) {
             ... on Cluster { fundingByYear { year granted { amount } paid { amount } } grants { id } } } }`,
          { r: [{ __typename: 'Cluster', id: raufoss }] },
        )
      ).data!._entities[0]!;
    const reported = await byYear();
    expect(reported.fundingByYear).toEqual([{ year: 2017, granted: { amount: '14000000' }, paid: null }]);

    const paid = await funding.query(
      DISBURSE,
      { input: { grantId: reported.grants[0]!.id, amount: '1000000', paidOn: '2018-01-15' } },
      caseworker,
    );
    expect(paid.errors).toBeUndefined();
    expect((await byYear()).fundingByYear).toEqual([
      { year: 2017, granted: { amount: '14000000' }, paid: { amount: '0' } },
      { year: 2018, granted: { amount: '0' }, paid: { amount: '1000000' } },
    ]);
  });
});
