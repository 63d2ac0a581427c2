import { SUBGRAPH_SECRET_HEADER } from '@klynge/platform';
import { type ServiceUnderTest, testCallers } from '@klynge/subgraph-under-test';
import type { Gateway } from '../server';
import { GRAPH_SETUP_TIMEOUT_MS, gatewayClient, type GraphUnderTest, startGraphUnderTest, subgraphSecret } from './graph-under-test';
import { buildWorld, type World } from './world';

export const { admin, managerOf } = testCallers;
export const innovasjonNorge = testCallers.caseworker('innovasjon-norge');
export const siva = testCallers.caseworker('siva');
/** Enova is an agency, but not one of the three that run the cluster programme. */
export const enova = testCallers.caseworker('enova');

/**
 * What the security suites (src/security-*.test.ts) attack: the holes a probe of about 2,300
 * requests found (issue 11), and a second probe after it, are each tried again through the
 * gateway over the real subgraphs, on the real PostgreSQL and Kafka.
 */
export interface GraphUnderAttack {
  readonly graph: GraphUnderTest;
  /** A development gateway over the graph. */
  readonly gatewayUrl: string;
  readonly client: ReturnType<typeof gatewayClient>;
  /** Production that takes any document from anyone (ANONYMOUS_OPERATIONS=any), so the limits meet every attack. */
  readonly strictUrl: string;
  readonly strictClient: ReturnType<typeof gatewayClient>;
  /** What the attacks aim at, made by their rightful owners: only in a suite that asked for it. */
  readonly world: World;
  /** A raw POST of `body` to `url`, a gateway's or a subgraph's (then as the gateway would come, with its secret). */
  postRaw(url: string, body: string): Promise<Response>;
}

/**
 * Starts the graph and its two gateways before the suite's tests (and with `world`, builds the
 * world they attack), and stops them after. Read what it answers inside tests and hooks only.
 */
export function graphUnderAttack(label: string, options: { world?: boolean } = {}): GraphUnderAttack {
  let started:
    | {
        graph: GraphUnderTest;
        gateway: Gateway;
        gatewayUrl: string;
        client: ReturnType<typeof gatewayClient>;
        strict: Gateway;
        strictUrl: string;
        strictClient: ReturnType<typeof gatewayClient>;
        world: World | undefined;
      }
    | undefined;
  const current = () => {
    if (!started) throw new Error('The graph under attack starts in beforeAll: read it inside tests and hooks');
    return started;
  };

  // What beforeAll has started so far, so that afterAll stops it also when a start fails halfway
  // (else a gateway's event consumer outlives the suite and jest reports it as torn down).
  const parts: { graph?: GraphUnderTest; gateway?: Gateway; strict?: Gateway } = {};

  beforeAll(async () => {
    const graph = (parts.graph = await startGraphUnderTest(label));
    const gateway = (parts.gateway = await graph.gatewayOver());
    const gatewayUrl = await gateway.start();
    const strict = (parts.strict = await graph.gatewayOver({
      NODE_ENV: 'production',
      MAX_QUERY_COST: '3000',
      ANONYMOUS_OPERATIONS: 'any',
    }));
    const strictUrl = await strict.start();
    const client = gatewayClient(gatewayUrl);
    started = { graph, gateway, gatewayUrl, client, strict, strictUrl, strictClient: gatewayClient(strictUrl), world: undefined };
    if (options.world) started.world = await buildWorld(graph, client);
  }, GRAPH_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await parts.strict?.stop();
    await parts.gateway?.stop();
    await parts.graph?.close();
  });

  return {
    get graph() {
      return current().graph;
    },
    get gatewayUrl() {
      return current().gatewayUrl;
    },
    get client() {
      return current().client;
    },
    get strictUrl() {
      return current().strictUrl;
    },
    get strictClient() {
      return current().strictClient;
    },
    get world() {
      const { world } = current();
      if (!world) throw new Error(`The suite ${label} did not ask for the world: graphUnderAttack(label, { world: true })`);
      return world;
    },
    postRaw(url, body) {
      const { graph } = current();
      return fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(url === graph.clusters.url ? { [SUBGRAPH_SECRET_HEADER]: subgraphSecret('clusters') } : {}),
        },
        body,
      });
    },
  };
}

/** A digest of every table and sequence of a service's database. */
async function digestOf(service: ServiceUnderTest): Promise<string> {
  const relations = await service.db.query<{ name: string; kind: string }>(
    `SELECT quote_ident(relname) AS name, relkind AS kind FROM pg_class
      WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'S') ORDER BY 1`,
  );
  const digests: string[] = [];
  for (const { name, kind } of relations) {
    const [row] = await service.db.query<{ digest: string | null }>(
      kind === 'S'
        ? `SELECT md5(t::text) AS digest FROM (SELECT last_value, is_called FROM ${name}) t`
        : `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${name} t`,
    );
    digests.push(`${name}:${row?.digest ?? 'empty'}`);
  }
  return digests.join('\n');
}

/**
 * The digests of `services` (every subgraph's by default) once no event is on its way: outbox
 * rows leave as they are published and read models fill as events are applied, in the background,
 * so an unsettled graph changes between two looks without any request. The sequences count what
 * was ever written, rows since published and gone included. Equal before and after: nothing written.
 */
export async function fingerprint(graph: GraphUnderTest, services = [...graph.subgraphs.values()]): Promise<string[]> {
  await graph.settled();
  return Promise.all(services.map(digestOf));
}
