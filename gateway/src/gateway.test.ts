import { clustersConfig } from '@klynge/clusters/config';
import { createClustersService } from '@klynge/clusters/server';
import { competenceConfig } from '@klynge/competence/config';
import { createCompetenceService } from '@klynge/competence/server';
import { fundingConfig } from '@klynge/funding/config';
import { createFundingService } from '@klynge/funding/server';
import { type ServiceUnderTest, startServiceUnderTest, testCallers } from '@klynge/service-testing';
import { freePorts, uniqueTopicPrefix, waitFor } from '@klynge/testing';
import { gatewayConfig } from './config';
import { createGateway, type Gateway } from './server';

const { admin } = testCallers;
const caseworker = testCallers.caseworker('innovasjon-norge');

/**
 * The gateway over the three real subgraphs (each on its own database, all on one set of Kafka
 * topics): a dashboard query that needs all three is answered in one request.
 */
describe('the gateway over the three subgraphs', () => {
  const topicPrefix = uniqueTopicPrefix('gateway');
  let clusters: ServiceUnderTest;
  let funding: ServiceUnderTest;
  let competence: ServiceUnderTest;
  let gateway: Gateway;
  let url: string;
  let clusterId: string;

  const ok = <T>(result: { data?: T; errors?: unknown[] }): T => {
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  };
  const known = (service: ServiceUnderTest, table: string, key: string, value: string) =>
    waitFor(`${value} in ${table}`, async () => (await service.db.query(`SELECT 1 FROM ${table} WHERE ${key} = $1`, [value])).length === 1);

  beforeAll(async () => {
    [clusters, funding, competence] = await Promise.all([
      startServiceUnderTest({ label: 'gw_clusters', config: clustersConfig, create: createClustersService, topicPrefix }),
      startServiceUnderTest({ label: 'gw_funding', config: fundingConfig, create: createFundingService, topicPrefix }),
      startServiceUnderTest({ label: 'gw_competence', config: competenceConfig, create: createCompetenceService, topicPrefix }),
    ]);
    const [port] = await freePorts(1);
    gateway = createGateway(
      gatewayConfig.load({
        PORT: String(port),
        HOST: '127.0.0.1',
        CLUSTERS_URL: clusters.url,
        FUNDING_URL: funding.url,
        COMPETENCE_URL: competence.url,
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'fatal',
      }),
    );
    url = await gateway.start();

    // A cluster with a member, a grant and a competence programme, set up in the three services.
    clusterId = ok(
      await clusters.query<{ registerCluster: { id: string } }>(
        `mutation { registerCluster(input: { name: "NCE Raufoss", level: NCE, levelSince: "2006-01-01", countyCode: "34", town: "Raufoss" }) { id } }`,
        {},
        admin,
      ),
    ).registerCluster.id;
    ok(await clusters.query(`mutation { registerOrganization(input: { orgNumber: "123456785", name: "Member AS (synthetic)", kind: COMPANY, employees: 40 }) { orgNumber } }`, {}, admin));
    ok(await clusters.query(`mutation($c: ID!) { addMember(input: { clusterId: $c, orgNumber: "123456785", joinedOn: "2010-01-01" }) { id } }`, { c: clusterId }, admin));
    await known(funding, 'cluster_directory', 'cluster_id', clusterId);
    await known(competence, 'cluster_directory', 'cluster_id', clusterId);

    ok(await funding.query(`mutation { registerAgency(input: { code: "innovasjon-norge", name: "Innovasjon Norge", kind: INNOVATION_NORWAY }) { code } }`, {}, admin));
    ok(await funding.query(`mutation { createProgramme(input: { code: "OMSTILLINGSMOTOREN", name: "The Conversion Engine", agencyCode: "innovasjon-norge", eligibleClusterLevels: [NCE], periodStart: "2017-01-01" }) { code } }`, {}, caseworker));
    ok(await funding.query(`mutation { allocateBudget(input: { programmeCode: "OMSTILLINGSMOTOREN", year: 2017, amount: "30000000" }) { year } }`, {}, caseworker));
    const callId = ok(
      await funding.query<{ openCall: { id: string } }>(
        `mutation { openCall(input: { programmeCode: "OMSTILLINGSMOTOREN", title: "The Conversion Engine", opensOn: "2017-07-10", closesAt: "2099-01-01T00:00:00Z", projectStart: "2017-11-01" }) { id } }`,
        {},
        caseworker,
      ),
    ).openCall.id;
    const applicationId = ok(
      await funding.query<{ createApplication: { id: string } }>(
        `mutation($input: CreateApplicationInput!) { createApplication(input: $input) { id } }`,
        { input: { callId, clusterId, title: 'Competence programme', requested: '8000000' } },
        admin,
      ),
    ).createApplication.id;
    ok(
      await competence.query(
        `mutation($input: PlanProgrammeInput!) { planProgramme(input: $input) { id } }`,
        { input: { name: 'The Conversion Engine (Omstillingsmotoren)', hostClusterIds: [clusterId], targetCompanies: 300, periodStart: '2017-11-01', fundingApplicationId: applicationId } },
        caseworker,
      ),
    );
    ok(await funding.query(`mutation($id: ID!) { submitApplication(id: $id) { status } }`, { id: applicationId }, admin));
    ok(await funding.query(`mutation($id: ID!) { startReview(id: $id) { status } }`, { id: applicationId }, caseworker));
    const grantId = ok(
      await funding.query<{ decideApplication: { grant: { id: string } } }>(
        `mutation($id: ID!) { decideApplication(id: $id, input: { decision: GRANTED, awardDate: "2017-10-15", plannedEnd: "2019-10-31" }) { grant { id } } }`,
        { id: applicationId },
        caseworker,
      ),
    ).decideApplication.grant.id;
    ok(await funding.query(`mutation($g: ID!) { recordDisbursement(input: { grantId: $g, amount: "2000000", paidOn: "2018-01-15" }) { paidOn } }`, { g: grantId }, caseworker));
    await waitFor('the programme to open', async () =>
      (await competence.db.query(`SELECT 1 FROM competence_programmes WHERE status = 'OPEN'`)).length === 1,
    );
  });

  afterAll(async () => {
    await gateway?.stop();
    await Promise.all([clusters, funding, competence].map((service) => service?.close()));
  });

  it('answers the dashboard query from all three subgraphs at once', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'dashboard-1' },
      body: JSON.stringify({
        query: `{ clusters(filter: { level: NCE }) { edges { node {
          name county { name } levelHistory { level from }
          memberStats { memberCount smeShare }
          fundingTotal { amount currency }
          grants { amountAwarded { amount } amountPaid { amount } programme { name agency { name } } }
          hostedProgrammes { name status reach { companiesReached targetCompanies } grant { amountAwarded { amount } } }
        } } } }`,
      }),
    });
    expect(response.headers.get('x-request-id')).toBe('dashboard-1');
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      clusters: {
        edges: [
          {
            node: {
              name: 'NCE Raufoss',
              county: { name: 'Innlandet' },
              levelHistory: [{ level: 'NCE', from: '2006-01-01' }],
              memberStats: { memberCount: 1, smeShare: 1 },
              fundingTotal: { amount: '8000000', currency: 'NOK' },
              grants: [
                {
                  amountAwarded: { amount: '8000000' },
                  amountPaid: { amount: '2000000' },
                  programme: { name: 'The Conversion Engine', agency: { name: 'Innovasjon Norge' } },
                },
              ],
              hostedProgrammes: [
                {
                  name: 'The Conversion Engine (Omstillingsmotoren)',
                  status: 'OPEN',
                  reach: { companiesReached: 0, targetCompanies: 300 },
                  grant: { amountAwarded: { amount: '8000000' } },
                },
              ],
            },
          },
        ],
      },
    });
  });

  it('answers /health and /ready', async () => {
    const base = url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect(await (await fetch(`${base}/ready`)).json()).toEqual({ status: 'ready' });
  });
});
