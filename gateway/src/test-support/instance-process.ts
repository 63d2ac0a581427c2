import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseLogLines, waitUntilReady } from '@klynge/test-infrastructure';

/** Log lines a process writes for every request: too many to read and keep, and nothing a test looks for. */
const PER_REQUEST_LOG = ['GraphQL request'].map((message) => `"msg":"${message}"`);
/** How much of what a process wrote on stderr is kept to say why it failed. */
const STDERR_KEPT = 4_000;

/**
 * One instance of a service (a subgraph or the gateway) as a process of its own on a fixed port,
 * which a test can SIGKILL and start again on the same port with the same settings, as an
 * orchestrator restarts a replica.
 */
export interface InstanceProcess {
  /** E.g. `funding-a`. */
  readonly name: string;
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  isRunning(): boolean;
  /** Starts it (again), and resolves once its /ready answers 200. */
  start(): Promise<void>;
  /** Sends `signal` (SIGKILL unless told) and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Its JSON log lines since it was last started, those written per request left out. */
  logLines(): readonly Record<string, unknown>[];
  /** The CPU time it has used since it was last started (Linux: from /proc), or 0 when not running. */
  cpuMs(): number;
}

export function instanceProcess(options: {
  readonly name: string;
  readonly port: number;
  /** Node's arguments. */
  readonly args: readonly string[];
  readonly cwd: string;
  /** Its whole environment, but PATH and PORT. */
  readonly env: Record<string, string>;
  readonly readyTimeoutMs?: number;
}): InstanceProcess {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<unknown> = Promise.resolve();
  let lines: Record<string, unknown>[] = [];
  let stderr = '';
  const isRunning = () => child !== undefined && child.exitCode === null && child.signalCode === null;

  return {
    name: options.name,
    port: options.port,
    baseUrl,
    isRunning,
    async start() {
      if (isRunning()) throw new Error(`${options.name} is running already`);
      lines = [];
      stderr = '';
      const started = spawn(process.execPath, options.args, {
        cwd: options.cwd,
        env: { PATH: process.env.PATH, PORT: String(options.port), ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = started;
      exited = new Promise((resolve) => started.once('exit', resolve));
      let pending = '';
      started.stdout.on('data', (chunk: Buffer) => {
        const text = (pending + chunk.toString()).split('\n');
        pending = text.pop() ?? '';
        const kept = text.filter((line) => !PER_REQUEST_LOG.some((message) => line.includes(message)));
        lines.push(...parseLogLines(kept.join('\n')));
      });
      started.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-STDERR_KEPT)));
      await waitUntilReady(
        options.name,
        baseUrl,
        () =>
          started.exitCode !== null || started.signalCode !== null ? `(${started.exitCode ?? started.signalCode}) ${stderr}` : undefined,
        { timeoutMs: options.readyTimeoutMs ?? 120_000, intervalMs: 100 },
      );
    },
    async kill(signal = 'SIGKILL') {
      if (isRunning()) child!.kill(signal);
      await exited;
    },
    logLines: () => lines,
    cpuMs: () => (isRunning() ? cpuMsOf(child!.pid!) : 0),
  };
}

/** Linux's clock ticks per second (USER_HZ), in which /proc reports CPU time. */
const TICKS_PER_SECOND = 100;

/** A process's user and system CPU time so far: fields 14 and 15 of /proc/<pid>/stat, after its name. */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1_000) / TICKS_PER_SECOND;
  } catch {
    return 0; // gone, or not Linux
  }
}
