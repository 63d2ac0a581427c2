import {
  applicationUnderReview,
  caseworker,
  CREATE_APPLICATION,
  CREATE_PROGRAMME,
  DECIDE,
  DISBURSE,
  type FundingUnderTest,
  managerOf,
  OPEN_CALL,
  setUpProgramme,
  startFunding,
  SUBMIT,
  today,
} from '../test-support/funding-under-test';

/** The day `days` from today in Norway, `YYYY-MM-DD`. */
const dayFromToday = (days: number) => {
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** Each rule refuses with BAD_USER_INPUT naming the field, and writes nothing. */
describe('the date rules of calls, submissions, awards and payments', () => {
  let funding: FundingUnderTest;
  let callId: string;
  let clusterId: string;
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await funding.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${sql}`, params))[0]!.n);

  beforeAll(async () => {
    funding = await startFunding('date-rules');
    ({ callId } = await setUpProgramme(funding, { budget: '10000000', year: 2019 }));
    clusterId = await funding.announceCluster({ name: 'NCE Raufoss', level: 'NCE', countyCode: '34' });
  });

  afterAll(async () => {
    await funding?.close();
  });

  it("keeps a call's dates inside its programme's period", async () => {
    const created = await funding.query(
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
    expect(created.errors).toBeUndefined();
    const open = (dates: Record<string, string>) =>
      funding.query(
        OPEN_CALL,
        {
          input: {
            programmeCode: 'OMSTILLING-PILOT',
            title: 'Pilot',
            opensOn: '2015-03-01',
            closesAt: '2015-05-01T12:00:00+02:00',
            ...dates,
          },
        },
        caseworker,
      );
    const refusals: [Record<string, string>, string, string][] = [
      [{ opensOn: '2014-12-31' }, 'opensOn', 'opensOn must not be before 2015-01-01, when programme OMSTILLING-PILOT begins'],
      [
        { closesAt: '2017-01-01T00:30:00+01:00' },
        'closesAt',
        'closesAt must not be after 2016-12-31, when programme OMSTILLING-PILOT ends',
      ],
      [{ decisionDate: '2017-03-01' }, 'decisionDate', 'decisionDate must not be after 2016-12-31, when programme OMSTILLING-PILOT ends'],
      [{ decisionDate: '2015-02-01' }, 'decisionDate', 'decisionDate must not be before 2015-03-01, when the call opens'],
    ];
    for (const [dates, field, message] of refusals) {
      const refused = await open(dates);
      expect(refused.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
    }
    expect(await count(`calls WHERE programme_code = 'OMSTILLING-PILOT'`)).toBe(0);
    // The deadline's day is Norway's: 23:30 on the last day in Oslo is 22:30 UTC, still inside.
    const inside = await open({ closesAt: '2016-12-31T23:30:00+01:00', decisionDate: '2016-12-31' });
    expect(inside.data).toMatchObject({ openCall: { budgetYear: 2016 } });
  });

  it('refuses a submission when the programme has no budget for the year the call is charged to', async () => {
    const call = await funding.query<{ openCall: { id: string; budgetYear: number } }>(
      OPEN_CALL,
      {
        input: {
          programmeCode: 'NIC',
          title: 'Decided in 2021',
          opensOn: '2018-01-01',
          closesAt: '2099-12-31T12:00:00+01:00',
          decisionDate: '2021-06-01',
        },
      },
      caseworker,
    );
    expect(call.data!.openCall.budgetYear).toBe(2021);
    const created = await funding.query<{ createApplication: { id: string } }>(
      CREATE_APPLICATION,
      { input: { callId: call.data!.openCall.id, clusterId, title: 'No money that year', requested: '1000' } },
      managerOf(clusterId),
    );
    const id = created.data!.createApplication.id;
    const submitted = await funding.query(SUBMIT, { id }, managerOf(clusterId));
    expect(submitted.errors?.[0]).toMatchObject({
      message: "Programme NIC has no budget for 2021, the year this call's grants are charged to",
      extensions: { code: 'BAD_USER_INPUT', field: 'id' },
    });
    expect(await count(`application_steps WHERE application_id = $1 AND status = 'SUBMITTED'`, [id])).toBe(0);
  });

  it('awards no earlier than the submission and no later than today, charged to the call’s budget year', async () => {
    const id = await applicationUnderReview(funding, callId, clusterId, '1000000');
    const decide = (awardDate: string) =>
      funding.query<{ decideApplication: { grant: { budgetYear: number } } }>(
        DECIDE,
        { id, input: { decision: 'GRANTED', awardDate, plannedEnd: '2023-12-31' } },
        caseworker,
      );
    // Submitted today: the 2019 of the call's budget year is no award date.
    expect((await decide('2019-11-07')).errors?.[0]).toMatchObject({
      message: `awardDate must not be before ${today}, when the application was submitted`,
      extensions: { code: 'BAD_USER_INPUT', field: 'awardDate' },
    });
    expect((await decide(dayFromToday(1))).errors?.[0]).toMatchObject({
      message: `awardDate must not be after ${today}, today`,
      extensions: { code: 'BAD_USER_INPUT', field: 'awardDate' },
    });
    expect(await count('grants WHERE application_id = $1', [id])).toBe(0);
    expect(await count(`application_steps WHERE application_id = $1 AND status = 'GRANTED'`, [id])).toBe(0);
    expect((await decide(today)).data!.decideApplication.grant.budgetYear).toBe(2019);
  });

  it('records a payment made between the award and today', async () => {
    const id = await applicationUnderReview(funding, callId, clusterId, '1000000');
    const decided = await funding.query<{ decideApplication: { grant: { id: string } } }>(
      DECIDE,
      { id, input: { decision: 'GRANTED', plannedEnd: '2023-12-31' } },
      caseworker,
    );
    const grantId = decided.data!.decideApplication.grant.id;
    const pay = (paidOn: string) => funding.query(DISBURSE, { input: { grantId, amount: '1000', paidOn } }, caseworker);
    expect((await pay(dayFromToday(365))).errors?.[0]).toMatchObject({
      message: `paidOn must not be after ${today}, today: record a payment once it is made`,
      extensions: { code: 'BAD_USER_INPUT', field: 'paidOn' },
    });
    expect((await pay(dayFromToday(-1))).errors?.[0]).toMatchObject({
      message: `paidOn must not be before ${today}, when the grant was awarded`,
      extensions: { code: 'BAD_USER_INPUT', field: 'paidOn' },
    });
    expect(await count('disbursements WHERE grant_id = $1', [grantId])).toBe(0);
    expect((await pay(today)).errors).toBeUndefined();
  });
});
