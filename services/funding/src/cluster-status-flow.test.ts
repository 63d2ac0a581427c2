import { clustersConfig } from '@klynge/clusters/config';
import { createClustersService } from '@klynge/clusters/server';
import { type ServiceUnderTest, startServiceUnderTest } from '@klynge/service-testing';
import { waitFor } from '@klynge/testing';
import {
  admin,
  applicationUnderReview,
  caseworker,
  DECIDE,
  type FundingHarness,
  setUpProgramme,
  startFunding,
} from './test-support/funding-harness';

/**
 * The cluster-status flow across both services, over real Kafka: a cluster registered in the
 * clusters service applies in the funding service for NCE status; the grant makes the clusters
 * service record the new level for the grant's period, and funding's read model follows.
 */
describe('a cluster applies for a level and gets it', () => {
  let funding: FundingHarness;
  let clusters: ServiceUnderTest;

  beforeAll(async () => {
    funding = await startFunding('status_flow');
    clusters = await startServiceUnderTest({
      label: 'status_flow_clusters',
      config: clustersConfig,
      create: createClustersService,
      topicPrefix: funding.topicPrefix,
    });
  });

  afterAll(async () => {
    await clusters?.close();
    await funding?.close();
  });

  it('records NCE status in the clusters service when funding grants it', async () => {
    const registered = await clusters.query<{ registerCluster: { id: string } }>(
      `mutation($input: RegisterClusterInput!) { registerCluster(input: $input) { id } }`,
      { input: { name: 'Norwegian Rooms', level: 'ARENA', levelSince: '2013-01-01', countyCode: '15' } },
      admin,
    );
    const clusterId = registered.data!.registerCluster.id;
    await waitFor("the cluster in funding's read model", async () =>
      (await funding.db.query('SELECT level FROM cluster_directory WHERE cluster_id = $1', [clusterId])).length === 1,
    );

    const { callId } = await setUpProgramme(funding, { targetLevel: 'NCE', year: 2018 });
    const applicationId = await applicationUnderReview(funding, callId, clusterId);
    const decided = await funding.query<{ decideApplication: { grant: { id: string } } }>(
      DECIDE,
      { id: applicationId, input: { decision: 'GRANTED', awardDate: '2018-11-07', plannedStart: '2019-01-01', plannedEnd: '2023-12-31' } },
      caseworker,
    );
    const grantId = decided.data!.decideApplication.grant.id;

    const cluster = await waitFor('the clusters service to record the level', async () => {
      const { data } = await clusters.query<{ cluster: { level: string } & Record<string, unknown> }>(
        `query($id: ID!) { cluster(id: $id) { level programmePeriod { start end } levelHistory { level from to decisionReference } } }`,
        { id: clusterId },
      );
      return data!.cluster.level === 'NCE' && data!.cluster;
    });
    expect(cluster).toEqual({
      level: 'NCE',
      programmePeriod: { start: '2019-01-01', end: '2023-12-31' },
      levelHistory: [
        { level: 'ARENA', from: '2013-01-01', to: '2019-01-01', decisionReference: null },
        { level: 'NCE', from: '2019-01-01', to: null, decisionReference: `grant:${grantId}` },
      ],
    });
    await waitFor("funding's read model to follow the new level", async () =>
      (await funding.db.query('SELECT level FROM cluster_directory WHERE cluster_id = $1', [clusterId]))[0]?.level === 'NCE',
    );
  });
});
