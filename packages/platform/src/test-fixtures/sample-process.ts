import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePorts, kafkaEnvironment, parseLogLines, waitUntilReady } from '@klynge/test-infrastructure';

const main = path.join(__dirname, 'sample-service.main.ts');

/** The sample service running as a process of its own, as `node dist/index.js` would run a service. */
export interface SampleProcess {
  readonly child: ChildProcess;
  /** Everything it wrote so far. */
  readonly output: { stdout: string; stderr: string };
  /** Its exit code once it has exited (null when a signal ended it). */
  readonly exited: Promise<number | null>;
}

/** Starts the sample service with exactly `env` (and PATH) as its environment. */
export function runSample(env: Record<string, string>): SampleProcess {
  const child = spawn(process.execPath, ['-r', '@klynge/jest-config/register', main], {
    // Where `-r @klynge/jest-config/register` resolves: the platform package.
    cwd: path.join(__dirname, '..', '..'),
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  // 'close', not 'exit': by then everything it wrote has been read into `output`.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, output, exited };
}

/** A sample service on a database and a topic prefix, listening on a port of its own. */
export interface SampleInstance extends SampleProcess {
  readonly name: string;
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  /** Its log lines so far (LOG_LEVEL decides which), read as JSON. */
  logLines(): Record<string, unknown>[];
  /** Resolves once /ready answers 200. */
  ready(timeoutMs?: number): Promise<void>;
  /** Sends SIGKILL (by default) and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface SampleInstanceOptions {
  readonly databaseUrl: string;
  readonly topicPrefix: string;
  readonly logLevel?: string;
  /** Further variables, e.g. OUTBOX_POLL_INTERVAL_MS. */
  readonly env?: Record<string, string>;
}

/**
 * Sample service processes started by one test file. Whatever happens in a test, `killAll()` in
 * its afterAll (or afterEach) leaves no process behind.
 */
export class SampleProcesses {
  private readonly running = new Set<SampleInstance>();
  /** Every instance started, running or not, in the order started. */
  readonly started: SampleInstance[] = [];

  async start(options: SampleInstanceOptions): Promise<SampleInstance> {
    const [port] = await freePorts(1);
    const name = `sample-${this.started.length + 1}`;
    const spawned = runSample({
      DATABASE_URL: options.databaseUrl,
      ...kafkaEnvironment(),
      KAFKA_TOPIC_PREFIX: options.topicPrefix,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: options.logLevel ?? 'warn',
      ...options.env,
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    let gone = false;
    void spawned.exited.then(() => (gone = true));
    const instance: SampleInstance = {
      ...spawned,
      name,
      baseUrl,
      logLines: () => parseLogLines(spawned.output.stdout),
      ready: (timeoutMs = 60_000) =>
        waitUntilReady(name, baseUrl, () => (gone ? spawned.output.stderr.slice(-2_000) : undefined), { timeoutMs, intervalMs: 50 }),
      kill: async (signal = 'SIGKILL') => {
        if (!gone) spawned.child.kill(signal);
        await spawned.exited;
        this.running.delete(instance);
      },
    };
    this.running.add(instance);
    this.started.push(instance);
    return instance;
  }

  /** SIGKILLs every process still running and waits for each to exit. */
  async killAll(): Promise<void> {
    await Promise.all([...this.running].map((instance) => instance.kill('SIGKILL')));
  }
}
