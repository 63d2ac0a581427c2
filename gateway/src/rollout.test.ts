import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { waitFor } from '@klynge/test-infrastructure';
import express from 'express';
import { parse } from 'graphql';
import { gatewayConfig } from './config';
import { createGateway, type Gateway } from './server';
import { subgraphSettings, SUBGRAPHS } from './subgraphs';
import { supergraphHash } from './supergraph-source';
import { gatewayClient } from './test-support/graph-under-test';

// A subgraph of its own for this test, in the place of the first registered one: its code already
// serves `ends`; the first supergraph does not have it, the second adds it.
const SUBGRAPH = SUBGRAPHS[0]!.name;
const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.11", import: ["@key"])';
const BEFORE = `${LINK}\ntype Query { starts: String }`;
const AFTER = `${LINK}\ntype Query { starts: String ends: String }`;
const supergraphOf = (typeDefs: string) => {
  const { supergraphSdl, errors } = composeServices([{ name: SUBGRAPH, url: 'http://localhost:1/graphql', typeDefs: parse(typeDefs) }]);
  if (errors) throw new Error(errors.map((error) => error.message).join('\n'));
  return supergraphSdl;
};

/**
 * A new supergraph published while the gateway serves: it switches without a restart and
 * without failing a request in flight, reports what it serves, and refuses a bad one.
 */
describe('supergraph rollouts', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'klynge-rollout-'));
  const file = path.join(folder, 'supergraph.graphql');
  let subgraph: { url: string; close(): Promise<void> };
  let gateway: Gateway;
  let url: string;
  /** Published as a deployment would: written beside it, then moved into place. */
  const publish = (sdl: string) => {
    writeFileSync(`${file}.new`, sdl);
    renameSync(`${file}.new`, file);
  };
  const ready = async () => (await (await fetch(url.replace(/\/graphql$/, '/ready'))).json()) as { supergraph: { hash: string } };
  const metric = async (pattern: RegExp) =>
    Number(pattern.exec(await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text())?.[1] ?? 0);

  beforeAll(async () => {
    subgraph = await startSubgraph(AFTER);
    publish(supergraphOf(BEFORE));
    gateway = createGateway(
      gatewayConfig.load({
        ...subgraphSettings(
          () => subgraph.url,
          () => '',
        ),
        SUPERGRAPH_SOURCE: `file:${file}`,
        SUPERGRAPH_POLL_INTERVAL_MS: '100',
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'fatal',
      }),
    );
    url = await gateway.start();
  });

  afterAll(async () => {
    await gateway?.stop();
    await subgraph?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('switches to a new supergraph under load, with no failed request', async () => {
    const { post } = gatewayClient(url);
    expect((await ready()).supergraph.hash).toBe(supergraphHash(supergraphOf(BEFORE)));
    expect((await post({ query: '{ ends }' })).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    let running = true;
    const failures: string[] = [];
    let answered = 0;
    const load = async () => {
      while (running) {
        const answer = await post<{ starts: string }>({ query: '{ starts }' });
        if (answer.status !== 200 || answer.errors || answer.data?.starts !== 'started')
          failures.push(JSON.stringify(answer).slice(0, 200));
        answered += 1;
      }
    };
    const loads = Array.from({ length: 8 }, () => load());
    await waitFor('requests under way', () => answered > 50);
    publish(supergraphOf(AFTER));
    const switched = await waitFor(
      'the new field to be served',
      async () => (await post<{ ends: string }>({ query: '{ ends }' })).data?.ends,
    );
    const atSwitch = answered;
    await waitFor('requests after the switch', () => answered > atSwitch + 50);
    running = false;
    await Promise.all(loads);

    expect(switched).toBe('ended');
    expect(failures).toEqual([]);
    expect((await ready()).supergraph.hash).toBe(supergraphHash(supergraphOf(AFTER)));
    expect(await metric(/klynge_gateway_supergraph_updates_total\{outcome="applied"\} (\d+)/)).toBe(1);
    expect(await metric(new RegExp(`klynge_gateway_supergraph_info\\{hash="${supergraphHash(supergraphOf(AFTER))}"\\} (\\d+)`))).toBe(1);
  });

  it('refuses a supergraph that does not parse or is not one, and keeps serving the one it has', async () => {
    const { post } = gatewayClient(url);
    const serving = (await ready()).supergraph.hash;
    const refusedBefore = await metric(/klynge_gateway_supergraph_updates_total\{outcome="refused"\} (\d+)/);
    for (const [count, bad] of [
      [1, 'type Query { this is not GraphQL'],
      [2, 'type Query { starts: String }'],
    ] as const) {
      publish(bad);
      await waitFor(
        'the bad supergraph to be refused',
        async () => (await metric(/klynge_gateway_supergraph_updates_total\{outcome="refused"\} (\d+)/)) === refusedBefore + count,
      );
      expect((await ready()).supergraph.hash).toBe(serving);
      expect((await post<{ ends: string }>({ query: '{ ends }' })).data).toEqual({ ends: 'ended' });
    }
  });
});

/** One subgraph, serving `typeDefs` (starts and ends), on a free port. */
async function startSubgraph(typeDefs: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs: parse(typeDefs), resolvers: { Query: { starts: () => 'started', ends: () => 'ended' } } }),
  });
  await server.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(server));
  const listener = http.createServer(app);
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(listener.address() as AddressInfo).port}/graphql`,
    async close() {
      await server.stop();
      await new Promise((resolve) => listener.close(resolve));
    },
  };
}
