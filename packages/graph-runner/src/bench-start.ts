// npm run bench:start: how long `npm start` takes from the command to the first answered sample
// query, and how much memory the whole system holds, on a fresh data folder and again on the same
// one. Prints figures (targets: under 15 s, under 1 GiB); asserts nothing.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from '@klynge/async';
import { SAMPLE_QUERY } from '@klynge/gateway/graphiql';
import { subgraphRegistry } from '@klynge/schemas';
import { portVariableOf, repoRoot } from './config';
import { treeResidentBytes } from './process-tree';

// Ports of their own (4600, and 4601 on for the subgraphs), so as not to meet a stack already running.
const PORTS = Object.fromEntries([
  ['PORT', '4600'],
  ...subgraphRegistry().map(({ name }, index) => [portVariableOf(name), String(4601 + index)]),
]) as Record<string, string>;
const URL = `http://127.0.0.1:${PORTS.PORT}/graphql`;

async function answersSampleQuery(): Promise<boolean> {
  try {
    const response = await fetch(URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SAMPLE_QUERY }),
    });
    const body = (await response.json()) as { data?: { clusters?: { totalCount: number } } };
    return (body.data?.clusters?.totalCount ?? 0) > 0;
  } catch {
    return false;
  }
}

async function measure(label: string, dataDir: string) {
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: repoRoot,
    env: { ...process.env, ...PORTS, KLYNGE_DATA_DIR: dataDir },
    detached: true,
    stdio: 'ignore',
  });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeResidentBytes(child.pid!))), 100);
  await waitFor('the sample query to be answered', answersSampleQuery, { timeoutMs: 120_000 });
  const readyS = (performance.now() - started) / 1000;
  // A few seconds of queries, then the resident memory of everything npm start runs.
  for (let index = 0; index < 50; index += 1) await answersSampleQuery();
  const settled = treeResidentBytes(child.pid!);
  clearInterval(sampler);
  const exited = once(child, 'exit');
  process.kill(-child.pid!, 'SIGINT');
  await exited;
  return { label, readyS, settledMiB: settled / 2 ** 20, peakMiB: Math.max(peak, settled) / 2 ** 20 };
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'klynge-bench-start-'));
  try {
    const rows = [
      await measure('first start (fresh folder, loads the demo data)', dataDir),
      await measure('second start (same folder)', dataDir),
    ];
    process.stdout.write(`\nnpm start on ${os.cpus().length} cores (targets: ready < 15 s, resident < 1024 MiB)\n\n`);
    process.stdout.write(`${'start'.padEnd(48)}  ${'ready s'.padStart(8)}  ${'RSS MiB'.padStart(8)}  ${'peak MiB'.padStart(8)}\n`);
    for (const row of rows) {
      process.stdout.write(
        `${row.label.padEnd(48)}  ${row.readyS.toFixed(1).padStart(8)}  ${row.settledMiB.toFixed(0).padStart(8)}  ${row.peakMiB.toFixed(0).padStart(8)}\n`,
      );
    }
    process.stdout.write('\nReady counts from the command (including the cached build check) to the first answered sample query.\n');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
