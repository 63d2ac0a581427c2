import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import {
  applicationUnderReview,
  caseworker,
  CREATE_APPLICATION,
  DECIDE,
  DISBURSE,
  type FundingUnderTest,
  managerOf,
  setUpProgramme,
  startFunding,
  SUBMIT,
  START_REVIEW,
  admin,
  today,
} from '../test-support/funding-under-test';

/** Dashboards and exports: 360Giving, breakdowns, the funnel, and funding seen from clusters. */
describe('funding reports', () => {
  let funding: FundingUnderTest;
  let callId: string;
  const clusters: Record<string, string> = {};
  const grants: Record<string, string> = {};

  beforeAll(async () => {
    funding = await startFunding('reporting');
    ({ callId } = await setUpProgramme(funding, { budget: '100000000', year: 2019 }));
    clusters.raufoss = await funding.announceCluster({ name: 'NCE Raufoss', level: 'NCE', countyCode: '34' });
    clusters.rooms = await funding.announceCluster({ name: 'Norwegian Rooms', level: 'ARENA', countyCode: '15' });
    await funding.announceOrganization({ orgNumber: '111111111', name: 'Devotek AS', kind: 'COMPANY', municipalityCode: '3303' });

    const grant = async (key: string, clusterId: string, requested: string) => {
      const id = await applicationUnderReview(funding, callId, clusterId, requested);
      const decided = await funding.query<{ decideApplication: { grant: { id: string } } }>(
        DECIDE,
        { id, input: { decision: 'GRANTED', plannedEnd: '2023-12-31' } },
        caseworker,
      );
      grants[key] = decided.data!.decideApplication.grant.id;
    };
    await grant('raufoss', clusters.raufoss, '8000000');
    await grant('rooms', clusters.rooms, '5000000');
    const rejected = await applicationUnderReview(funding, callId, clusters.rooms, '1000000');
    await funding.query(DECIDE, { id: rejected, input: { decision: 'REJECTED' } }, caseworker);
    // An organisation's grant, for the NO-BRC identifier and the county from its municipality.
    const created = await funding.query<{ createApplication: { id: string } }>(
      CREATE_APPLICATION,
      { input: { callId, orgNumber: '111111111', title: 'Test centre', requested: '2000000' } },
      admin,
    );
    const orgApplication = created.data!.createApplication.id;
    await funding.query(SUBMIT, { id: orgApplication }, admin);
    await funding.query(START_REVIEW, { id: orgApplication }, caseworker);
    const decided = await funding.query<{ decideApplication: { grant: { id: string } } }>(
      DECIDE,
      { id: orgApplication, input: { decision: 'GRANTED', awardDate: today, plannedStart: '2020-01-01', plannedEnd: '2020-12-31' } },
      caseworker,
    );
    grants.devotek = decided.data!.decideApplication.grant.id;
    await funding.query(DISBURSE, { input: { grantId: grants.raufoss, amount: '3000000', paidOn: today } }, caseworker);
    // A draft is not an application yet: it stays out of the funnel.
    await funding.query(
      CREATE_APPLICATION,
      { input: { callId, clusterId: clusters.raufoss, title: 'Draft', requested: '1' } },
      managerOf(clusters.raufoss),
    );
  });

  afterAll(async () => {
    await funding?.close();
  });

  it('exports a grant in the 360Giving data standard', async () => {
    const { data } = await funding.query<{ grant: { giving360: Record<string, unknown> } }>(
      `query($id: ID!) { grant(id: $id) { giving360 } }`,
      { id: grants.devotek },
    );
    const grant = data!.grant.giving360;
    // The fields 360Giving requires, with their types.
    for (const field of ['id', 'title', 'description', 'currency', 'awardDate']) expect(typeof grant[field]).toBe('string');
    expect(grant).toMatchObject({
      id: `360G-klynge-${grants.devotek}`,
      currency: 'NOK',
      amountAwarded: 2000000,
      amountAppliedFor: 2000000,
      amountDisbursed: 0,
      awardDate: today,
      plannedDates: [{ startDate: '2020-01-01', endDate: '2020-12-31', duration: 12 }],
      recipientOrganization: [{ id: 'NO-BRC-111111111', name: 'Devotek AS' }],
      fundingOrganization: [{ id: 'NO-BRC-123456785', name: 'Innovasjon Norge' }],
      grantProgramme: [{ code: 'NIC', title: 'Norwegian Innovation Clusters' }],
      fromOpenCall: 'Yes',
    });
    expect(grant.dateModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const cluster = await funding.query<{ grant: { giving360: { recipientOrganization: unknown } } }>(
      `query($id: ID!) { grant(id: $id) { giving360 } }`,
      { id: grants.raufoss },
    );
    expect(cluster.data!.grant.giving360.recipientOrganization).toEqual([
      { id: `360G-klynge-cluster-${clusters.raufoss}`, name: 'NCE Raufoss' },
    ]);
  });

  it('breaks granted and paid down by agency, programme, year and county, in SQL', async () => {
    const breakdown = async (by: string) =>
      (
        await funding.query<{ fundingBreakdown: unknown[] }>(
          `query($by: FundingDimension!) { fundingBreakdown(by: $by) { key label grants granted { amount } paid { amount } } }`,
          { by },
        )
      ).data!.fundingBreakdown;
    expect(await breakdown('AGENCY')).toEqual([
      { key: 'innovasjon-norge', label: 'Innovasjon Norge', grants: 3, granted: { amount: '15000000' }, paid: { amount: '3000000' } },
    ]);
    expect(await breakdown('YEAR')).toEqual([
      { key: '2019', label: '2019', grants: 3, granted: { amount: '15000000' }, paid: { amount: '3000000' } },
    ]);
    expect(await breakdown('COUNTY')).toEqual([
      { key: '15', label: 'Møre og Romsdal', grants: 1, granted: { amount: '5000000' }, paid: { amount: '0' } },
      { key: '33', label: 'Buskerud', grants: 1, granted: { amount: '2000000' }, paid: { amount: '0' } },
      { key: '34', label: 'Innlandet', grants: 1, granted: { amount: '8000000' }, paid: { amount: '3000000' } },
    ]);
  });

  it('gives per-year series for charts over the years asked, null where no grant is recorded, and refuses a span that is not one', async () => {
    const series = async (by: string, span: string) =>
      (
        await funding.query<{
          fundingSeries: { year: number; key: string; label: string; grants: number; granted: { amount: string } | null }[];
        }>(`query($by: FundingDimension!) { fundingSeries(by: $by${span}) { year key label grants granted { amount } } }`, { by })
      ).data!.fundingSeries;
    // By default, the grants' first to last budget year: 2019 alone here.
    expect(await series('YEAR', '')).toEqual([{ year: 2019, key: '2019', label: '2019', grants: 3, granted: { amount: '15000000' } }]);
    const byCounty = await series('COUNTY', ', fromYear: 2018, toYear: 2020');
    expect(byCounty).toHaveLength(9);
    // No grant recorded in a year is not known, not nothing granted: a gap in a chart, never a 0 bar.
    expect(byCounty.filter((row) => row.year !== 2019).every((row) => row.grants === 0 && row.granted === null)).toBe(true);
    expect(byCounty.filter((row) => row.year === 2019)).toEqual([
      { year: 2019, key: '15', label: 'Møre og Romsdal', grants: 1, granted: { amount: '5000000' } },
      { year: 2019, key: '33', label: 'Buskerud', grants: 1, granted: { amount: '2000000' } },
      { year: 2019, key: '34', label: 'Innlandet', grants: 1, granted: { amount: '8000000' } },
    ]);

    // Submitted today: the year before is asked for, and zero.
    const thisYear = Number(today.slice(0, 4));
    const funnel = await funding.query<{ applicationFunnelByYear: unknown[] }>(
      `query($from: Int) { applicationFunnelByYear(programmeCode: "NIC", fromYear: $from) { year applied granted rejected successRate awarded { amount } } }`,
      { from: thisYear - 1 },
    );
    expect(funnel.data!.applicationFunnelByYear).toEqual([
      { year: thisYear - 1, applied: 0, granted: 0, rejected: 0, successRate: null, awarded: { amount: '0' } },
      { year: thisYear, applied: 4, granted: 3, rejected: 1, successRate: 0.75, awarded: { amount: '15000000' } },
    ]);

    for (const [span, field] of [
      ['fromYear: 2020, toYear: 2019', 'toYear'],
      ['fromYear: 1700', 'fromYear'],
      ['fromYear: 1800, toYear: 2100', 'toYear'],
    ] as const) {
      const refused = await funding.query(`{ fundingSeries(by: YEAR, ${span}) { year } }`);
      expect(refused.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field }));
    }
  });

  it('counts applied against awarded, and the success rate', async () => {
    const { data } = await funding.query<{ applicationFunnel: unknown }>(
      `{ applicationFunnel(programmeCode: "NIC") { applied granted rejected requested { amount } awarded { amount } successRate } }`,
    );
    expect(data!.applicationFunnel).toEqual({
      applied: 4,
      granted: 3,
      rejected: 1,
      requested: { amount: '16000000' },
      awarded: { amount: '15000000' },
      successRate: 0.75,
    });
  });

  it("adds applications, grants and funding totals to the clusters subgraph's Cluster, in batches", async () => {
    const representations = [
      { __typename: 'Cluster', id: clusters.raufoss },
      { __typename: 'Cluster', id: clusters.rooms },
      { __typename: 'Organization', orgNumber: '111111111' },
    ];
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    let statements: string[];
    let result;
    try {
      result = await funding.query<{ _entities: unknown[] }>(
        `query($representations: [_Any!]!) { _entities(representations: $representations) {
          ... on Cluster { id fundingTotal { amount } total2019: fundingTotal(year: 2019, programmeCode: "NIC") { amount }
                           grants { amountAwarded { amount } } applications { status } }
          ... on Organization { orgNumber grants { recipient { name } } } } }`,
        { representations },
      );
      statements = spy.mock.calls.map(([sql]) => sql);
    } finally {
      spy.mockRestore();
    }
    expect(result.data!._entities).toEqual([
      {
        id: clusters.raufoss,
        fundingTotal: { amount: '8000000' },
        total2019: { amount: '8000000' },
        grants: [{ amountAwarded: { amount: '8000000' } }],
        applications: [{ status: 'DRAFT' }, { status: 'GRANTED' }],
      },
      {
        id: clusters.rooms,
        fundingTotal: { amount: '5000000' },
        total2019: { amount: '5000000' },
        grants: [{ amountAwarded: { amount: '5000000' } }],
        applications: expect.arrayContaining([{ status: 'GRANTED' }, { status: 'REJECTED' }]),
      },
      { orgNumber: '111111111', grants: [{ recipient: { name: 'Devotek AS' } }] },
    ]);
    // One statement per field kind, not per cluster: two totals (two argument sets), grants by
    // cluster, grants by organisation, applications by cluster.
    expect(statements!.filter((sql) => /FROM grants g/.test(sql))).toHaveLength(4);
    expect(statements!.filter((sql) => /FROM applications a\s+JOIN calls/.test(sql))).toHaveLength(1);
  });
});

describe('applications and grants, listed', () => {
  let funding: FundingUnderTest;
  let clusterId: string;

  beforeAll(async () => {
    funding = await startFunding('listing');
    const { callId } = await setUpProgramme(funding, { budget: '100000000', year: 2019 });
    clusterId = await funding.announceCluster({ name: 'NCE Eyde', level: 'NCE', countyCode: '42' });
    for (const requested of ['1000', '2000', '3000']) {
      const id = await applicationUnderReview(funding, callId, clusterId, requested);
      await funding.query(DECIDE, { id, input: { decision: 'GRANTED', plannedEnd: '2020-12-31' } }, caseworker);
    }
    await applicationUnderReview(funding, callId, clusterId, '4000');
  });

  afterAll(async () => {
    await funding?.close();
  });

  it('pages applications newest first, filtered by status, with a total', async () => {
    const list = `query($filter: ApplicationFilter, $after: String) {
      applications(filter: $filter, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { requested { amount } status } } } }`;
    type Page = {
      applications: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { requested: { amount: string } } }[];
      };
    };
    const first = await funding.query<Page>(list, { filter: { clusterId } });
    const second = await funding.query<Page>(list, { filter: { clusterId }, after: first.data!.applications.pageInfo.endCursor });
    const amounts = [...first.data!.applications.edges, ...second.data!.applications.edges].map((edge) => edge.node.requested.amount);
    expect(amounts).toEqual(['4000', '3000', '2000', '1000']);
    expect(first.data!.applications.totalCount).toBe(4);
    expect(second.data!.applications.pageInfo.hasNextPage).toBe(false);
    const granted = await funding.query<Page>(list, { filter: { status: 'GRANTED' } });
    expect(granted.data!.applications.totalCount).toBe(3);
  });

  it('pages grants, filtered by programme, year and recipient', async () => {
    const { data } = await funding.query<{ grants: { totalCount: number; edges: unknown[] } }>(
      `query($clusterId: ID!) { grants(filter: { programmeCode: "NIC", year: 2019, clusterId: $clusterId }, first: 10) { totalCount edges { node { amountAwarded { amount } } } } }`,
      { clusterId },
    );
    expect(data!.grants.totalCount).toBe(3);
    const none = await funding.query<{ grants: { totalCount: number } }>(`{ grants(filter: { year: 2018 }) { totalCount } }`);
    expect(none.data!.grants.totalCount).toBe(0);
  });
});
