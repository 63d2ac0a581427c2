import { randomUUID } from 'node:crypto';
import {
  createTestDatabase,
  freePorts,
  kafkaEnvironment,
  type TestDatabase,
  uniqueTopicPrefix,
  waitFor,
} from '@klynge/test-infrastructure';
import { graphqlRequest } from '../test-fixtures/http';
import { referenceLoads, sampleConfig, sampleService, slowQueries } from '../test-fixtures/sample-service';
import { createService, type Service } from './create-service';

async function startSample(db: TestDatabase, env: Record<string, string> = {}) {
  const [port] = await freePorts(1);
  const config = sampleConfig.load({
    DATABASE_URL: db.url,
    ...kafkaEnvironment(),
    KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('service'),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'fatal',
    ...env,
  });
  const service = createService(sampleService(config));
  const url = await service.start();
  return { service, url, base: url.replace(/\/graphql$/, '') };
}

describe('a subgraph service built on the platform', () => {
  let db: TestDatabase;
  let service: Service;
  let url: string;
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase('service');
    ({ service, url, base } = await startSample(db));
  });

  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });

  it('answers /health, and /ready once its database and Kafka answer and its consumers have joined their groups', async () => {
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const ready = await fetch(`${base}/ready`);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'up', broker: 'up', consumers: 'up' } });
    expect(ready.status).toBe(200);
  });

  it('prints its SDL with the federation link and entity keys', async () => {
    const { body } = await graphqlRequest<{ _service: { sdl: string } }>(url, '{ _service { sdl } }');
    const sdl = body.data!._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.11"');
    expect(sdl).toMatch(/type Tally\s+@key\(fields: "id"\)/);
  });

  it('runs a mutation whose event reaches its consumers', async () => {
    const id = randomUUID();
    const { body } = await graphqlRequest(url, 'mutation($id: ID!) { incrementTally(id: $id, sequence: 1) { id count } }', {
      id,
    });
    expect(body).toEqual({ data: { incrementTally: { id, count: 1 } } });
    await waitFor(
      'the event in the read model',
      async () => (await db.query('SELECT 1 FROM tally_totals WHERE tally_id = $1', [id])).length === 1,
    );
  });

  it('resolves entity references from the gateway in one batch', async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    for (const id of ids) await db.query('INSERT INTO tallies (tally_id, count) VALUES ($1, 7)', [id]);
    referenceLoads.length = 0;
    const representations = [...ids, randomUUID()].map((id) => ({ __typename: 'Tally', id }));

    const { body } = await graphqlRequest<{ _entities: unknown[] }>(
      url,
      'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Tally { id count } } }',
      { representations },
    );

    expect(body.data!._entities).toEqual([...ids.map((id) => ({ id, count: 7 })), null]);
    expect(referenceLoads).toHaveLength(1);
  });

  it('reports bad input with its code and field, and writes nothing', async () => {
    const { body } = await graphqlRequest(url, 'mutation { incrementTally(id: "not-a-uuid", sequence: 1) { id } }');
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'id must be a UUID',
        extensions: { code: 'BAD_USER_INPUT', field: 'id' },
      }),
    ]);
    expect(await db.query('SELECT 1 FROM outbox_events')).toEqual([]);
  });

  it('masks unexpected errors and carries the caller’s request id', async () => {
    const { body, headers } = await graphqlRequest(url, '{ broken }', {}, { 'x-request-id': 'dashboard-42' });
    expect(body.errors).toEqual([
      { message: 'Internal server error', locations: expect.any(Array), path: ['broken'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    expect(JSON.stringify(body)).not.toContain('hunter2');
    expect(headers.get('x-request-id')).toBe('dashboard-42');
  });

  it('stops gracefully: the request in flight completes, the outbox is flushed, the port closes', async () => {
    const inFlight = graphqlRequest<{ slow: number }>(url, '{ slow(ms: 500) }');
    const id = randomUUID();
    await graphqlRequest(url, 'mutation($id: ID!) { incrementTally(id: $id, sequence: 1) { id } }', { id });
    await waitFor('the slow request to be in flight', () => slowQueries.running === 1);

    await service.stop();

    expect(slowQueries.running).toBe(0);
    expect((await inFlight).body).toEqual({ data: { slow: 500 } });
    expect(await db.query('SELECT 1 FROM outbox_events')).toEqual([]);
    await expect(fetch(`${base}/health`)).rejects.toThrow();
  });
});

describe('a subgraph service while Kafka cannot be reached', () => {
  let db: TestDatabase;
  let service: Service;
  let url: string;
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase('service_no_kafka');
    const [nobodyListens] = await freePorts(1);
    ({ service, url, base } = await startSample(db, { KAFKA_BROKERS: `127.0.0.1:${nobodyListens}` }));
  });

  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });

  it('keeps serving reads and writes, keeps the events, and says on /ready that Kafka is down', async () => {
    const id = randomUUID();
    const { body } = await graphqlRequest(url, 'mutation($id: ID!) { incrementTally(id: $id, sequence: 1) { count } }', {
      id,
    });
    expect(body).toEqual({ data: { incrementTally: { count: 1 } } });
    expect(await db.query('SELECT message_key FROM outbox_events')).toEqual([{ message_key: id }]);

    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'not ready', checks: { database: 'up', broker: 'down', consumers: 'down' } });
  });
});

describe('a subgraph service without Kafka settings', () => {
  it('is refused, naming KAFKA_BROKERS, unless it is handed a broker of its own', () => {
    const config = sampleConfig.load({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/unused', LOG_LEVEL: 'fatal' });
    expect(() => createService(sampleService(config))).toThrow(/KAFKA_BROKERS: is required/);
  });
});
