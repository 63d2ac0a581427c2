import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { KafkaBroker } from '@klynge/broker-kafka';
import { kafkaConnection, waitFor } from '@klynge/test-infrastructure';
import { repoRoot } from './config';

const packageDir = path.join(__dirname, '..');

/** Runs test-fixtures/<fixture> in a jest run of its own, with the integration setup and teardown every package has. */
function jestRun(fixture: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  // The settings every package's jest.config.js takes (a CommonJS module without types).
  const jestConfig = createRequire(__filename)('@klynge/jest-config') as (options: { integration: boolean }) => Record<string, unknown>;
  const settings = jestConfig({ integration: true });
  const config = { ...settings, rootDir: packageDir, roots: ['<rootDir>/src/test-fixtures'], testMatch: [`**/${fixture}`] };
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js'), '--config', JSON.stringify(config)],
      {
        cwd: packageDir,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/**
 * Every test file on the shared broker makes topics and consumer groups under a prefix of its own
 * (uniqueTopicPrefix); once they stayed, and the broker grew with each run (580 topics and 507
 * groups after a day's work). The run's global teardown now deletes them.
 */
describe('a test run on the shared broker', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'klynge-cleanup-'));
  const broker = new KafkaBroker({ ...kafkaConnection(), clientId: 'cleanup-test' });

  afterAll(async () => {
    await broker.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('leaves none of the topics and consumer groups its test files made under their prefixes', async () => {
    const prefixFile = path.join(folder, 'prefix');
    const run = await jestRun('leaves-topics.fixture.ts', { ...process.env, FIXTURE_PREFIX_FILE: prefixFile });
    expect({ code: run.code, output: run.output }).toEqual({ code: 0, output: expect.stringContaining('1 passed') });
    const prefix = readFileSync(prefixFile, 'utf8');
    const topic = `${prefix}things.thing.v1`;
    await waitFor(
      `${topic} to be gone`,
      () =>
        broker.messagesPerPartition(topic).then(
          () => false,
          () => true,
        ),
      { timeoutMs: 15_000 },
    );
    // A group the broker does not know is Dead; one that committed and has no members is Empty.
    expect((await broker.groupAssignments(`${prefix}things.reader`)).state).toBe('Dead');
  }, 300_000);
});
