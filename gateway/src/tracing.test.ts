import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { signToken } from '@klynge/platform';
import { subgraphRegistry } from '@klynge/schemas';
import { subgraphProcessArgs, testCallers } from '@klynge/subgraph-under-test';
import {
  createTestDatabase,
  freePorts,
  kafkaEnvironment,
  type TestDatabase,
  uniqueTopicPrefix,
  waitFor,
} from '@klynge/test-infrastructure';
import { subgraphSettings } from './subgraphs';
import { type GatewayProcess, startGatewayProcess } from './test-support/gateway-process';

const JWT_SECRET = 'tracing-test: a secret of at least 32 bytes';
const secretOf = (name: string) => `${name}: the secret only the gateway knows`;
const repoRoot = path.resolve(__dirname, '..', '..');

/** A span as an OTLP/HTTP JSON export names it, with the service that sent it. */
interface ReceivedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  readonly kind: number;
}
const SPAN_KIND = { SERVER: 2, CLIENT: 3, PRODUCER: 4, CONSUMER: 5 } as const;

interface OtlpExport {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: { stringValue?: string } }[] };
    scopeSpans?: { spans?: { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number }[] }[];
  }[];
}

/** A collector in this test's memory: the OTLP/HTTP endpoint every process exports its spans to. */
async function startCollector() {
  const spans: ReceivedSpan[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const exported = JSON.parse(body) as OtlpExport;
      for (const { resource, scopeSpans } of exported.resourceSpans ?? []) {
        const service = resource?.attributes?.find(({ key }) => key === 'service.name')?.value.stringValue ?? '?';
        for (const span of (scopeSpans ?? []).flatMap((scope) => scope.spans ?? [])) {
          spans.push({
            service,
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: span.parentSpanId ?? '',
            name: span.name,
            kind: span.kind,
          });
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Tracing end to end, as deployed: the gateway and two subgraphs, each its own process exporting
 * over OTLP, on the real PostgreSQL and Kafka. One mutation through the gateway (registering a
 * cluster) yields one trace: the gateway's request and its fetch, the clusters subgraph's request,
 * resolver and SQL, the outbox relay publishing the event to Kafka, and the funding subgraph's
 * consumer applying it, with its SQL, in another process.
 */
describe('a trace through the gateway, a subgraph, Kafka and a consumer in another service', () => {
  let collector: Awaited<ReturnType<typeof startCollector>>;
  const databases = new Map<string, TestDatabase>();
  const children: ChildProcess[] = [];
  let gateway: GatewayProcess | undefined;

  afterAll(async () => {
    for (const child of [...children, ...(gateway ? [gateway.child] : [])]) child.kill('SIGKILL');
    await Promise.all([...databases.values()].map((database) => database.drop()));
    await collector?.close();
  });

  it('follows one mutation from the gateway to the consuming service', async () => {
    collector = await startCollector();
    const telemetry = { OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint, OTEL_BSP_SCHEDULE_DELAY: '100' };
    const topicPrefix = uniqueTopicPrefix('tracing');
    const running = subgraphRegistry().filter(({ name }) => name === 'clusters' || name === 'funding');
    const ports = await freePorts(running.length);
    const urls = new Map(running.map(({ name }, index) => [name, `http://127.0.0.1:${ports[index]}/graphql`]));
    for (const [index, { name, directory }] of running.entries()) {
      const database = await createTestDatabase(`tracing_${name}`);
      databases.set(name, database);
      const child = spawn(process.execPath, subgraphProcessArgs(path.join(repoRoot, directory, 'src', 'subgraph.ts')), {
        cwd: path.join(repoRoot, directory),
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: database.url,
          ...kafkaEnvironment(),
          KAFKA_TOPIC_PREFIX: topicPrefix,
          PORT: String(ports[index]),
          HOST: '127.0.0.1',
          SUBGRAPH_SECRET: secretOf(name),
          JWT_SECRET,
          LOG_LEVEL: 'warn',
          ...telemetry,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.push(child);
    }
    for (const url of urls.values()) {
      await waitFor(
        `${url} to be ready`,
        () =>
          fetch(url.replace(/graphql$/, 'ready')).then(
            (response) => response.ok,
            () => false,
          ),
        {
          timeoutMs: 90_000,
        },
      );
    }
    gateway = await startGatewayProcess({
      // The other registered subgraphs are not running: the mutation asks only clusters.
      ...subgraphSettings((name) => urls.get(name) ?? 'http://127.0.0.1:9/graphql', secretOf),
      JWT_SECRET,
      LOG_LEVEL: 'warn',
      ...telemetry,
    });
    const gatewayUrl = `http://127.0.0.1:${gateway.port}/graphql`;
    await waitFor(
      'the gateway to be ready',
      () =>
        fetch(gatewayUrl.replace(/graphql$/, 'ready')).then(
          (response) => response.ok,
          () => false,
        ),
      {
        timeoutMs: 90_000,
      },
    );

    // The caller's own trace context: everything the mutation causes continues this trace.
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const token = await signToken(testCallers.admin, { secret: JWT_SECRET });
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: `00-${traceId}-${callerSpanId}-01` },
      body: JSON.stringify({
        query: 'mutation($input: RegisterClusterInput!) { registerCluster(input: $input) { id } }',
        variables: { input: { name: 'NCE Tracing (generated)', level: 'NCE', levelSince: '2006-01-01', countyCode: '34' } },
      }),
    });
    const answer = (await response.json()) as { data?: { registerCluster: { id: string } }; errors?: unknown[] };
    expect(answer.errors).toBeUndefined();
    const clusterId = answer.data!.registerCluster.id;
    await waitFor(
      'the funding subgraph to learn of the cluster',
      async () =>
        (await databases.get('funding')!.query('SELECT 1 FROM cluster_directory WHERE cluster_id = $1', [clusterId])).length === 1,
      { timeoutMs: 60_000 },
    );

    const inTrace = () => collector.spans.filter((span) => span.traceId === traceId);
    // Spans arrive as each process exports them: wait until the funding consumer's has come with its
    // statements and every span's parent has come too (all but the caller's, which is this test's).
    const { spans, consumed } = await waitFor(
      "the whole trace, to the funding consumer's statements",
      () => {
        const spans = inTrace();
        const consumed = spans.find((span) => span.service === 'funding' && span.kind === SPAN_KIND.CONSUMER);
        const ids = new Set(spans.map((span) => span.spanId));
        const whole = spans.every((span) => span.parentSpanId === callerSpanId || ids.has(span.parentSpanId));
        const statements = consumed && spans.some((span) => span.service === 'funding' && span.parentSpanId === consumed.spanId);
        return whole && statements && { spans, consumed };
      },
      { timeoutMs: 30_000 },
    );
    const of = (service: string) => spans.filter((span) => span.service === service);

    expect(of('gateway').some((span) => span.kind === SPAN_KIND.SERVER && span.parentSpanId === callerSpanId)).toBe(true);
    expect(of('gateway').map((span) => span.name)).toEqual(expect.arrayContaining(['gateway.request', 'gateway.plan', 'gateway.fetch']));
    expect(of('gateway').some((span) => span.kind === SPAN_KIND.CLIENT)).toBe(true);
    expect(of('clusters').some((span) => span.kind === SPAN_KIND.SERVER)).toBe(true);
    expect(of('clusters').some((span) => /registerCluster|mutation/.test(span.name))).toBe(true);
    expect(of('clusters').some((span) => /INSERT/i.test(span.name) || span.name.startsWith('pg.'))).toBe(true);
    expect(of('clusters').some((span) => span.kind === SPAN_KIND.PRODUCER && span.name.endsWith('publish'))).toBe(true);
    expect(consumed.name).toMatch(/process no\.klynge\.[a-z-]+\.ClusterRegistered\.v\d+$/);
  }, 240_000);
});
