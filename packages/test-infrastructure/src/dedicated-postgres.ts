import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { appendFile, chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitFor } from '@klynge/async';
import pg from 'pg';
import { freePorts } from './free-ports';

/** A PostgreSQL server of one test's own, which it may stop and start without disturbing others. */
export interface DedicatedPostgres {
  /** `postgresql://postgres@127.0.0.1:<port>/postgres` (trust authentication). */
  readonly url: string;
  readonly port: number;
  /** The folder holding its Unix socket, its data and its log. */
  readonly home: string;
  /**
   * Stops the server; its data stays for the next start. `fast` (the default) is an orderly
   * restart's stop: sessions are ended with 57P01, open transactions roll back, a checkpoint
   * is written. `immediate` is a crash: no checkpoint, the next start replays the WAL.
   */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts it again on the same port with the same data; resolves when it accepts connections. */
  start(): Promise<void>;
  /** Stops it (immediately) and deletes its data. */
  destroy(): Promise<void>;
}

const START_TIMEOUT_S = 60;

/**
 * Starts a throwaway PostgreSQL cluster (initdb, then pg_ctl) from the machine's own binaries on
 * a free port, listening on 127.0.0.1 only, with trust authentication for `postgres` and its
 * data, socket and log in a temporary folder. Run as root (as the tests are here and in CI),
 * initdb and postgres refuse to work, so they run as the `postgres` OS user then, which owns
 * the folder. POSTGRES_BINDIR names the binaries' folder when they are not found on their own.
 */
export async function startDedicatedPostgres(
  label: string,
  options: {
    /**
     * Server settings over the defaults below, e.g. `{ wal_level: 'logical' }` for the WAL outbox,
     * or `{ fsync: 'on' }` where commits must cost what they cost on a real server (a benchmark).
     */
    readonly settings?: Readonly<Record<string, string>>;
  } = {},
): Promise<DedicatedPostgres> {
  const bindir = postgresBindir();
  const [port] = (await freePorts(1)) as [number];
  const home = await mkdtemp(path.join(tmpdir(), `klynge-postgres-${label.replace(/[^A-Za-z0-9_-]/g, '_')}-`));
  const data = path.join(home, 'data');
  const socket = path.join(home, 'socket');
  const log = path.join(home, 'postgres.log');
  const asRoot = process.getuid?.() === 0;
  // Kills what is left if the test process ends without destroy() (a crash, a forced exit).
  let running = false;
  const onExit = () => {
    if (running) spawnSync(...command(bindir, asRoot, 'pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']), { stdio: 'ignore' });
  };
  process.once('exit', onExit);

  const run = (binary: string, args: readonly string[]) => {
    const [file, argv] = command(bindir, asRoot, binary, args);
    return new Promise<void>((resolve, reject) => {
      // Not `spawn`: pg_ctl's server lives on after pg_ctl exits, and it must not hold our pipes.
      execFile(file, argv, { cwd: home, timeout: (START_TIMEOUT_S + 30) * 1_000 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`${binary} ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}`));
        else resolve();
      });
    });
  };
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;

  const start = async () => {
    running = true;
    await run('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', String(START_TIMEOUT_S)]);
    // pg_ctl -w answers once the server says it is ready; a real session shows it takes clients.
    await waitFor(`the dedicated PostgreSQL on port ${port} to accept connections`, () => answers(url), {
      timeoutMs: START_TIMEOUT_S * 1_000,
      intervalMs: 50,
    });
  };
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    if (!existsSync(path.join(data, 'postmaster.pid'))) return;
    await run('pg_ctl', ['stop', '-D', data, '-m', mode, '-w', '-t', String(START_TIMEOUT_S)]);
    running = false;
  };

  try {
    await mkdir(socket);
    if (asRoot) {
      const { uid, gid } = await postgresUser();
      for (const folder of [home, socket]) await chown(folder, uid, gid);
    }
    await run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions']);
    await appendFile(
      path.join(data, 'postgresql.conf'),
      [
        '',
        '# Written by startDedicatedPostgres: one test of its own, on this machine only.',
        `port = ${port}`,
        `listen_addresses = '127.0.0.1'`,
        `unix_socket_directories = '${socket.replace(/'/g, "''")}'`,
        'max_connections = 60',
        'shared_buffers = 32MB',
        // A throwaway cluster: a commit is still in the WAL before it is acknowledged, and a
        // stopped (or killed) server loses nothing the OS has; only a machine crash would.
        'fsync = off',
        'full_page_writes = off',
        ...Object.entries(options.settings ?? {}).map(([name, value]) => `${name} = '${value.replace(/'/g, "''")}'`),
        '',
      ].join('\n'),
    );
    await start();
  } catch (error) {
    await stop('immediate').catch(() => undefined);
    process.off('exit', onExit);
    await rm(home, { recursive: true, force: true });
    throw error;
  }

  return {
    url,
    port,
    home,
    start,
    stop,
    destroy: async () => {
      try {
        await stop('immediate');
      } finally {
        process.off('exit', onExit);
        await rm(home, { recursive: true, force: true });
      }
    },
  };
}

/** The folder of initdb, pg_ctl and postgres: POSTGRES_BINDIR, the newest Debian one, or pg_config's. */
function postgresBindir(): string {
  const hasServer = (dir: string) => ['initdb', 'pg_ctl', 'postgres'].every((binary) => existsSync(path.join(dir, binary)));
  const candidates: string[] = [];
  if (process.env.POSTGRES_BINDIR) candidates.push(process.env.POSTGRES_BINDIR);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((version) => /^\d+(\.\d+)?$/.test(version))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => path.join(debian, version, 'bin')));
  }
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (pgConfig.status === 0) candidates.push(pgConfig.stdout.trim());
  const found = candidates.find(hasServer);
  if (!found) {
    throw new Error(
      `No PostgreSQL server binaries (initdb, pg_ctl, postgres) in ${candidates.join(', ') || 'any known folder'}: install the PostgreSQL server or set POSTGRES_BINDIR`,
    );
  }
  return found;
}

/** How to run one of the binaries: as the `postgres` OS user when this process is root. */
function command(bindir: string, asRoot: boolean, binary: string, args: readonly string[]): [string, string[]] {
  const file = path.join(bindir, binary);
  return asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, [...args]];
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const id = (flag: string) =>
    new Promise<number>((resolve, reject) => {
      execFile('id', [flag, 'postgres'], (error, stdout) => {
        if (error) reject(new Error(`Running as root needs a postgres OS user to run PostgreSQL as: ${error.message}`));
        else resolve(Number(stdout.trim()));
      });
    });
  return { uid: await id('-u'), gid: await id('-g') };
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
