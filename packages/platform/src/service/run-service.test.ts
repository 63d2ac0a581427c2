import type { ChildProcess } from 'node:child_process';
import {
  createTestDatabase,
  freePorts,
  kafkaEnvironment,
  type TestDatabase,
  uniqueTopicPrefix,
  waitFor,
} from '@klynge/test-infrastructure';
import { graphqlRequest } from '../test-fixtures/http';
import { runSample } from '../test-fixtures/sample-process';

describe('a service process', () => {
  let running: ChildProcess | undefined;

  afterEach(() => {
    running?.kill('SIGKILL');
  });

  it('stops before starting anything when its configuration is wrong, naming each variable', async () => {
    const { child, output, exited } = runSample({ PORT: 'eighty', KAFKA_BROKERS: '127.0.0.1:9092' });
    running = child;

    expect(await exited).toBe(1);
    expect(output.stderr).toContain('Invalid configuration:');
    expect(output.stderr).toContain('DATABASE_URL: is required (PostgreSQL URL of the sample service');
    expect(output.stderr).toContain('PORT: must be a whole number from 1 to 65535, got "eighty"');
    expect(output.stderr).not.toContain('KAFKA_BROKERS');
  });

  describe('with a database and Kafka', () => {
    let db: TestDatabase;

    beforeAll(async () => {
      db = await createTestDatabase('process');
    });

    afterAll(async () => {
      await db?.drop();
    });

    it('shuts down gracefully on SIGTERM: the request in flight is answered, then it exits 0', async () => {
      const [port] = await freePorts(1);
      const base = `http://127.0.0.1:${port}`;
      const { child, output, exited } = runSample({
        DATABASE_URL: db.url,
        ...kafkaEnvironment(),
        KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('process'),
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      });
      running = child;
      await waitFor('the service to be ready', async () => (await fetch(`${base}/ready`)).status === 200, {
        timeoutMs: 60_000,
      });

      const inFlight = graphqlRequest<{ slow: number }>(`${base}/graphql`, '{ slow(ms: 700) }', {}, { 'x-request-id': 'req-77' });
      await waitFor('the slow request to start', () => output.stdout.includes('Slow query started'));
      child.kill('SIGTERM');

      expect((await inFlight).body).toEqual({ data: { slow: 700 } });
      expect(await exited).toBe(0);
      const lines = output.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.find((line) => line.msg === 'Slow query started')).toMatchObject({
        level: 'info',
        service: 'sample',
        requestId: 'req-77',
      });
      expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['Shutting down', 'The sample subgraph has stopped']));
    });
  });
});
