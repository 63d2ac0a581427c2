import { kafkaBroker } from '@klynge/broker-kafka';
import { type Caller, type Service, signToken } from '@klynge/platform';
import { type ServiceUnderTest, startServiceUnderTest } from '@klynge/subgraph-under-test';
import { loadSubgraphNamed } from '@klynge/subgraph-registry';
import { freePorts, kafkaEnvironment } from '@klynge/test-infrastructure';
import { gatewayConfig } from './config';
import { createGateway, type Gateway } from './server';
import { subgraphSettings } from './subgraphs';
import { GRAPH_SETUP_TIMEOUT_MS } from './test-support/graph-under-test';

// The runbook's rotation of JWT_SECRET and of a subgraph's secret (docs/operations.md, "Rotate
// secrets"), step by step: at every step, each pair of processes a rolling restart can leave
// side by side (an instance not yet restarted and one that is) answers every token in use.

const OLD_JWT = 'rotation-test: the token secret in use, 32+ bytes';
const NEW_JWT = 'rotation-test: the token secret that replaces it';
const OLD_SUBGRAPH = 'rotation-test: the clusters secret in use, 32+ bytes';
const NEW_SUBGRAPH = 'rotation-test: the clusters secret that replaces it';
const viewer: Caller = { subject: 'rotation-viewer', roles: ['viewer'] };

const clustersSubgraph = loadSubgraphNamed('clusters');
let first: ServiceUnderTest;
const running: { stop(): Promise<void> }[] = [];

beforeAll(async () => {
  first = await startServiceUnderTest({
    label: 'secret_rotation',
    subgraph: clustersSubgraph,
    testCallers: false,
    env: { JWT_SECRET: OLD_JWT, SUBGRAPH_SECRET: OLD_SUBGRAPH },
  });
}, GRAPH_SETUP_TIMEOUT_MS);

afterAll(async () => {
  for (const process of running.reverse()) await process.stop();
  await first?.close();
});

/** Another instance of the clusters subgraph, on the first one's database and topics, as a rolling restart starts it. */
async function clustersInstance(env: Record<string, string>): Promise<string> {
  const [port] = await freePorts(1);
  const config = clustersSubgraph.config.load({
    DATABASE_URL: first.db.url,
    ...kafkaEnvironment(),
    KAFKA_TOPIC_PREFIX: first.topicPrefix,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'fatal',
    ...env,
  });
  const service: Service = clustersSubgraph.create(config, { broker: kafkaBroker });
  const url = await service.start();
  running.push(service);
  return url;
}

/** A gateway that reaches the clusters subgraph at `clustersUrl` (the others are not needed here). */
async function gatewayTo(clustersUrl: string, env: Record<string, string>): Promise<string> {
  const [port] = await freePorts(1);
  const gateway: Gateway = createGateway(
    gatewayConfig.load({
      PORT: String(port),
      ...subgraphSettings(
        (name) => (name === 'clusters' ? clustersUrl : 'http://127.0.0.1:9/graphql'),
        (name) => `${name}: a secret this test does not use`,
      ),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'fatal',
      ...env,
    }),
  );
  const url = await gateway.start();
  running.push(gateway);
  return url;
}

/** What a token holder gets asking the gateway at `url` for a clusters field: 'answered', or why not. */
async function ask(url: string, token: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ clusterCounts { total } }' }),
  });
  const body = (await response.json()) as { data?: { clusterCounts?: { total: number } }; errors?: { extensions?: { code?: string } }[] };
  if (body.errors) return `${response.status} ${body.errors.map((error) => error.extensions?.code).join(',')}`;
  return typeof body.data?.clusterCounts?.total === 'number' ? 'answered' : `${response.status} no data`;
}

it(
  'rotates JWT_SECRET and a subgraph secret with every old and new process answering every token in use at each step',
  async () => {
    const signedWithOld = await signToken(viewer, { secret: OLD_JWT });
    const oldGateway = await gatewayTo(first.url, { JWT_SECRET: OLD_JWT, CLUSTERS_SECRET: OLD_SUBGRAPH });
    expect(await ask(oldGateway, signedWithOld)).toBe('answered');

    // Why the previous values exist: a subgraph restarted with only the new secrets would refuse
    // the gateways and the tokens not yet rotated (it answers the gateway 403: the field is unavailable).
    const withoutOverlap = await clustersInstance({ JWT_SECRET: NEW_JWT, SUBGRAPH_SECRET: NEW_SUBGRAPH });
    const oldGatewayToIt = await gatewayTo(withoutOverlap, { JWT_SECRET: OLD_JWT, CLUSTERS_SECRET: OLD_SUBGRAPH });
    expect(await ask(oldGatewayToIt, signedWithOld)).toBe('200 SUBGRAPH_UNAVAILABLE');

    // Step 1: the subgraph's instances restart, one by one, with the new secrets and the previous
    // ones beside them. The gateways not yet restarted reach old and new instances alike.
    const rolling = {
      JWT_SECRET: NEW_JWT,
      JWT_SECRET_PREVIOUS: OLD_JWT,
      SUBGRAPH_SECRET: NEW_SUBGRAPH,
      SUBGRAPH_SECRET_PREVIOUS: OLD_SUBGRAPH,
    };
    const restartedSubgraph = await clustersInstance(rolling);
    const oldGatewayToRestarted = await gatewayTo(restartedSubgraph, { JWT_SECRET: OLD_JWT, CLUSTERS_SECRET: OLD_SUBGRAPH });
    expect(await ask(oldGatewayToRestarted, signedWithOld)).toBe('answered');
    expect(await ask(oldGateway, signedWithOld)).toBe('answered');

    // Step 2: the gateways restart, one by one, with the new subgraph secret and both token secrets.
    const newGateway = await gatewayTo(restartedSubgraph, {
      JWT_SECRET: NEW_JWT,
      JWT_SECRET_PREVIOUS: OLD_JWT,
      CLUSTERS_SECRET: NEW_SUBGRAPH,
    });
    expect(await ask(newGateway, signedWithOld)).toBe('answered');
    expect(await ask(oldGatewayToRestarted, signedWithOld)).toBe('answered');

    // Step 3: every process has both token secrets, so the identity provider signs with the new one.
    const signedWithNew = await signToken(viewer, { secret: NEW_JWT });
    expect(await ask(newGateway, signedWithNew)).toBe('answered');
    expect(await ask(newGateway, signedWithOld)).toBe('answered');

    // Step 4: once no token signed with the old secret is still valid, the previous values go.
    const rotatedSubgraph = await clustersInstance({ JWT_SECRET: NEW_JWT, SUBGRAPH_SECRET: NEW_SUBGRAPH });
    const rotatedGateway = await gatewayTo(rotatedSubgraph, { JWT_SECRET: NEW_JWT, CLUSTERS_SECRET: NEW_SUBGRAPH });
    expect(await ask(rotatedGateway, signedWithNew)).toBe('answered');
    expect(await ask(rotatedGateway, signedWithOld)).toBe('401 UNAUTHENTICATED');
    const oldGatewayToRotated = await gatewayTo(rotatedSubgraph, { JWT_SECRET: NEW_JWT, CLUSTERS_SECRET: OLD_SUBGRAPH });
    expect(await ask(oldGatewayToRotated, signedWithNew)).toBe('200 SUBGRAPH_UNAVAILABLE');
  },
  GRAPH_SETUP_TIMEOUT_MS,
);
