import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { KafkaBroker } from '@klynge/broker-kafka';
import { type DedicatedKafka, freePorts, readKafkaCredentials, startDedicatedKafka, uniqueName } from '@klynge/test-infrastructure';
import pg from 'pg';
import { repoRoot } from './config';

interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

/**
 * Runs a command in the repository with `env` to its end: how it exited, what it printed, how
 * long it took. In a process group of its own, which goes after `deadlineMs` (a stack that keeps
 * retrying would otherwise outlive the test).
 */
function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv, deadlineMs = 90_000): Promise<Finished> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const deadline = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), deadlineMs);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(deadline);
      resolve({ code, stdout, stderr, seconds: (Date.now() - started) / 1000 });
    });
  });
}

/**
 * A partner's second clone: its own infra state (empty), its scripts run while 127.0.0.1:<port>
 * already answers with the broker that another checkout's `npm run infra:up` started (here a
 * dedicated broker standing in for it). Once it got made-up passwords and "already answers ...
 * using it as it is", then "invalid credentials" from the tests, kafka:credentials, the stack
 * (4,450 authentication failures, then a 60 s timeout) and infra/kafka.sh consume.
 */
describe('a second checkout on a broker another checkout started', () => {
  let first: DedicatedKafka;
  let port: string;
  const secondState = mkdtempSync(path.join(os.tmpdir(), 'klynge-second-checkout-'));
  const secondHome = path.join(secondState, 'kafka');
  /** The second checkout's environment: nothing of this test run's broker, its own state. */
  const asSecondCheckout = (more: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
    const {
      KAFKA_BROKERS: _brokers,
      KAFKA_CREDENTIALS_FILE: _file,
      KAFKA_USERNAME: _username,
      KAFKA_PASSWORD: _password,
      ...inherited
    } = process.env;
    return { ...inherited, KLYNGE_STATE_DIR: undefined, KAFKA_HOME: secondHome, KAFKA_PORT: port, ...more };
  };
  const firstPassword = (principal: string) => readKafkaCredentials(first.credentialsFile, principal).password;

  beforeAll(async () => {
    first = await startDedicatedKafka('first-checkout');
    port = first.brokers.split(':')[1]!;
  }, 300_000);

  afterAll(async () => {
    await first?.destroy();
    rmSync(secondState, { recursive: true, force: true });
  });

  it('npm run infra:up finds the running broker and its credentials, and makes up no passwords', async () => {
    const up = await run('bash', ['infra/up.sh', 'kafka'], asSecondCheckout());
    expect({ code: up.code, stderr: up.stderr }).toEqual({ code: 0, stderr: expect.stringContaining(first.credentialsFile) });
    expect(up.stderr).not.toContain('using it as it is');
    // Any password of the second checkout's is the first's (the broker knows no other).
    const made = path.join(secondHome, 'credentials.json');
    if (existsSync(made)) expect(readKafkaCredentials(made, 'admin').password).toBe(firstPassword('admin'));
  });

  it("gives the tests, npm run kafka:credentials and the stack the running broker's passwords", async () => {
    // The tests' global setup, as the second checkout runs it (the database is this run's, as it is not the point).
    const setup = await run(
      process.execPath,
      [
        '-e',
        "require('@klynge/test-infrastructure').provideInfrastructure(process.env).then((found) => console.log(JSON.stringify(found)))",
      ],
      asSecondCheckout({ DATABASE_URL: process.env.DATABASE_URL }),
    );
    expect(setup.code).toBe(0);
    const found = JSON.parse(setup.stdout.trim().split('\n').pop()!) as { kafkaCredentialsFile: string };
    expect(readKafkaCredentials(found.kafkaCredentialsFile, 'admin').password).toBe(firstPassword('admin'));

    const printed = await run(process.execPath, ['packages/graph-runner/dist/kafka-credentials-main.js', 'siva'], asSecondCheckout());
    expect({ code: printed.code, stdout: printed.stdout }).toEqual({
      code: 0,
      stdout: expect.stringContaining(`password: ${firstPassword('siva')}`),
    });

    // What the broker says of them: it takes them.
    const broker = new KafkaBroker({
      brokers: [first.brokers],
      clientId: 'second-checkout',
      credentials: readKafkaCredentials(found.kafkaCredentialsFile, 'siva'),
    });
    try {
      await broker.checkHealth();
    } finally {
      await broker.close();
    }
  });

  it("reads a topic with infra/kafka.sh consume, as the README says, with the running broker's credentials", async () => {
    const consumed = await run(
      'bash',
      ['infra/kafka.sh', 'consume', 'admin', uniqueName('second_checkout'), '--timeout-ms', '1000'],
      asSecondCheckout(),
    );
    expect({ code: consumed.code, stderr: consumed.stderr }).toEqual({
      code: 0,
      stderr: expect.stringContaining('Processed a total of 0'),
    });
  }, 120_000);

  it('refuses at once, saying whose it is, when what answers on the port is no broker whose credentials it can find', async () => {
    const [otherPort] = await freePorts(1);
    const listener = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => listener.listen(otherPort, '127.0.0.1', resolve));
    try {
      const up = await run('bash', ['infra/up.sh', 'kafka'], asSecondCheckout({ KAFKA_PORT: String(otherPort) }));
      expect(up.code).not.toBe(0);
      expect(up.stderr).toContain(`pid ${process.pid}`);
      expect(up.stderr).toContain('KAFKA_CREDENTIALS_FILE');
      const printed = await run(
        process.execPath,
        ['packages/graph-runner/dist/kafka-credentials-main.js', 'siva'],
        asSecondCheckout({ KAFKA_PORT: String(otherPort) }),
      );
      expect(printed.code).not.toBe(0);
      expect(printed.stderr).toContain(`pid ${process.pid}`);
    } finally {
      listener.close();
    }
  });

  it('stops the stack at once when the broker refuses its passwords, saying so, instead of retrying until a timeout', async () => {
    const wrong = path.join(secondState, 'wrong-credentials.json');
    writeFileSync(
      wrong,
      JSON.stringify(
        Object.fromEntries(Object.keys(JSON.parse(readFileSync(first.credentialsFile, 'utf8')) as object).map((name) => [name, 'made-up'])),
      ),
      { mode: 0o600 },
    );
    const suffix = `_${uniqueName('refused')}`;
    const stack = await run(
      process.execPath,
      ['packages/graph-runner/dist/main.js'],
      asSecondCheckout({
        DATABASE_URL: process.env.DATABASE_URL,
        KAFKA_BROKERS: first.brokers,
        KAFKA_CREDENTIALS_FILE: wrong,
        KLYNGE_DATABASE_SUFFIX: suffix,
      }),
    );
    expect(stack.code).not.toBe(0);
    expect(stack.stderr).toMatch(/refused .*password/);
    expect(stack.stderr).toContain(wrong);
    expect(stack.seconds).toBeLessThan(30);
    // Before it changed anything: no database of its own was created.
    const server = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await server.connect();
    try {
      const { rows } = await server.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`%${suffix}`]);
      expect(rows).toEqual([]);
    } finally {
      await server.end();
    }
  }, 180_000);
});
