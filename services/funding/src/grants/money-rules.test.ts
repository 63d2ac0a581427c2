import { waitFor } from '@klynge/test-infrastructure';
import {
  ALLOCATE_BUDGET,
  applicationUnderReview,
  caseworker,
  CREATE_PROGRAMME,
  DECIDE,
  DISBURSE,
  type FundingUnderTest,
  setUpProgramme,
  sivaCaseworker,
  startFunding,
  today,
} from '../test-support/funding-under-test';

describe('money: budgets, awards and payments', () => {
  let funding: FundingUnderTest;
  let callId: string;
  let clusterId: string;

  beforeAll(async () => {
    funding = await startFunding('money');
    ({ callId } = await setUpProgramme(funding, { budget: '10000000', year: 2019 }));
    clusterId = await funding.announceCluster({ name: 'NCE Raufoss', level: 'NCE', countyCode: '34' });
  });

  afterAll(async () => {
    await funding?.close();
  });

  const decideGranted = (id: string, amountAwarded?: string) =>
    funding.query<{ decideApplication: { grant: { id: string } } }>(
      DECIDE,
      {
        id,
        input: { decision: 'GRANTED', plannedEnd: '2021-12-31', ...(amountAwarded ? { amountAwarded } : {}) },
      },
      caseworker,
    );
  const grantOf = async (requested: string, amountAwarded?: string) =>
    decideGranted(await applicationUnderReview(funding, callId, clusterId, requested), amountAwarded);

  it('sets a budget with co-funders and their shares: the 2015 pilot, NOK 10 million, half each', async () => {
    const events = await funding.readTopic('funding.budget.v1');
    await funding.query(
      CREATE_PROGRAMME,
      {
        input: {
          code: 'OMSTILLING-PILOT',
          name: 'Klyngene som omstillingsmotor',
          agencyCode: 'innovasjon-norge',
          periodStart: '2015-01-01',
          periodEnd: '2016-12-31',
        },
      },
      caseworker,
    );
    const allocated = await funding.query(
      ALLOCATE_BUDGET,
      {
        input: {
          programmeCode: 'OMSTILLING-PILOT',
          year: 2015,
          amount: '10000000',
          cofunders: [
            { name: 'Innovasjon Norge', amount: '5000000' },
            { name: 'Industry', amount: '5000000' },
          ],
        },
      },
      caseworker,
    );
    expect(allocated.data).toEqual({
      allocateBudget: {
        year: 2015,
        amount: { amount: '10000000', currency: 'NOK' },
        cofunders: [
          { name: 'Industry', amount: { amount: '5000000' }, share: 0.5 },
          { name: 'Innovasjon Norge', amount: { amount: '5000000' }, share: 0.5 },
        ],
        granted: { amount: '0' },
        remaining: { amount: '10000000' },
      },
    });
    const event = await waitFor('BudgetAllocated', () => events.find((m) => m.key === 'OMSTILLING-PILOT:2015'));
    expect(JSON.parse(event.value)).toMatchObject({
      data: { amount: { amount: '10000000', currency: 'NOK' }, agencyCode: 'innovasjon-norge' },
    });

    const mismatch = await funding.query(
      ALLOCATE_BUDGET,
      {
        input: {
          programmeCode: 'OMSTILLING-PILOT',
          year: 2016,
          amount: '10000000',
          cofunders: [{ name: 'Innovasjon Norge', amount: '4000000' }],
        },
      },
      caseworker,
    );
    expect(mismatch.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'cofunders' });
    const float = await funding.query(
      ALLOCATE_BUDGET,
      { input: { programmeCode: 'OMSTILLING-PILOT', year: 2016, amount: '1e7' } },
      caseworker,
    );
    expect(float.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'amount' });
    const otherAgency = await funding.query(
      ALLOCATE_BUDGET,
      { input: { programmeCode: 'OMSTILLING-PILOT', year: 2016, amount: '1' } },
      sivaCaseworker,
    );
    expect(otherAgency.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await funding.query(ALLOCATE_BUDGET, { input: { programmeCode: 'NOPE', year: 2016, amount: '1' } }, caseworker);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'programmeCode' });
    expect(await funding.db.query(`SELECT year FROM budgets WHERE programme_code = 'OMSTILLING-PILOT'`)).toEqual([{ year: 2015 }]);
  });

  it('never grants more than a programme-year budget, also when two awards race', async () => {
    // NOK 10 million: two awards of 6 million decided at the same moment; one must lose.
    const ids = [
      await applicationUnderReview(funding, callId, clusterId, '6000000'),
      await applicationUnderReview(funding, callId, clusterId, '6000000'),
    ];
    const decisions = await Promise.all(ids.map((id) => decideGranted(id)));
    const outcomes = decisions.map((result) => (result.errors ? result.errors[0]!.extensions : 'granted'));
    expect(outcomes.sort()).toEqual([{ code: 'CONFLICT', field: 'amountAwarded' }, 'granted'].sort());
    const { data } = await funding.query<{ budgets: { granted: { amount: string }; remaining: { amount: string } }[] }>(
      `{ budgets(programmeCode: "NIC", year: 2019) { granted { amount } remaining { amount } } }`,
    );
    expect(data!.budgets).toEqual([{ granted: { amount: '6000000' }, remaining: { amount: '4000000' } }]);
    // The loser is still under review, with no grant: nothing of it was written.
    expect(await funding.db.query(`SELECT status, count(*)::int AS n FROM applications GROUP BY status ORDER BY status`)).toEqual([
      { status: 'GRANTED', n: 1 },
      { status: 'UNDER_REVIEW', n: 1 },
    ]);
    const tooLow = await funding.query(ALLOCATE_BUDGET, { input: { programmeCode: 'NIC', year: 2019, amount: '5000000' } }, caseworker);
    expect(tooLow.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'amount' });
  });

  it('never pays more than the grant, also when two payments race', async () => {
    const grantEvents = await funding.readTopic('funding.grant.v1');
    const granted = await grantOf('3000000', '3000000');
    const grantId = granted.data!.decideApplication.grant.id;
    const pay = (amount: string) => funding.query(DISBURSE, { input: { grantId, amount, paidOn: today } }, caseworker);

    expect((await pay('1000000')).data).toEqual({ recordDisbursement: { amount: { amount: '1000000' }, paidOn: today } });
    const racing = await Promise.all([pay('1500000'), pay('1500000')]);
    expect(racing.filter((result) => result.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(1);
    expect((await pay('500001')).errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'amount' });
    expect((await pay('500000')).errors).toBeUndefined();
    expect(
      (await funding.query(DISBURSE, { input: { grantId, amount: '1', paidOn: today } }, sivaCaseworker)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    const { data } = await funding.query<{ grant: { amountPaid: { amount: string }; disbursements: unknown[] } }>(
      `query($id: ID!) { grant(id: $id) { amountPaid { amount } disbursements { amount { amount } } } }`,
      { id: grantId },
    );
    expect(data!.grant.amountPaid).toEqual({ amount: '3000000' });
    expect(data!.grant.disbursements).toHaveLength(3);
    const paid = await waitFor('the three DisbursementPaid events', () => {
      const found = grantEvents.filter((m) => m.key === grantId && m.value.includes('DisbursementPaid'));
      return found.length === 3 && found;
    });
    expect(paid.map((m) => (JSON.parse(m.value) as { data: { totalPaid: { amount: string } } }).data.totalPaid.amount)).toEqual([
      '1000000',
      '2500000',
      '3000000',
    ]);
  });

  it('holds sums past 2^31 exactly', async () => {
    // NOK 137 million was the 2015 programme budget; ten thousand times that passes 2^40.
    const huge = '1370000000000';
    const { callId: hugeCall } = await setUpProgramme(funding, { code: 'NIC-HUGE', year: 2020, budget: huge });
    const id = await applicationUnderReview(funding, hugeCall, clusterId, '2147483649');
    const decided = await funding.query<{ decideApplication: { grant: { amountAwarded: { amount: string } } } }>(
      DECIDE,
      { id, input: { decision: 'GRANTED', plannedEnd: '2022-12-31' } },
      caseworker,
    );
    expect(decided.data!.decideApplication.grant.amountAwarded).toEqual({ amount: '2147483649', currency: 'NOK' });
    const { data } = await funding.query<{ budgets: { remaining: { amount: string } }[] }>(
      `{ budgets(programmeCode: "NIC-HUGE", year: 2020) { remaining { amount } } }`,
    );
    expect(data!.budgets[0]!.remaining).toEqual({ amount: (BigInt(huge) - 2_147_483_649n).toString() });
  });
});
