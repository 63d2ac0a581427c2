import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';

/**
 * An embedded PostgreSQL (PGlite: PostgreSQL compiled to WebAssembly, inside this process) in place
 * of a server, so the whole system runs with nothing installed. A DATABASE_URL of
 * `pglite:///absolute/dir` or `pglite:relative/dir` names its data directory; with
 * `?template=<file>`, a new directory starts as a copy of that dump (see {@link writePgliteTemplate})
 * instead of running initdb, which takes seconds and leaves the process hundreds of MB larger.
 *
 * PGlite is ONE session. Everything in the process that talks to one database shares one pg
 * connection to it through PGlite's own node-postgres adapter: the service's pool has a single
 * connection, so a transaction has the session to itself and concurrent transactions take turns
 * (a coarser lock than PostgreSQL's, but the same outcomes). The outbox relay queries through that
 * pool too (see OutboxRelay). Code must therefore never query through the DataSource while it
 * holds a transaction of its own: that waits for itself.
 */
export function isPgliteUrl(url: string): boolean {
  return url.startsWith('pglite:');
}

export interface PgliteLocation {
  readonly dataDir: string;
  readonly template: string | undefined;
}

export function pgliteLocation(url: string): PgliteLocation {
  const parsed = new URL(url);
  const template = parsed.searchParams.get('template');
  return {
    dataDir: path.resolve(decodeURIComponent(parsed.pathname)),
    template: template ? path.resolve(template) : undefined,
  };
}

/** One open database: its PGlite, the pg connection onto it, and how many users it has. */
export interface PgliteDatabase {
  readonly pglite: PGlite;
  /** node-postgres' `connection` option: a pg client on this database. */
  readonly connection: unknown;
  /** Done with it: the last user closes the database and unlocks the directory. */
  close(): Promise<void>;
}

interface OpenDatabase {
  readonly pglite: PGlite;
  readonly connection: unknown;
  readonly unlock: () => void;
  users: number;
}

const openDatabases = new Map<string, OpenDatabase>();

// PGlite's default shared_buffers (128MB) costs about 200 MiB of resident memory per database;
// these data sets are small.
const SETTINGS = ['shared_buffers = 16MB', 'wal_buffers = 1MB'];

/** The process's database at `url`, opened on first use; every user calls `close` when done. */
export function openPglite(url: string): PgliteDatabase {
  const { dataDir, template } = pgliteLocation(url);
  let entry = openDatabases.get(dataDir);
  if (!entry) {
    const fresh = !existsSync(dataDir) || readdirSync(dataDir).length === 0;
    mkdirSync(dataDir, { recursive: true });
    const unlock = lockDataDir(dataDir);
    const pglite = new PGlite({
      dataDir,
      extensions: { btree_gist },
      postgresqlconf: SETTINGS,
      ...(fresh && template ? { loadDataDir: new Blob([readFileSync(template)]) } : {}),
    });
    entry = { pglite, connection: createPgConfig(pglite).connection, unlock, users: 0 };
    openDatabases.set(dataDir, entry);
  }
  entry.users += 1;
  const opened = entry;
  let closed = false;
  return {
    pglite: opened.pglite,
    connection: opened.connection,
    async close() {
      if (closed) return;
      closed = true;
      opened.users -= 1;
      if (opened.users > 0) return;
      openDatabases.delete(dataDir);
      await opened.pglite.close();
      opened.unlock();
    },
  };
}

/** Writes an empty, initialised database as a dump that `?template=` can start new ones from. */
export async function writePgliteTemplate(file: string): Promise<void> {
  const pglite = await PGlite.create({ extensions: { btree_gist }, postgresqlconf: SETTINGS });
  try {
    const dump = await pglite.dumpDataDir('gzip');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await pglite.close();
  }
}

/**
 * PGlite does not stop a second process from opening a directory another has open (both write,
 * and one's writes are lost). A lock file holding our pid does; one left by a dead process is
 * taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lockFile, 'utf8'));
      if (pid && pid !== process.pid && isAlive(pid)) throw new Error(`${dataDir} is in use by process ${pid}`, { cause: error });
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
