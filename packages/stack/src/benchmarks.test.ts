import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './config';

const run = promisify(execFile);

/** `npm run <script>` as the README prints it, with settings in the environment; answers what it printed. */
async function npmRun(script: string, env: Record<string, string | undefined>): Promise<string> {
  const { stdout } = await run('npm', ['run', '--silent', script], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

/**
 * The README's benchmark commands, each at a size that shows only that it runs and prints its
 * figures (the figures themselves are for whoever runs them at full size, on a quiet machine).
 */
describe("the README's benchmark commands", () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'klynge-bench-'));

  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
  });

  it('npm run bench:events prints the catch-up rate and writes it to BENCH_OUT', async () => {
    const file = path.join(out, 'events.json');
    const printed = await npmRun('bench:events', { BENCH_EVENTS: '300', BENCH_RUNS: '1', BENCH_OUT: file });
    expect(printed).toMatch(/catch-up of a 300-event backlog: median \d+ events\/s over 1 runs/);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ events: 300 });
  }, 300_000);

  it('npm run bench prints requests per second and latency for our gateway, Hive Gateway and each subgraph', async () => {
    const printed = await npmRun('bench', {
      BENCH_DURATION: '1',
      BENCH_CONNECTIONS: '2',
      BENCH_CLUSTERS: '40',
      BENCH_ORGANIZATIONS: '100',
      BENCH_GRANTS: '100',
    });
    expect(printed).toContain('Generating 40 clusters, 100 organisations, 100 grants (synthetic)');
    expect(printed).toMatch(/target\s+req\/s\s+p50 ms\s+p99 ms\s+errors/);
    expect(printed.split('\n').filter((line) => /^\S.*\s\d+\.\d\s+\d+\s+\d+\s+0$/.test(line)).length).toBeGreaterThanOrEqual(5);
  }, 600_000);

  it('npm run bench:start prints how long npm start takes to answer and the memory it holds', async () => {
    // As a newcomer runs it: the embedded start, not the test run's servers.
    const printed = await npmRun('bench:start', { DATABASE_URL: undefined, KAFKA_BROKERS: undefined });
    expect(printed).toContain('npm start on');
    expect(printed).toMatch(/ready s\s+RSS MiB\s+peak MiB/);
  }, 600_000);
});
