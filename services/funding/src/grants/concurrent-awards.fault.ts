import {
  applicationUnderReview,
  caseworker,
  DECIDE,
  type FundingUnderTest,
  setUpProgramme,
  startFunding,
} from '../test-support/funding-under-test';

const AWARDS = 1_000;
const REQUESTED = 100_000n;
/** Room for 600 of the 1,000 awards, and a remainder none of them fits into. */
const BUDGET = REQUESTED * 600n + 99_999n;

/**
 * The fault suite's race for one budget: 1,000 awards decided at once against a programme-year
 * budget that holds 600 of them. The budget is never exceeded, exactly the awards that fit are
 * made, and the sum of the grants is what the budget says is granted.
 */
describe('1,000 concurrent awards against one budget', () => {
  let funding: FundingUnderTest;
  let applications: string[];

  beforeAll(async () => {
    funding = await startFunding('concurrent-awards');
    const { callId } = await setUpProgramme(funding, { budget: BUDGET.toString(), year: 2019 });
    const clusterId = await funding.announceCluster({ name: 'NCE Raufoss', level: 'NCE', countyCode: '34' });
    applications = [];
    // Ten at a time: setting up is not what is measured.
    for (let start = 0; start < AWARDS; start += 10) {
      applications.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(10, AWARDS - start) }, () =>
            applicationUnderReview(funding, callId, clusterId, REQUESTED.toString()),
          ),
        )),
      );
    }
  }, 600_000);

  afterAll(async () => {
    await funding?.close();
  });

  it('never exceeds the budget, and the sum of the awards is what it says is granted', async () => {
    const decisions = await Promise.all(
      applications.map((id) => funding.query(DECIDE, { id, input: { decision: 'GRANTED', plannedEnd: '2023-12-31' } }, caseworker)),
    );
    const granted = decisions.filter((decision) => !decision.errors).length;
    const refused = decisions.filter((decision) => decision.errors?.[0]?.extensions?.code === 'CONFLICT').length;
    process.stdout.write(`concurrent awards: ${granted} granted, ${refused} refused for want of budget, of ${AWARDS}\n`);
    expect({ granted, refused }).toEqual({ granted: 600, refused: 400 });

    const [sums] = await funding.db.query<{ total: string; grants: string }>(
      `SELECT COALESCE(sum(amount_nok), 0)::text AS total, count(*)::text AS grants FROM grants WHERE programme_code = 'NIC' AND budget_year = 2019`,
    );
    expect(sums).toEqual({ total: (REQUESTED * 600n).toString(), grants: '600' });
    const { data } = await funding.query<{
      budgets: { amount: { amount: string }; granted: { amount: string }; remaining: { amount: string } }[];
    }>(`{ budgets(programmeCode: "NIC", year: 2019) { amount { amount } granted { amount } remaining { amount } } }`);
    expect(data!.budgets).toEqual([
      { amount: { amount: BUDGET.toString() }, granted: { amount: (REQUESTED * 600n).toString() }, remaining: { amount: '99999' } },
    ]);
    // Every refused application is still under review: a refusal wrote nothing.
    const [reviewing] = await funding.db.query<{ under_review: string }>(
      `SELECT count(*)::text AS under_review FROM applications WHERE status = 'UNDER_REVIEW'`,
    );
    expect(reviewing).toEqual({ under_review: '400' });
  }, 600_000);
});
