import { waitFor } from '@klynge/test-infrastructure';
import { subgraphSettings } from './subgraphs';
import { subgraphSecret } from './test-support/graph-under-test';
import { startGatewayProcess } from './test-support/gateway-process';
import { graphUnderAttack } from './test-support/graph-under-attack';

// Errors are the client's mistake said plainly: a code, and no stack trace, path or request body, in the answer or the logs.
const attacked = graphUnderAttack('sec_errors');

describe('operations that cannot run', () => {
  it.each([
    ['two operations without operationName', { query: 'query A { clusterCounts { total } } query B { agencies { code } }' }],
    ['an unknown operationName', { query: 'query A { clusterCounts { total } }', operationName: 'Nope' }],
    ['a subscription', { query: 'subscription { clusterCounts { total } }' }],
  ])("are the client's mistake (400 with a code), not a 500: %s", async (_case, body) => {
    for (const target of [attacked.client, attacked.strictClient]) {
      const answer = await target.post(body);
      expect(answer.status).toBe(400);
      expect(['OPERATION_RESOLUTION_FAILURE', 'OPERATION_NOT_SUPPORTED', 'GRAPHQL_VALIDATION_FAILED']).toContain(
        answer.errors?.[0]?.extensions?.code,
      );
    }
  });
});

describe('what a development gateway gives away', () => {
  it('bad JSON and a body too large are JSON errors with a code: no HTML, stack trace or path', async () => {
    const { graph, gatewayUrl, strictUrl, postRaw } = attacked;
    for (const target of [gatewayUrl, strictUrl, graph.clusters.url]) {
      const bad = await postRaw(target, '{"query": oops');
      const badText = await bad.text();
      expect([target, bad.status, bad.headers.get('content-type')]).toEqual([target, 400, expect.stringContaining('application/json')]);
      expect(JSON.parse(badText)).toEqual({
        errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
      });
      const large = await postRaw(
        target,
        JSON.stringify({ query: '{ clusterCounts { total } }', variables: { padding: 'x'.repeat(2_000_000) } }),
      );
      const largeText = await large.text();
      expect([large.status, JSON.parse(largeText)]).toEqual([
        413,
        { errors: [{ message: 'The request body is too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] },
      ]);
      for (const text of [badText, largeText]) expect(text).not.toMatch(/<html|at \w+ \(|\/work\/|node_modules/i);
    }
  });

  it('writes no request body to its logs, even at debug level', async () => {
    const { graph, postRaw } = attacked;
    const gateway = await startGatewayProcess({
      ...subgraphSettings((name) => graph.subgraphs.get(name)!.url, subgraphSecret),
      LOG_LEVEL: 'trace',
    });
    try {
      const url = `http://127.0.0.1:${gateway.port}/graphql`;
      await waitFor(
        'the gateway process to serve',
        async () => (await fetch(url.replace(/\/graphql$/, '/ready')).catch(() => undefined))?.status === 200,
        {
          timeoutMs: 60_000,
        },
      );
      const marker = 'personal-data-7f3a';
      expect((await postRaw(url, `{"query": "${marker}" oops`)).status).toBe(400);
      expect(
        (await postRaw(url, JSON.stringify({ query: '{ clusterCounts { total } }', variables: { marker: marker.repeat(10_000) } }))).status,
      ).toBe(413);
      expect((await postRaw(url, JSON.stringify({ query: `{ clusterz(x: "${marker}") { total } }` }))).status).toBe(400);
      gateway.child.kill('SIGTERM');
      await gateway.exited;
      expect(gateway.output()).toContain('The gateway is serving');
      expect(gateway.output()).not.toContain(marker);
    } finally {
      gateway.child.kill('SIGKILL');
    }
  });
});
