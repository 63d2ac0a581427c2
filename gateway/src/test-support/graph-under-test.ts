import { type Caller, signToken } from '@klynge/platform';
import { type GraphQLResult, type ServiceUnderTest, startServiceUnderTest } from '@klynge/subgraph-under-test';
import { loadSubgraphs } from '@klynge/subgraph-registry';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildASTSchema, parse } from 'graphql';
import { KafkaBroker } from '@klynge/broker-kafka';
import { freePorts, kafkaConnection, uniqueTopicPrefix, waitFor } from '@klynge/test-infrastructure';
import { gatewayConfig } from '../config';
import { createGateway, type Gateway } from '../server';
import { sdlFileOf, subgraphSettings } from '../subgraphs';

/** The key tokens are signed with in these tests, as an identity provider would sign them. */
export const TEST_JWT_SECRET = 'gateway-tests: a secret of at least 32 bytes';
/** What a subgraph expects from the gateway. */
export const subgraphSecret = (name: string) => `${name}: the secret only the gateway knows`;

/** The mutations a subgraph's committed SDL declares: what it lets a caller change. */
export function declaredMutations(subgraph: string): string[] {
  return Object.keys(
    buildASTSchema(parse(readFileSync(sdlFileOf(subgraph), 'utf8')), { assumeValidSDL: true })
      .getMutationType()
      ?.getFields() ?? {},
  );
}

/**
 * How long a suite's setup over the graph may take: every registered subgraph starts and the
 * suite's data is made through them, waiting on events at each step, which takes minutes when
 * CI's two cores run several suites.
 */
export const GRAPH_SETUP_TIMEOUT_MS = 300_000;

export interface GraphUnderTest {
  /** Every registered subgraph, running, by name. */
  readonly subgraphs: ReadonlyMap<string, ServiceUnderTest>;
  /** The three the tests below speak of by name. */
  readonly clusters: ServiceUnderTest;
  readonly funding: ServiceUnderTest;
  readonly competence: ServiceUnderTest;
  /**
   * A gateway (not started) over the three subgraphs, with their secrets, and `settings`; its
   * response cache reads the graph's event topics (as the tests' admin on the broker), unless
   * RESPONSE_CACHE is off.
   */
  gatewayOver(settings?: Record<string, string>): Promise<Gateway>;
  /** Waits until `service`'s `table` has a row whose `key` is `value` (its read models catch up). */
  known(service: ServiceUnderTest, table: string, key: string, value: string): Promise<void>;
  /**
   * Waits until no event is on its way anywhere in the graph: every outbox published, every
   * consumer caught up (one look at all of them at once, so that an event one consumer's work
   * wrote for another is not missed).
   */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The three real subgraphs, each on its own database and all on one set of Kafka topics,
 * verifying tokens themselves and letting only the gateway in, as in production.
 */
export async function startGraphUnderTest(label: string): Promise<GraphUnderTest> {
  const topicPrefix = uniqueTopicPrefix(label);
  const started = await Promise.all(
    loadSubgraphs().map(
      async (subgraph) =>
        [
          subgraph.name,
          await startServiceUnderTest({
            label: `${label}_${subgraph.name}`,
            subgraph,
            topicPrefix,
            testCallers: false,
            env: { JWT_SECRET: TEST_JWT_SECRET, SUBGRAPH_SECRET: subgraphSecret(subgraph.name) },
          }),
        ] as const,
    ),
  );
  const subgraphs = new Map(started);
  const named = (name: string) => {
    const service = subgraphs.get(name);
    if (!service) throw new Error(`The ${name} subgraph is not registered`);
    return service;
  };
  return {
    subgraphs,
    clusters: named('clusters'),
    funding: named('funding'),
    competence: named('competence'),
    async gatewayOver(settings = {}) {
      const [port] = await freePorts(1);
      const instance = randomUUID();
      const events =
        settings.RESPONSE_CACHE === 'off'
          ? undefined
          : {
              broker: new KafkaBroker({ ...kafkaConnection(), clientId: `${label}-gateway-${instance}` }),
              topicPrefix,
              groupId: `gateway.response-cache.${instance}`,
              closeBroker: true,
            };
      return createGateway(
        gatewayConfig.load({
          PORT: String(port),
          JWT_SECRET: TEST_JWT_SECRET,
          ...subgraphSettings((name) => named(name).url, subgraphSecret),
          LOG_LEVEL: process.env.LOG_LEVEL ?? 'fatal',
          ...settings,
        }),
        { events },
      );
    },
    async known(service, table, key, value) {
      await waitFor(
        `${value} in ${table}`,
        async () => (await service.db.query(`SELECT 1 FROM ${table} WHERE ${key} = $1`, [value])).length === 1,
      );
    },
    async settled() {
      await waitFor(
        'the graph to settle',
        async () => {
          const moving = (await Promise.all([...subgraphs.values()].map((service) => service.stillMoving()))).filter(Boolean);
          // Thrown, so that a timeout says what was still moving.
          if (moving.length > 0) throw new Error(`still moving: ${moving.join('; ')}`);
          return true;
        },
        { timeoutMs: 60_000, intervalMs: 200 },
      );
    },
    async close() {
      await Promise.all([...subgraphs.values()].map((service) => service.close()));
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
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
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
