import pg from 'pg';
import { uniqueName } from './unique-names';

export interface TestDatabase {
  readonly name: string;
  /** The database's URL, for the code under test. */
  readonly url: string;
  /** Runs SQL in the database (a small pool of its own), for arranging and asserting. */
  query<R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Closes the pool and drops the database, whoever is still connected. */
  drop(): Promise<void>;
}

/**
 * The PostgreSQL server URL the test setup provided (with some database on it to connect to).
 */
export function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the tests through jest so the global setup provides it');
  return url;
}

/** A fresh, empty database for one test file on the test server (or on `server`, a URL of another, e.g. a DedicatedPostgres's). */
export async function createTestDatabase(label: string, server: string = serverUrl()): Promise<TestDatabase> {
  const name = `klynge_test_${uniqueName(label)}`;
  await adminQuery(server, `CREATE DATABASE "${name}"`);
  const url = withDatabase(server, name);
  let pool: pg.Pool | undefined;
  return {
    name,
    url,
    async query<R extends pg.QueryResultRow>(sql: string, params?: unknown[]) {
      if (!pool) {
        pool = new pg.Pool({ connectionString: url, max: 4 });
        // An idle client that the server ends (DROP DATABASE ... WITH (FORCE) at teardown) must
        // not take the test process down; queries in flight still fail as they should.
        pool.on('error', () => undefined);
      }
      return (await pool.query<R>(sql, params)).rows;
    },
    async drop() {
      await pool?.end();
      await adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(server: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
