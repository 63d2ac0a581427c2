/**
 * `npm run bench:gateway-start`: how fast the built gateway starts and how much memory it holds,
 * started as its package's `start` script starts it (node flags + dist/index.js, production mode)
 * on the committed supergraph, with every subgraph a stand-in that answers `{ "data": {} }`: the
 * figures are the gateway's own, with no database or broker behind it. Per run: milliseconds from
 * spawn to the first answer of /health, resident memory (VmRSS) then and after BENCH_REQUESTS
 * GraphQL requests, and which heavy packages the process has loaded. Prints each run and the
 * median of BENCH_RUNS (5); asserts nothing.
 *
 * The package list comes from require.cache, read in the gateway by a preloaded probe
 * (loaded-modules.cjs) over an IPC channel; the probe adds a few kilobytes, the same in every run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchSetting, freePorts } from '@klynge/test-infrastructure';
import { SAMPLE_QUERY } from '../src/graphiql';
import { subgraphSettings } from '../src/subgraphs';
import { startFlags } from './production-graph';
import { formatTable, ms } from './table';

const RUNS = benchSetting('BENCH_RUNS', 5);
const REQUESTS = benchSetting('BENCH_REQUESTS', 200);
const JWT_SECRET = 'start-memory bench: a secret of at least 32 bytes';
const gatewayDir = path.join(__dirname, '..');

/** Packages whose presence in the gateway says it loaded code meant for services or tools. */
const HEAVY_PACKAGES = [
  'typeorm',
  '@electric-sql/pglite',
  'pg',
  'kafkajs',
  'type-graphql',
  'class-validator',
  '@apollo/subgraph',
  'ajv',
  '@apollo/composition',
  '@graphql-inspector/core',
] as const;

/** The package a required file belongs to (its last node_modules segment), or undefined for our own code. */
function packageOf(file: string): string | undefined {
  const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  return match?.[1];
}

const residentBytes = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) * 1024;
};

/** Every subgraph at once: answers any request with empty data, as fast as it can. */
async function standInSubgraph() {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{}}'));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function answersHealth(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/health`)).ok;
  } catch {
    return false;
  }
}

async function loadedFiles(child: ChildProcess): Promise<string[]> {
  const answer = once(child, 'message') as Promise<[{ files: string[] }]>;
  child.send('loaded-modules?');
  return (await answer)[0].files;
}

async function oneRun(subgraphUrl: string) {
  const [port] = (await freePorts(1)) as [number];
  const started = performance.now();
  const child = spawn(process.execPath, [...startFlags('gateway'), '-r', path.join(__dirname, 'loaded-modules.cjs'), 'dist/index.js'], {
    cwd: gatewayDir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      JWT_SECRET,
      ANONYMOUS_OPERATIONS: 'any',
      LOG_LEVEL: 'fatal',
      ...subgraphSettings(
        () => subgraphUrl,
        (name) => `${name}: a subgraph secret for the start-memory bench`,
      ),
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  try {
    while (!(await answersHealth(port))) {
      if (child.exitCode !== null) throw new Error(`the gateway exited (${child.exitCode}) before /health answered`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const healthMs = performance.now() - started;
    const startedRss = residentBytes(child.pid!);
    const files = await loadedFiles(child);
    for (let index = 0; index < REQUESTS; index += 1) {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: SAMPLE_QUERY }),
      });
      await response.arrayBuffer();
    }
    const afterRequestsRss = residentBytes(child.pid!);
    const packages = new Set(files.map(packageOf).filter((name) => name !== undefined));
    return {
      healthMs,
      startedMiB: startedRss / 2 ** 20,
      afterRequestsMiB: afterRequestsRss / 2 ** 20,
      files: files.length,
      packages: packages.size,
      heavy: HEAVY_PACKAGES.filter((name) => packages.has(name)),
    };
  } finally {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function main() {
  const subgraph = await standInSubgraph();
  try {
    const runs: Awaited<ReturnType<typeof oneRun>>[] = [];
    for (let index = 0; index < RUNS; index += 1) runs.push(await oneRun(subgraph.url));
    const row = (label: string, run: (typeof runs)[number]) => [
      label,
      ms(run.healthMs),
      run.startedMiB.toFixed(1),
      run.afterRequestsMiB.toFixed(1),
      String(run.files),
      String(run.packages),
      run.heavy.join(' ') || '(none)',
    ];
    const medians = {
      healthMs: median(runs.map((run) => run.healthMs)),
      startedMiB: median(runs.map((run) => run.startedMiB)),
      afterRequestsMiB: median(runs.map((run) => run.afterRequestsMiB)),
      files: median(runs.map((run) => run.files)),
      packages: median(runs.map((run) => run.packages)),
      heavy: runs[0]!.heavy,
    };
    process.stdout.write(
      formatTable(
        ['run', '/health ms', 'RSS MiB at start', `RSS MiB after ${REQUESTS} requests`, 'files', 'packages', 'heavy packages loaded'],
        [...runs.map((run, index) => row(String(index + 1), run)), row('median', medians)],
      ),
    );
  } finally {
    await subgraph.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
