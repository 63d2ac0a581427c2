import { freePorts } from '@klynge/test-infrastructure';
import { OTHER_OPERATION } from './metrics';
import { graphUnderAttack } from './test-support/graph-under-attack';

// What answers and listeners show: security headers, which pages may call, where metrics are, which interface it listens on.
const attacked = graphUnderAttack('sec_headers');

describe('headers', () => {
  it('every answer carries the security headers, and /health no process id', async () => {
    const { graph, gatewayUrl, strictUrl, postRaw } = attacked;
    for (const target of [gatewayUrl, strictUrl, graph.clusters.url]) {
      const health = await fetch(target.replace(/\/graphql$/, '/health'));
      expect(await health.json()).toEqual({ status: 'ok' });
      const answer = await postRaw(target, JSON.stringify({ query: '{ clusterCounts { total } }' }));
      expect({
        nosniff: answer.headers.get('x-content-type-options'),
        frames: answer.headers.get('x-frame-options'),
        csp: answer.headers.get('content-security-policy'),
        poweredBy: answer.headers.get('x-powered-by'),
      }).toEqual({ nosniff: 'nosniff', frames: 'DENY', csp: expect.stringContaining("default-src 'self'"), poweredBy: null });
      const missing = await fetch(target.replace(/\/graphql$/, '/nothing-here'));
      expect([missing.status, await missing.json()]).toEqual([
        404,
        { errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] },
      ]);
    }
  });
});

describe('cross-origin pages', () => {
  const preflight = (url: string, origin: string) =>
    fetch(url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });

  it('are let in from listed origins with credentials, from localhost in development without, and from nowhere else', async () => {
    const { graph, gatewayUrl } = attacked;
    const listed = await graph.gatewayOver({ NODE_ENV: 'production', CORS_ORIGINS: 'https://dashboard.klynge.no' });
    try {
      const listedUrl = await listed.start();
      const allowed = await preflight(listedUrl, 'https://dashboard.klynge.no');
      expect([
        allowed.status,
        allowed.headers.get('access-control-allow-origin'),
        allowed.headers.get('access-control-allow-credentials'),
      ]).toEqual([204, 'https://dashboard.klynge.no', 'true']);
      expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
      expect((await preflight(listedUrl, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
      // Production lets in no localhost page it was not told of.
      expect((await preflight(listedUrl, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await listed.stop();
    }
    const local = await preflight(gatewayUrl, 'http://localhost:5173');
    expect([local.headers.get('access-control-allow-origin'), local.headers.get('access-control-allow-credentials')]).toEqual([
      'http://localhost:5173',
      null,
    ]);
    expect((await preflight(gatewayUrl, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('the gateway listens on the loopback interface unless told otherwise', () => {
    // The fixture gives no HOST: this is the default (the subgraphs' is checked with their configuration).
    expect(new URL(attacked.gatewayUrl).hostname).toBe('127.0.0.1');
  });
});

describe('metrics', () => {
  const metricsText = async () => (await fetch(attacked.gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();

  it('stay the same size whatever operation names clients make up', async () => {
    await attacked.client.post({ query: 'query MadeUpFirst { clusterCounts { total } }' });
    const before = await metricsText();
    for (let index = 0; index < 200; index += 1) await attacked.client.post({ query: `query Made${index}Up { clusterCounts { total } }` });
    const after = await metricsText();
    expect(after).not.toContain('Made1Up');
    expect(after).toContain(`operation="${OTHER_OPERATION}"`);
    // The same series, only their counts and sums grow.
    expect(after.length).toBeLessThan(before.length + 500);
  });

  it('are not on the public port in production, only on a listener of their own', async () => {
    expect((await fetch(attacked.strictUrl.replace(/\/graphql$/, '/metrics'))).status).toBe(404);
    const own = await attacked.graph.gatewayOver({ NODE_ENV: 'production', METRICS_PORT: String((await freePorts(1))[0]) });
    try {
      const ownUrl = await own.start();
      expect((await fetch(ownUrl.replace(/\/graphql$/, '/metrics'))).status).toBe(404);
      const metrics = await fetch(own.metricsUrl()!);
      expect([metrics.status, (await metrics.text()).includes('klynge_gateway_requests_total')]).toEqual([200, true]);
    } finally {
      await own.stop();
    }
  });
});
