// npm run bench:events: how fast a consumer catches up a backlog on the real PostgreSQL and Kafka.
// Prints the figures and, when BENCH_OUT names a file, writes them there as JSON. Asserts nothing.
import { writeFileSync } from 'node:fs';
import { measureCatchUp } from '../test-fixtures/catch-up';
import { startHarness } from '../test-fixtures/harness';

async function main(): Promise<void> {
  const events = Number(process.env.BENCH_EVENTS ?? 10_000);
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const results = [];
  for (let run = 1; run <= runs; run += 1) {
    const harness = await startHarness(`bench-events-${run}`);
    try {
      const figures = await measureCatchUp(harness, events);
      results.push(figures);
      process.stdout.write(
        `run ${run}: ${figures.events} events caught up in ${figures.seconds.toFixed(2)} s: ${figures.eventsPerSecond} events/s\n`,
      );
    } finally {
      await harness.close();
    }
  }
  const rates = results.map((figures) => figures.eventsPerSecond).sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)]!;
  process.stdout.write(`catch-up of a ${events}-event backlog: median ${median} events/s over ${runs} runs (target: 2000)\n`);
  if (process.env.BENCH_OUT)
    writeFileSync(
      process.env.BENCH_OUT,
      `${JSON.stringify({ benchmark: 'events-catch-up', events, runs: results, medianEventsPerSecond: median }, null, 2)}\n`,
    );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
