import { spawn } from 'node:child_process';
import path from 'node:path';
import { platformMigrations } from '@klynge/platform/database';
import { subgraphProcessArgs } from '@klynge/subgraph-under-test';
import { createTestDatabase, type TestDatabase } from '@klynge/test-infrastructure';
import { subgraph } from './subgraph';

/** `klynge-subgraph . migrate`, as a release's migration Job runs it (infra/k8s), from the TypeScript. */
const migrate = (databaseUrl: string) =>
  new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
    const child = spawn(process.execPath, subgraphProcessArgs(path.join(__dirname, 'subgraph.ts'), ['migrate']), {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });

describe('the migrate command (a release migration Job)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('catapult_migrate');
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('applies every migration to an empty database and exits; run again, it finds nothing to apply', async () => {
    const first = await migrate(db.url);
    expect(first.code).toBe(0);
    const applied = await db.query<{ name: string }>('SELECT name FROM migrations');
    expect(applied.map(({ name }) => name).sort()).toEqual(
      [...platformMigrations, ...(subgraph.definition.migrations ?? [])].map((migration) => migration.name).sort(),
    );
    expect(first.stdout).toContain('Applied migrations');
    expect(first.stdout).toContain('The catapult database is migrated');

    const again = await migrate(db.url);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('Applied migrations');
    expect(await db.query('SELECT name FROM migrations')).toHaveLength(applied.length);
  });
});
