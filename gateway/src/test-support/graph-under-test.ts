import { clustersConfig } from '@klynge/clusters/config';
import { createClustersService } from '@klynge/clusters/server';
import { competenceConfig } from '@klynge/competence/config';
import { createCompetenceService } from '@klynge/competence/server';
import { fundingConfig } from '@klynge/funding/config';
import { createFundingService } from '@klynge/funding/server';
import { type Caller, signToken } from '@klynge/platform';
import { type GraphQLResult, type ServiceUnderTest, startServiceUnderTest } from '@klynge/service-testing';
import { freePorts, uniqueTopicPrefix, waitFor } from '@klynge/testing';
import { gatewayConfig } from '../config';
import { createGateway, type Gateway } from '../server';

/** The key tokens are signed with in these tests, as an identity provider would sign them. */
export const TEST_JWT_SECRET = 'gateway-tests: a secret of at least 32 bytes';
/** What each subgraph expects from the gateway. */
export const SUBGRAPH_SECRETS = {
  clusters: 'clusters: the secret only the gateway knows',
  funding: 'funding: the secret only the gateway knows',
  competence: 'competence: the secret only the gateway knows',
} as const;

export interface GraphUnderTest {
  readonly clusters: ServiceUnderTest;
  readonly funding: ServiceUnderTest;
  readonly competence: ServiceUnderTest;
  /** A gateway (not started) over the three subgraphs, with their secrets, and `settings`. */
  gatewayOver(settings?: Record<string, string>): Promise<Gateway>;
  /** Waits until `service`'s `table` has a row whose `key` is `value` (its read models catch up). */
  known(service: ServiceUnderTest, table: string, key: string, value: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The three real subgraphs, each on its own database and all on one set of Kafka topics,
 * verifying tokens themselves and letting only the gateway in, as in production.
 */
export async function startGraphUnderTest(label: string): Promise<GraphUnderTest> {
  const topicPrefix = uniqueTopicPrefix(label);
  const [clusters, funding, competence] = (await Promise.all(
    (
      [
        ['clusters', clustersConfig, createClustersService],
        ['funding', fundingConfig, createFundingService],
        ['competence', competenceConfig, createCompetenceService],
      ] as const
    ).map(([name, config, create]) =>
      startServiceUnderTest({
        label: `${label}_${name}`,
        config,
        create,
        topicPrefix,
        testCallers: false,
        env: { JWT_SECRET: TEST_JWT_SECRET, SUBGRAPH_SECRET: SUBGRAPH_SECRETS[name] },
      }),
    ),
  )) as [ServiceUnderTest, ServiceUnderTest, ServiceUnderTest];
  return {
    clusters,
    funding,
    competence,
    async gatewayOver(settings = {}) {
      const [port] = await freePorts(1);
      return createGateway(
        gatewayConfig.load({
          PORT: String(port),
          CLUSTERS_URL: clusters.url,
          FUNDING_URL: funding.url,
          COMPETENCE_URL: competence.url,
          JWT_SECRET: TEST_JWT_SECRET,
          CLUSTERS_SECRET: SUBGRAPH_SECRETS.clusters,
          FUNDING_SECRET: SUBGRAPH_SECRETS.funding,
          COMPETENCE_SECRET: SUBGRAPH_SECRETS.competence,
          LOG_LEVEL: process.env.LOG_LEVEL ?? 'fatal',
          ...settings,
        }),
      );
    },
    async known(service, table, key, value) {
      await waitFor(`${value} in ${table}`, async () => (await service.db.query(`SELECT 1 FROM ${table} WHERE ${key} = $1`, [value])).length === 1);
    },
    async close() {
      await Promise.all([clusters, funding, competence].map((service) => service.close()));
    },
  };
}

export type GatewayAnswer<T> = GraphQLResult<T> & { readonly status: number; readonly headers: Headers };

/** Requests to a gateway at `url`, as a client would send them. */
export function gatewayClient(url: string) {
  /** A GraphQL request as `caller` (anonymous when left out), with a token signed as the identity provider would. */
  const gq = async <T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    caller?: Caller,
    headers: Record<string, string> = {},
  ): Promise<GatewayAnswer<T>> => {
    const token = caller ? await signToken(caller, { secret: TEST_JWT_SECRET }) : undefined;
    return post<T>({ query, variables }, { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers });
  };
  /** Any body, as JSON. */
  const post = async <T = Record<string, unknown>>(body: unknown, headers: Record<string, string> = {}): Promise<GatewayAnswer<T>> => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const text = await response.text();
    const parsed = text.startsWith('{') ? (JSON.parse(text) as GraphQLResult<T>) : { errors: [{ message: text }] };
    return { status: response.status, headers: response.headers, ...parsed };
  };
  /** The data, or the errors thrown. */
  const ok = <T>(result: GraphQLResult<T>): T => {
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  };
  return { gq, post, ok };
}
