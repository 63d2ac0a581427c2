import { announceMembership, announceMembershipEnded } from '@klynge/subgraph-under-test';
import {
  admin,
  ALLOCATE_BUDGET,
  CREATE_PROGRAMME,
  type FundingUnderTest,
  REGISTER_AGENCY,
  startFunding,
} from '../test-support/funding-under-test';

const RECORD = `mutation($input: RecordReportedGrantInput!) { recordReportedGrant(input: $input) { id } }`;
const SUPPORT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Cluster { fundingSupportByYear { agencyCode year amount { amount currency } } } } }`;
const MEMBER = '123456785';
const FORMER_MEMBER = '987654325';

/** Against the real PostgreSQL and Kafka: what a cluster and its members received, per agency and year, in the shape every agency's subgraph shares. */
describe("a cluster's support per agency and year", () => {
  let funding: FundingUnderTest;
  let raufoss: string;

  beforeAll(async () => {
    funding = await startFunding('agency-support');
    const setUp = [
      [REGISTER_AGENCY, { input: { code: 'innovasjon-norge', name: 'Innovasjon Norge', kind: 'INNOVATION_NORWAY' } }],
      [REGISTER_AGENCY, { input: { code: 'siva', name: 'Siva', kind: 'SIVA' } }],
      [
        CREATE_PROGRAMME,
        { input: { code: 'OMSTILLINGSMOTOREN', name: 'The Conversion Engine', agencyCode: 'innovasjon-norge', periodStart: '2017-01-01' } },
      ],
      [CREATE_PROGRAMME, { input: { code: 'KATAPULT', name: 'Norsk katapult', agencyCode: 'siva', periodStart: '2017-01-01' } }],
      [ALLOCATE_BUDGET, { input: { programmeCode: 'OMSTILLINGSMOTOREN', year: 2017, amount: '30000000' } }],
      [ALLOCATE_BUDGET, { input: { programmeCode: 'KATAPULT', year: 2018, amount: '50000000' } }],
    ] as const;
    for (const [mutation, variables] of setUp) expect((await funding.query(mutation, variables, admin)).errors).toBeUndefined();
    raufoss = await funding.announceCluster({ name: 'NCE Raufoss', level: 'NCE', countyCode: '34' });
    await funding.announceOrganization({ orgNumber: MEMBER, name: 'Member AS (generated)', kind: 'COMPANY' });
    await funding.announceOrganization({ orgNumber: FORMER_MEMBER, name: 'Former member AS (generated)', kind: 'COMPANY' });
  });

  afterAll(async () => {
    await funding?.close();
  });

  const report = async (programmeCode: string, budgetYear: number, amountAwarded: string, recipients: Record<string, string>[]) => {
    const answer = await funding.query(
      RECORD,
      {
        input: {
          programmeCode,
          budgetYear,
          amountAwarded,
          awardDate: `${budgetYear}-01-01`,
          awardDatePrecision: 'YEAR',
          title: 'Reported (generated)',
          source: 'A test (generated)',
          recipients,
        },
      },
      admin,
    );
    expect(answer.errors).toBeUndefined();
  };

  it('adds up grants to the cluster and to its current members, per agency and budget year, a grant to several of them once', async () => {
    await announceMembership(funding, { clusterId: raufoss, orgNumber: MEMBER });
    const former = await announceMembership(funding, { clusterId: raufoss, orgNumber: FORMER_MEMBER });
    await report('OMSTILLINGSMOTOREN', 2017, '8000000', [{ name: 'NCE Raufoss', clusterId: raufoss }]);
    // To the cluster and a member together: counted once, whole.
    await report('OMSTILLINGSMOTOREN', 2017, '1000000', [
      { name: 'NCE Raufoss', clusterId: raufoss },
      { name: 'Member AS (generated)', orgNumber: MEMBER },
    ]);
    await report('KATAPULT', 2018, '2000000', [{ name: 'Member AS (generated)', orgNumber: MEMBER }]);
    await report('KATAPULT', 2018, '500000', [{ name: 'Former member AS (generated)', orgNumber: FORMER_MEMBER }]);
    // To someone else entirely.
    await report('KATAPULT', 2018, '700000', [{ name: 'Digital Norway' }]);

    const support = async () =>
      (await funding.query<{ _entities: { fundingSupportByYear: unknown[] }[] }>(SUPPORT, { r: [{ __typename: 'Cluster', id: raufoss }] }))
        .data!._entities[0]!.fundingSupportByYear;
    expect(await support()).toEqual([
      { agencyCode: 'innovasjon-norge', year: 2017, amount: { amount: '9000000', currency: 'NOK' } },
      { agencyCode: 'siva', year: 2018, amount: { amount: '2500000', currency: 'NOK' } },
    ]);

    // The membership follows the clusters service's events: a member that left no longer counts.
    await announceMembershipEnded(funding, { membershipId: former, clusterId: raufoss, orgNumber: FORMER_MEMBER, leftOn: '2019-06-30' });
    expect(await support()).toEqual([
      { agencyCode: 'innovasjon-norge', year: 2017, amount: { amount: '9000000', currency: 'NOK' } },
      { agencyCode: 'siva', year: 2018, amount: { amount: '2000000', currency: 'NOK' } },
    ]);
  });
});
