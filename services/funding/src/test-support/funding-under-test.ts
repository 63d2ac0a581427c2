import type { ClusterLevel, OrganizationRegisteredData } from '@klynge/contracts';
import { norwegianDate } from '@klynge/platform';
import {
  announceCluster,
  announceOrganization,
  type GraphQLResult,
  type ServiceUnderTest,
  startServiceUnderTest,
  testCallers,
} from '@klynge/subgraph-under-test';
import { subgraph } from '../subgraph';

type OrganizationKind = OrganizationRegisteredData['kind'];

export const { admin, managerOf } = testCallers;
/** Today in Norway: the only award or payment date a grant made by a test can have. */
export const today = norwegianDate(new Date());
export const caseworker = testCallers.caseworker('innovasjon-norge');
export const sivaCaseworker = testCallers.caseworker('siva');

export interface FundingUnderTest extends ServiceUnderTest {
  /** Publishes ClusterRegistered as the clusters service would, and waits for funding's read model. */
  announceCluster(cluster: { name: string; level: ClusterLevel; countyCode: string }): Promise<string>;
  announceOrganization(organization: { orgNumber: string; name: string; kind: OrganizationKind; municipalityCode?: string }): Promise<void>;
}

/** The funding service in this process, on a database and topic prefix of the test file's own. */
export async function startFunding(label: string): Promise<FundingUnderTest> {
  const funding = await startServiceUnderTest({ label, subgraph });
  return Object.assign(funding, {
    announceCluster: (cluster: { name: string; level: ClusterLevel; countyCode: string }) => announceCluster(funding, cluster),
    announceOrganization: (organization: { orgNumber: string; name: string; kind: OrganizationKind; municipalityCode?: string }) =>
      announceOrganization(funding, organization),
  });
}

/** Innovasjon Norge and Norwegian Innovation Clusters, with a budget and an open call for `level`. */
export async function setUpProgramme(
  funding: ServiceUnderTest,
  options: { budget?: string; year?: number; targetLevel?: ClusterLevel; closesAt?: string; code?: string } = {},
) {
  const code = options.code ?? 'NIC';
  const ok = (result: GraphQLResult<unknown>) => {
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result;
  };
  const agency = await funding.query(`{ agencies { code } }`);
  if (!(agency.data as { agencies: { code: string }[] }).agencies.some((a) => a.code === 'innovasjon-norge')) {
    ok(
      await funding.query(
        REGISTER_AGENCY,
        { input: { code: 'innovasjon-norge', name: 'Innovasjon Norge', kind: 'INNOVATION_NORWAY', orgNumber: '123456785' } },
        admin,
      ),
    );
    ok(await funding.query(REGISTER_AGENCY, { input: { code: 'siva', name: 'Siva', kind: 'SIVA' } }, admin));
  }
  ok(
    await funding.query(
      CREATE_PROGRAMME,
      {
        input: {
          code,
          name: 'Norwegian Innovation Clusters',
          agencyCode: 'innovasjon-norge',
          eligibleClusterLevels: ['ARENA', 'ARENA_PRO', 'NCE'],
          eligibleOrganizationKinds: ['COMPANY'],
          periodStart: '2014-01-01',
        },
      },
      caseworker,
    ),
  );
  ok(
    await funding.query(
      ALLOCATE_BUDGET,
      { input: { programmeCode: code, year: options.year ?? 2019, amount: options.budget ?? '137000000' } },
      caseworker,
    ),
  );
  const call = ok(
    await funding.query<{ openCall: { id: string } }>(
      OPEN_CALL,
      {
        input: {
          programmeCode: code,
          title: 'New cluster programmes 2019',
          targetLevel: options.targetLevel ?? 'NCE',
          opensOn: '2018-01-01',
          closesAt: options.closesAt ?? '2099-12-31T12:00:00+01:00',
          // Decided in (and so charged to) the budget year; it may be decided before the deadline.
          decisionDate: `${options.year ?? 2019}-12-15`,
          projectStart: '2019-01-01',
        },
      },
      caseworker,
    ),
  );
  return { programmeCode: code, callId: (call.data as { openCall: { id: string } }).openCall.id };
}

/** Creates, submits and starts reviewing an application; answers its id. */
export async function applicationUnderReview(funding: ServiceUnderTest, callId: string, clusterId: string, requested = '5000000') {
  const created = await funding.query<{ createApplication: { id: string } }>(
    CREATE_APPLICATION,
    { input: { callId, clusterId, title: 'NCE status', requested, ownFunding: '2500000' } },
    managerOf(clusterId),
  );
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const id = created.data!.createApplication.id;
  await funding.query(SUBMIT, { id }, managerOf(clusterId));
  await funding.query(START_REVIEW, { id }, caseworker);
  return id;
}

export const REGISTER_AGENCY = `mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { code } }`;
export const CREATE_PROGRAMME = `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { code } }`;
export const ALLOCATE_BUDGET = `mutation($input: AllocateBudgetInput!) {
  allocateBudget(input: $input) { year amount { amount currency } cofunders { name amount { amount } share } granted { amount } remaining { amount } } }`;
export const OPEN_CALL = `mutation($input: OpenCallInput!) { openCall(input: $input) { id title closesAt targetLevel budgetYear } }`;
export const CREATE_APPLICATION = `mutation($input: CreateApplicationInput!) { createApplication(input: $input) { id status } }`;
export const SUBMIT = `mutation($id: ID!) { submitApplication(id: $id) { status } }`;
export const START_REVIEW = `mutation($id: ID!) { startReview(id: $id) { status } }`;
export const DECIDE = `mutation($id: ID!, $input: DecideApplicationInput!) {
  decideApplication(id: $id, input: $input) { status grant { id amountAwarded { amount currency } plannedStart plannedEnd budgetYear } } }`;
export const WITHDRAW = `mutation($id: ID!) { withdrawApplication(id: $id) { status } }`;
export const DISBURSE = `mutation($input: RecordDisbursementInput!) { recordDisbursement(input: $input) { amount { amount } paidOn } }`;
