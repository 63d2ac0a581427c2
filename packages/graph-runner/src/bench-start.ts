// npm run bench:start: how long `npm start` takes from the command to the first answered sample
// query, and how much memory the whole process tree holds then, after a few seconds of queries,
// and at its peak: with the demo data on a fresh data folder and again on the same one, and with
// the synthetic data set on a fresh folder of its own. Prints the figures, each process's share at
// the first answer and the goals met or not, and writes them as JSON to BENCH_OUT; asserts nothing.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from '@klynge/async';
import { SAMPLE_QUERY } from '@klynge/gateway/graphiql';
import { subgraphRegistry } from '@klynge/schemas';
import { writeBenchFigures } from '@klynge/test-infrastructure';
import { portVariableOf, repoRoot } from './config';
import { descendants, residentBytes, treeResidentBytes } from './process-tree';

// Ports of their own (4600, and 4601 on for the subgraphs), so as not to meet a stack already running.
const PORTS = Object.fromEntries([
  ['PORT', '4600'],
  ...subgraphRegistry().map(({ name }, index) => [portVariableOf(name), String(4601 + index)]),
]) as Record<string, string>;
const URL = `http://127.0.0.1:${PORTS.PORT}/graphql`;
const MIB = 2 ** 20;

/** The goals of issue 30: the first answer within 15 s, the tree under 1 GiB (demo) and 1.2 GiB (synthetic) then. */
const READY_GOAL_S = 15;
const RESIDENT_GOAL_MIB = { facts: 1024, synthetic: 1.2 * 1024 } as const;

type Demo = keyof typeof RESIDENT_GOAL_MIB;

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

/** What a process of the tree runs, short: `npm start`, `node packages/graph-runner/dist/main.js`, ... */
function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ').slice(0, 80);
  } catch {
    return '(ended)';
  }
}

/** Each process of the tree under `pid` with its resident memory, largest first. */
function processesOf(pid: number) {
  return [pid, ...descendants(pid)]
    .map((each) => ({ command: commandOf(each), residentMiB: residentBytes(each) / MIB }))
    .filter(({ residentMiB }) => residentMiB > 0)
    .sort((a, b) => b.residentMiB - a.residentMiB);
}

async function measure(label: string, demo: Demo, dataDir: string) {
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: repoRoot,
    env: { ...process.env, ...PORTS, KLYNGE_DATA_DIR: dataDir, KLYNGE_DEMO: demo },
    detached: true,
    stdio: 'ignore',
  });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeResidentBytes(child.pid!))), 100);
  await waitFor('the sample query to be answered', answersSampleQuery, { timeoutMs: 180_000, intervalMs: 100 });
  const readyS = (performance.now() - started) / 1000;
  const processes = processesOf(child.pid!);
  const atFirstAnswer = processes.reduce((total, { residentMiB }) => total + residentMiB, 0);
  // A few seconds of queries, then the resident memory of everything npm start runs.
  for (let index = 0; index < 50; index += 1) await answersSampleQuery();
  const settled = treeResidentBytes(child.pid!) / MIB;
  clearInterval(sampler);
  const exited = once(child, 'exit');
  process.kill(-child.pid!, 'SIGINT');
  await exited;
  return {
    label,
    demo,
    readyS,
    atFirstAnswerMiB: atFirstAnswer,
    settledMiB: settled,
    peakMiB: Math.max(peak / MIB, atFirstAnswer, settled),
    processes,
  };
}

async function main() {
  const factsDir = mkdtempSync(path.join(os.tmpdir(), 'klynge-bench-start-'));
  const syntheticDir = mkdtempSync(path.join(os.tmpdir(), 'klynge-bench-start-synthetic-'));
  try {
    const rows = [
      await measure('demo data, first start (fresh folder, loads it)', 'facts', factsDir),
      await measure('demo data, second start (same folder)', 'facts', factsDir),
      await measure('synthetic data, first start (generates it)', 'synthetic', syntheticDir),
    ];
    const first = (demo: Demo) => rows.find((row) => row.demo === demo)!;
    const goals = {
      demoUnder1GiB: { goalMiB: RESIDENT_GOAL_MIB.facts, residentMiB: first('facts').atFirstAnswerMiB },
      syntheticUnder1point2GiB: { goalMiB: RESIDENT_GOAL_MIB.synthetic, residentMiB: first('synthetic').atFirstAnswerMiB },
      readyWithin15s: { goalS: READY_GOAL_S, readyS: Math.max(...rows.map((row) => row.readyS)) },
    };
    const met = {
      demoUnder1GiB: goals.demoUnder1GiB.residentMiB < goals.demoUnder1GiB.goalMiB,
      syntheticUnder1point2GiB: goals.syntheticUnder1point2GiB.residentMiB < goals.syntheticUnder1point2GiB.goalMiB,
      readyWithin15s: goals.readyWithin15s.readyS < READY_GOAL_S,
    };

    const out = process.stdout;
    const [cores, load] = [
      os.cpus().length,
      os
        .loadavg()
        .map((value) => value.toFixed(1))
        .join(', '),
    ];
    out.write(`\nnpm start on ${cores} cores, load average ${load} (resident memory of the whole process tree)\n\n`);
    out.write(
      `${'start'.padEnd(48)}  ${'ready s'.padStart(8)}  ${'RSS MiB'.padStart(8)}  ${'settled'.padStart(8)}  ${'peak MiB'.padStart(8)}\n`,
    );
    for (const row of rows) {
      const figures = [row.readyS.toFixed(1), row.atFirstAnswerMiB.toFixed(0), row.settledMiB.toFixed(0), row.peakMiB.toFixed(0)];
      out.write(`${row.label.padEnd(48)}${figures.map((figure) => `  ${figure.padStart(8)}`).join('')}\n`);
    }
    out.write('\nRSS at the first answer, then after 50 more queries (settled); peak sampled every 100 ms from the command on.\n');
    out.write('Ready counts from the command (including the cached build check) to the first answered sample query.\n\n');
    for (const row of rows) {
      out.write(
        `At the first answer, ${row.label}: ${row.processes.map((each) => `${each.command} ${each.residentMiB.toFixed(0)} MiB`).join('; ')}\n`,
      );
    }
    const verdict = (ok: boolean) => (ok ? 'met' : 'not met');
    out.write(
      [
        '',
        `Goal: demo data under ${RESIDENT_GOAL_MIB.facts} MiB at the first answer: ${verdict(met.demoUnder1GiB)} (${goals.demoUnder1GiB.residentMiB.toFixed(0)} MiB)`,
        `Goal: synthetic data under ${RESIDENT_GOAL_MIB.synthetic.toFixed(0)} MiB at the first answer: ${verdict(met.syntheticUnder1point2GiB)} (${goals.syntheticUnder1point2GiB.residentMiB.toFixed(0)} MiB)`,
        `Goal: every start answers within ${READY_GOAL_S} s: ${verdict(met.readyWithin15s)} (slowest ${goals.readyWithin15s.readyS.toFixed(1)} s)`,
        '',
      ].join('\n'),
    );
    writeBenchFigures({
      machine: { cores, loadAverage: os.loadavg() },
      rows,
      goals: Object.fromEntries(Object.entries(goals).map(([name, goal]) => [name, { ...goal, met: met[name as keyof typeof met] }])),
    });
  } finally {
    rmSync(factsDir, { recursive: true, force: true });
    rmSync(syntheticDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
