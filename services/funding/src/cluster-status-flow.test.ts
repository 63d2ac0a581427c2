import { clustersConfig } from '@klynge/clusters/config';
import { createClustersService } from '@klynge/clusters/server';
import type { Caller, Service } from '@klynge/platform';
import {
  authenticateFromTestHeader,
  callerHeaders,
  createTestDatabase,
  freePorts,
  kafkaBrokers,
  type TestDatabase,
  waitFor,
} from '@klynge/testing';
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
  let clustersDb: TestDatabase;
  let clusters: Service;
  let clustersUrl: string;

  beforeAll(async () => {
    funding = await startFunding('status_flow');
    clustersDb = await createTestDatabase('status_flow_clusters');
    const [port] = await freePorts(1);
    clusters = createClustersService(
      clustersConfig.load({
        DATABASE_URL: clustersDb.url,
        KAFKA_BROKERS: kafkaBrokers().join(','),
        KAFKA_TOPIC_PREFIX: funding.topicPrefix,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'fatal',
      }),
      { authenticate: (request) => authenticateFromTestHeader<Caller>(request) },
    );
    clustersUrl = await clusters.start();
  });

  afterAll(async () => {
    await clusters?.stop();
    await clustersDb?.drop();
    await funding?.close();
  });

  const queryClusters = async <T>(query: string, variables: Record<string, unknown> = {}, caller?: Caller) => {
    const response = await fetch(clustersUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(caller ? callerHeaders({ ...caller, roles: [...caller.roles] }) : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: T; errors?: unknown[] };
  };

  it('records NCE status in the clusters service when funding grants it', async () => {
    const registered = await queryClusters<{ registerCluster: { id: string } }>(
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
      const { data } = await queryClusters<{ cluster: { level: string } & Record<string, unknown> }>(
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
