import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitFor } from '@klynge/async';
import { freePorts } from './free-ports';

/** A redis-server of one test's own, which it may kill, start again, or freeze. */
export interface DedicatedRedis {
  /** `redis://:<password>@127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** SIGKILL: a crash. Without persistence, the next start is empty. */
  kill(): Promise<void>;
  /** Starts it again on the same port; resolves when it answers. */
  start(): Promise<void>;
  /** SIGSTOP: it keeps its connections and its data but answers nothing until {@link resume} (a hung server, a partition). */
  pause(): void;
  resume(): void;
  /** Kills it and deletes its folder. */
  destroy(): Promise<void>;
}

const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';
const START_TIMEOUT_MS = 20_000;

/**
 * Starts a throwaway redis-server (Debian's, or REDIS_SERVER) on a free port of 127.0.0.1, never
 * the machine's own Redis: no persistence, a password, `maxmemory` with `volatile-lru` as
 * infra/redis.sh sets up, its working folder in a temporary one.
 */
export async function startDedicatedRedis(label: string, options: { readonly maxmemory?: string } = {}): Promise<DedicatedRedis> {
  if (!existsSync(REDIS_SERVER)) throw new Error(`No redis-server at ${REDIS_SERVER}: install Debian's redis-server or set REDIS_SERVER`);
  const [port] = (await freePorts(1)) as [number];
  const home = await mkdtemp(path.join(tmpdir(), `klynge-redis-${label.replace(/[^A-Za-z0-9_-]/g, '_')}-`));
  const password = randomBytes(12).toString('hex');
  let server: ChildProcess | undefined;
  const onExit = () => server?.kill('SIGKILL');
  process.once('exit', onExit);

  const start = async () => {
    // The settings on the command line: the test's own server, with nothing kept on disk.
    const started = spawn(
      REDIS_SERVER,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        home,
        '--save',
        '',
        '--appendonly',
        'no',
        '--requirepass',
        password,
        '--maxmemory',
        options.maxmemory ?? '64mb',
        '--maxmemory-policy',
        'volatile-lru',
        '--logfile',
        path.join(home, 'redis.log'),
      ],
      { stdio: 'ignore' },
    );
    server = started;
    await waitFor(
      `the dedicated Redis on port ${port} to answer`,
      async () => started.exitCode === null && (await answersPing(port, password)),
      {
        timeoutMs: START_TIMEOUT_MS,
        intervalMs: 50,
      },
    );
  };
  const kill = async () => {
    const running = server;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGCONT');
    running.kill('SIGKILL');
    await exited;
  };

  try {
    await start();
  } catch (error) {
    await kill();
    process.off('exit', onExit);
    await rm(home, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `redis://:${password}@127.0.0.1:${port}`,
    port,
    kill,
    start,
    pause: () => server?.kill('SIGSTOP'),
    resume: () => server?.kill('SIGCONT'),
    destroy: async () => {
      try {
        await kill();
      } finally {
        process.off('exit', onExit);
        await rm(home, { recursive: true, force: true });
      }
    },
  };
}

/** Whether a Redis on `port` answers PING once authenticated (RESP by hand: no client needed here). */
function answersPing(port: number, password: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.on('data', (chunk) => {
      received += chunk.toString();
      if (received.includes('+PONG')) done(true);
      else if (received.startsWith('-') || received.includes('\r\n-')) done(false);
    });
    socket.once('connect', () => socket.write(`AUTH ${password}\r\nPING\r\n`));
  });
}
