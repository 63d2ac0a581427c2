/**
 * `npm run bench:events`: the event path measured on the real PostgreSQL and Kafka. Events are
 * written through the outbox here (a unit of work per event, as a service's mutation writes them),
 * relayed to Kafka by the outbox relay, and applied by the idempotent consumer of a service running
 * as another process (the platform's sample service) into its own database. Prints, and writes as
 * JSON to the file BENCH_OUT names:
 *
 * 1. the cost of an outbox write: the same write with and without its event, one at a time, as
 *    a transaction alone (a database no relay reads) and with the relay publishing in the same
 *    process (each commit wakes it);
 * 2. propagation latency at a steady rate: from each write's commit to its event taking effect in
 *    the consumer's database (the consumer records clock_timestamp(); one machine, one clock);
 * 3. sustained throughput: as many events as writers can write, until the last has taken effect,
 *    with one event per transaction (a mutation's) and with BENCH_BATCH per transaction (an import's);
 * 4. catch-up: how fast a consumer applies a backlog published while it was away.
 *
 * 1-3 for each outbox, the table outbox and the WAL outbox, both on a PostgreSQL of the
 * benchmark's own started with wal_level = logical (the WAL outbox needs it; the shared server
 * runs with replica), with fsync on, so that a commit costs what it costs on a real server. The
 * consumer's database, and 4, are on the PostgreSQL of DATABASE_URL.
 *
 * Asserts nothing. Settings: BENCH_WRITES (2,000 each way), BENCH_RATE (events/s, 200),
 * BENCH_RATE_SECONDS (10), BENCH_EVENTS (20,000), BENCH_WRITERS (8), BENCH_BATCH (100),
 * BENCH_CATCH_UP (10,000). BENCH_PROFILE, a folder: where the time goes, for each throughput
 * phase the writers' PostgreSQL's statements (pg_stat_statements) as JSON, and the consumer
 * process's CPU profile (node --cpu-prof); run the benchmark itself with --cpu-prof for the
 * writers' and the relay's.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { waitFor } from '@klynge/async';
import {
  benchSetting,
  createTestDatabase,
  percentile,
  provideInfrastructure,
  readKafkaCredentials,
  startDedicatedPostgres,
  type TestDatabase,
} from '@klynge/test-infrastructure';
import { createDataSource, runMigrations } from '../database';
import { TopicNames } from '../events';
import { createLogger } from '../logging';
import { chooseOutboxStorage, Outbox, type OutboxStorage, UnitOfWork, walOutboxNames } from '../outbox';
import { measureCatchUp } from '../test-fixtures/catch-up';
import { type PlatformUnderTest, startPlatformUnderTest } from '../test-fixtures/platform-under-test';
import { SampleProcesses } from '../test-fixtures/sample-process';
import { sampleEventSchemas, TallyIncremented } from '../test-fixtures/sample-events';
import { CreateTallies1795400000001, incrementTally } from '../test-fixtures/tally-model';

const WRITES = benchSetting('BENCH_WRITES', 2_000);
const RATE = benchSetting('BENCH_RATE', 200);
const RATE_SECONDS = benchSetting('BENCH_RATE_SECONDS', 10);
const EVENTS = benchSetting('BENCH_EVENTS', 20_000);
const WRITERS = benchSetting('BENCH_WRITERS', 8);
const BATCH = benchSetting('BENCH_BATCH', 100);
const CATCH_UP = benchSetting('BENCH_CATCH_UP', 10_000);
const PROFILE = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : undefined;

/** Wall-clock milliseconds with a fraction, comparable with PostgreSQL's clock_timestamp() on this machine. */
const now = () => performance.timeOrigin + performance.now();

function percentiles(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p90: percentile(sorted, 0.9), p99: percentile(sorted, 0.99), max: percentile(sorted, 1) };
}

/**
 * The same transaction without an event and with its event through each of `withEvent`'s units of
 * work, alternating in blocks so that drift (and the load of whatever else runs on the machine)
 * hits them all alike.
 */
async function measureWriteCosts<K extends string>(plainWriter: UnitOfWork, withEvent: Readonly<Record<K, UnitOfWork>>) {
  const timed = async (write: () => Promise<void>) => {
    const started = performance.now();
    await write();
    return performance.now() - started;
  };
  const plain: number[] = [];
  const names = Object.keys(withEvent) as K[];
  const eventful = new Map<K, number[]>(names.map((name) => [name, []]));
  const block = 100;
  for (let done = 0; done < WRITES; done += block) {
    for (let index = 0; index < block; index += 1) {
      const tallyId = randomUUID();
      plain.push(
        await timed(() =>
          plainWriter.run(async ({ manager }) => {
            await manager.query(
              `INSERT INTO tallies (tally_id, count) VALUES ($1, 1) ON CONFLICT (tally_id) DO UPDATE SET count = tallies.count + 1`,
              [tallyId],
            );
          }),
        ),
      );
    }
    for (const name of names) {
      for (let index = 0; index < block; index += 1)
        eventful.get(name)!.push(await timed(() => incrementTally(withEvent[name], randomUUID(), 1)));
    }
  }
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const withoutEventMs = { mean: mean(plain), ...percentiles(plain) };
  return Object.fromEntries(
    names.map((name) => {
      const times = eventful.get(name)!;
      return [
        name,
        {
          writes: plain.length,
          withoutEventMs,
          withEventMs: { mean: mean(times), ...percentiles(times) },
          ratio: mean(times) / mean(plain),
        },
      ];
    }),
  ) as Record<K, WriteCost>;
}

interface WriteCost {
  readonly writes: number;
  readonly withoutEventMs: ReturnType<typeof percentiles> & { mean: number };
  readonly withEventMs: ReturnType<typeof percentiles> & { mean: number };
  readonly ratio: number;
}

/**
 * The write cost of both outboxes as the transaction alone: one database (on `server`) that no
 * relay reads, its writes without an event, with one through the table outbox and with one
 * through the WAL outbox, interleaved.
 */
async function measureIsolatedWriteCosts(server: string) {
  const db = await createTestDatabase('bench-events-writes', server);
  const logger = createLogger({ service: 'bench-events-writes', level: 'warn' });
  const dataSource = createDataSource({
    url: db.url,
    applicationName: 'bench-events-writes',
    entities: [],
    migrations: [CreateTallies1795400000001],
    logger,
  });
  const query = <R>(sql: string, params?: unknown[]) => dataSource.query<R[]>(sql, params);
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    const writer = (storage: OutboxStorage) => {
      const outbox = new Outbox({ source: '/klynge/sample', schemas: sampleEventSchemas(), topics: new TopicNames('bench.') });
      outbox.use(storage);
      return new UnitOfWork(dataSource, outbox);
    };
    if ((await chooseOutboxStorage(query, logger)) !== 'wal') throw new Error(`The WAL outbox is not available on ${server}`);
    return await measureWriteCosts(writer('table'), { table: writer('table'), wal: writer('wal') });
  } finally {
    // A database with a replication slot cannot be dropped.
    if (dataSource.isInitialized) await query('SELECT pg_drop_replication_slot($1)', [(await walOutboxNames(query)).slot]);
    if (dataSource.isInitialized) await dataSource.destroy();
    await db.drop();
  }
}

/** Linux's clock ticks per second, in which /proc/<pid>/stat counts CPU time. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU milliseconds used so far by each process tree named (a process and all its descendants, and
 * the descendants it has waited for), from /proc: where the benchmark's CPU goes.
 */
function cpuMillis(roots: Readonly<Record<string, number | undefined>>): Record<string, number> {
  const processes = new Map<number, { parent: number; own: number; children: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // After the command's name (in parentheses, which may hold anything): state, ppid, ..., utime (14), stime, cutime, cstime.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = (index: number) => Number(fields[index - 3]);
    processes.set(Number(entry), { parent: ticks(4), own: ticks(14) + ticks(15), children: ticks(16) + ticks(17) });
  }
  const treeTicks = (root: number): number => {
    let total = (processes.get(root)?.own ?? 0) + (processes.get(root)?.children ?? 0);
    for (const [pid, process] of processes) if (process.parent === root) total += treeTicks(pid);
    return total;
  };
  return Object.fromEntries(
    Object.entries(roots).map(([name, pid]) => [name, pid === undefined ? 0 : (treeTicks(pid) * 1_000) / CLOCK_TICKS_PER_SECOND]),
  );
}

/**
 * EVENTS events, one per new tally, written by WRITERS writers `perTransaction` to a transaction
 * (1: a mutation's; more: an import's), until the consumer in the other process has applied them all.
 * `processes`: the process trees whose CPU time per event it reports.
 */
async function measureThroughput(
  platform: PlatformUnderTest,
  consumerDb: TestDatabase,
  perTransaction: number,
  processes: Readonly<Record<string, number | undefined>>,
) {
  const tallies = Array.from({ length: EVENTS }, () => randomUUID());
  const cpuBefore = cpuMillis(processes);
  const relayBefore = platform.relay.published;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < tallies.length) {
        const batch = tallies.slice(next, next + perTransaction);
        next += batch.length;
        if (batch.length === 1) {
          await incrementTally(platform.unitOfWork, batch[0]!, 1);
          continue;
        }
        await platform.unitOfWork.run(async ({ manager, publish }) => {
          await manager.query(`INSERT INTO tallies (tally_id, count) SELECT id, 1 FROM unnest($1::uuid[]) AS id`, [batch]);
          for (const tallyId of batch) await publish(TallyIncremented, { subject: tallyId, data: { tallyId, sequence: 1 } });
        });
      }
    }),
  );
  const writeSeconds = (performance.now() - started) / 1_000;
  const applied = async () =>
    Number(
      (await consumerDb.query<{ count: string }>('SELECT count(*) FROM tally_arrivals WHERE tally_id = ANY($1::uuid[])', [tallies]))[0]!
        .count,
    );
  await waitFor(`every event to take effect`, async () => (await applied()) === EVENTS, { timeoutMs: 300_000, intervalMs: 50 });
  const seconds = (performance.now() - started) / 1_000;
  const cpuAfter = cpuMillis(processes);
  const relayAfter = platform.relay.published;
  const relayRequests = relayAfter.requests - relayBefore.requests;
  const eventsPerRelayRequest = (relayAfter.events - relayBefore.events) / relayRequests;
  const cpuMsPerEvent = Object.fromEntries(Object.keys(processes).map((name) => [name, (cpuAfter[name]! - cpuBefore[name]!) / EVENTS]));
  return {
    events: EVENTS,
    writers: WRITERS,
    eventsPerTransaction: perTransaction,
    writtenPerSecond: Math.round(EVENTS / writeSeconds),
    endToEndPerSecond: Math.round(EVENTS / seconds),
    seconds,
    cpuMsPerEvent,
    relayRequests,
    eventsPerRelayRequest,
  };
}

/**
 * With BENCH_PROFILE: the statements `db`'s server ran during `phase`, by total time, written to
 * pg-statements-<phase>.json there (the writes' statements; the WAL sender's decoding is not a
 * statement, its CPU is in the server's CPU per event).
 */
async function profiled<T>(db: TestDatabase, phase: string, run: () => Promise<T>): Promise<T> {
  if (!PROFILE) return run();
  await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await db.query('SELECT pg_stat_statements_reset()');
  const result = await run();
  const statements = await db.query(
    `SELECT calls, round(total_exec_time::numeric, 1) AS total_ms, round(mean_exec_time::numeric, 4) AS mean_ms, rows,
            wal_records, wal_bytes, left(query, 200) AS query
       FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 25`,
  );
  writeFileSync(path.join(PROFILE, `pg-statements-${phase}.json`), `${JSON.stringify(statements, null, 2)}\n`);
  return result;
}

/** Where the consumer process's read model has the events of `tallyIds` (one event per tally), with when each arrived. */
async function arrivals(consumerDb: TestDatabase, tallyIds: readonly string[]) {
  const rows = await consumerDb.query<{ tally_id: string; at: number }>(
    `SELECT tally_id, extract(epoch FROM arrived_at)::float8 * 1000 AS at FROM tally_arrivals WHERE tally_id = ANY($1::uuid[])`,
    [tallyIds],
  );
  return new Map(rows.map((row) => [row.tally_id, Number(row.at)]));
}

async function main(): Promise<void> {
  // The PostgreSQL and Kafka of DATABASE_URL and KAFKA_BROKERS, or the infra scripts' (started if need be).
  const infrastructure = await provideInfrastructure(process.env);
  process.env.DATABASE_URL = infrastructure.databaseUrl;
  process.env.KAFKA_BROKERS = infrastructure.kafkaBrokers;
  if (infrastructure.kafkaCredentialsFile && process.env.KAFKA_USERNAME === undefined) {
    // The run's topics are its own (a prefix no ACL names): it writes and reads them as the admin.
    const admin = readKafkaCredentials(infrastructure.kafkaCredentialsFile, 'admin');
    process.env.KAFKA_USERNAME = admin.username;
    process.env.KAFKA_PASSWORD = admin.password;
  }
  try {
    await measure();
  } finally {
    await infrastructure.stop();
  }
}

const printCost = (label: string, cost: WriteCost) =>
  process.stdout.write(
    `  ${label}: without an event mean ${cost.withoutEventMs.mean.toFixed(2)} ms (p50 ${cost.withoutEventMs.p50.toFixed(2)}), ` +
      `with its event mean ${cost.withEventMs.mean.toFixed(2)} ms (p50 ${cost.withEventMs.p50.toFixed(2)}): ${cost.ratio.toFixed(2)}x (goal <= 1.2x)\n`,
  );

async function measure(): Promise<void> {
  // The WAL outbox needs wal_level = logical, which the shared server does not run with (and must
  // not be restarted for): a server of the benchmark's own, committing to disk as a real one does.
  const logical = await startDedicatedPostgres('bench-events-wal', {
    settings: {
      wal_level: 'logical',
      fsync: 'on',
      full_page_writes: 'on',
      shared_buffers: '128MB',
      ...(PROFILE && { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' }),
    },
  });
  if (PROFILE) mkdirSync(PROFILE, { recursive: true });
  // Its server's processes are all the benchmark's: their CPU time is the writes' and the relay's.
  const postmaster = Number(readFileSync(path.join(logical.home, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  try {
    process.stdout.write(`Outbox write cost, the transaction alone: ${WRITES} writes each way, one at a time, interleaved...\n`);
    const alone = await measureIsolatedWriteCosts(logical.url);
    process.stdout.write('The table outbox (outbox_events), on a PostgreSQL with wal_level = logical:\n');
    const table = await measureOutbox('table', logical.url, postmaster, alone.table);
    process.stdout.write('The WAL outbox (pg_logical_emit_message, logical decoding), on the same PostgreSQL:\n');
    const wal = await measureOutbox('wal', logical.url, postmaster, alone.wal);

    process.stdout.write(`Catch-up: a ${CATCH_UP}-event backlog applied by a consumer started after it was published...\n`);
    const catchUpPlatform = await startPlatformUnderTest('bench-events-catch-up');
    let catchUp;
    try {
      catchUp = await measureCatchUp(catchUpPlatform, CATCH_UP);
    } finally {
      await catchUpPlatform.close();
    }
    process.stdout.write(`  ${catchUp.eventsPerSecond} events/s (${catchUp.seconds.toFixed(2)} s)\n`);

    process.stdout.write(
      `Goals, the WAL outbox: write cost ${wal.writeCost.transactionAlone.ratio.toFixed(2)}x the write alone (goal <= 1.2x; ` +
        `the table outbox ${table.writeCost.transactionAlone.ratio.toFixed(2)}x), ` +
        `${wal.throughput.endToEndPerSecond} events/s end to end with one event per transaction (goal >= 5,000; ` +
        `the table outbox ${table.throughput.endToEndPerSecond})\n`,
    );
    if (process.env.BENCH_OUT) {
      const { writeCost, propagation, throughput, batchedThroughput } = table;
      const figures = { benchmark: 'events', writeCost, propagation, throughput, batchedThroughput, walOutbox: wal, catchUp };
      writeFileSync(process.env.BENCH_OUT, `${JSON.stringify(figures, null, 2)}\n`);
    }
  } finally {
    await logical.destroy();
  }
}

/** Write cost, propagation and throughput through one outbox, its database on `server`. */
async function measureOutbox(storage: OutboxStorage, server: string, postmaster: number, transactionAlone: WriteCost) {
  // Writes as the sample service would (its consumers trust events from their own service only).
  // A connection for each writer: they write side by side, as several requests to a service do.
  const platform = await startPlatformUnderTest('bench-events', {
    source: '/klynge/sample',
    postgres: server,
    outbox: storage,
    poolSize: Math.max(WRITERS, 10),
  });
  const consumerDb = await createTestDatabase('bench-events-consumer');
  const processes = new SampleProcesses();
  try {
    if (platform.outboxStorage !== storage) throw new Error(`The ${storage} outbox is not available on ${server}`);
    // The consumer: another process, its own database (on DATABASE_URL's server), the topics of the writer here.
    const consumer = await processes.start({
      databaseUrl: consumerDb.url,
      topicPrefix: platform.topics.prefix,
      logLevel: process.env.LOG_LEVEL ?? 'fatal',
      ...(PROFILE && { env: { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${PROFILE} --cpu-prof-name=consumer-${storage}.cpuprofile` } }),
    });
    await consumer.ready().catch((error: unknown) => {
      throw new Error(
        `The consumer process did not start: ${String(error)}\n${consumer.output.stderr.slice(-2_000)}${consumer.output.stdout.slice(-2_000)}`,
      );
    });
    const arrived = async (tallyIds: readonly string[]) => arrivals(consumerDb, tallyIds);
    // Warm up: the first event waits for the consumer's partition assignment.
    const warmUp = randomUUID();
    await incrementTally(platform.unitOfWork, warmUp, 1);
    await waitFor('the consumer to apply a first event', async () => (await arrived([warmUp])).size === 1, { timeoutMs: 120_000 }).catch(
      (error: unknown) => {
        throw new Error(`${String(error)}\n${consumer.output.stdout.slice(-3_000)}`);
      },
    );

    process.stdout.write(`Outbox write cost: ${WRITES} writes each way, one at a time...\n`);
    printCost('the transaction alone', transactionAlone);
    const { withRelay } = await measureWriteCosts(platform.unitOfWork, { withRelay: platform.unitOfWork });
    printCost('with the relay publishing', withRelay);

    process.stdout.write(`Propagation at a steady ${RATE} events/s for ${RATE_SECONDS} s...\n`);
    const written = new Map<string, number>();
    const writes: Promise<void>[] = [];
    const started = now();
    for (let index = 0; index < RATE * RATE_SECONDS; index += 1) {
      // Paced by the clock, not by the writes: a slow write does not slow the offered rate.
      const due = started + (index * 1_000) / RATE;
      const early = due - now();
      if (early > 0) await delay(early);
      const tallyId = randomUUID();
      writes.push(incrementTally(platform.unitOfWork, tallyId, 1).then(() => void written.set(tallyId, now())));
    }
    await Promise.all(writes);
    const paced = [...written.keys()];
    const landed = await waitFor(
      'every paced event to take effect',
      async () => {
        const found = await arrived(paced);
        return found.size === paced.length && found;
      },
      { timeoutMs: 120_000, intervalMs: 100 },
    );
    const latencies = paced.map((tallyId) => landed.get(tallyId)! - written.get(tallyId)!);
    const latency = percentiles(latencies);
    process.stdout.write(
      `  commit to applied in the other process: p50 ${latency.p50.toFixed(1)} ms, p90 ${latency.p90.toFixed(1)} ms, ` +
        `p99 ${latency.p99.toFixed(1)} ms, max ${latency.max.toFixed(1)} ms (goal p50 <= 10, p99 <= 50)\n`,
    );

    process.stdout.write(
      `Sustained throughput: ${EVENTS} events from ${WRITERS} concurrent writers, each a transaction at a time on a connection ` +
        `of its own...\n`,
    );
    // Kafka and the consumer's PostgreSQL are shared (with other runs, other tests): not counted.
    const measured = { 'writers and relay': process.pid, consumer: consumer.child.pid, "writers' PostgreSQL": postmaster };
    const printCpu = (figures: { cpuMsPerEvent: Record<string, number>; relayRequests: number; eventsPerRelayRequest: number }) =>
      process.stdout.write(
        `    CPU per event: ${Object.entries(figures.cpuMsPerEvent)
          .map(([name, ms]) => `${name} ${ms.toFixed(3)} ms`)
          .join(', ')}; the relay published with ${figures.relayRequests} requests, ` +
          `${figures.eventsPerRelayRequest.toFixed(1)} events each\n`,
      );
    const throughput = await profiled(platform.db, `${storage}-1`, () => measureThroughput(platform, consumerDb, 1, measured));
    process.stdout.write(
      `  one event per transaction: written ${throughput.writtenPerSecond} events/s; written, relayed and applied: ` +
        `${throughput.endToEndPerSecond} events/s (${throughput.seconds.toFixed(2)} s; goal >= 5,000)\n`,
    );
    printCpu(throughput);
    const batchedThroughput = await profiled(platform.db, `${storage}-${BATCH}`, () =>
      measureThroughput(platform, consumerDb, BATCH, measured),
    );
    process.stdout.write(
      `  ${BATCH} events per transaction: written ${batchedThroughput.writtenPerSecond} events/s; written, relayed and applied: ` +
        `${batchedThroughput.endToEndPerSecond} events/s (${batchedThroughput.seconds.toFixed(2)} s)\n`,
    );
    printCpu(batchedThroughput);
    // Node writes the CPU profile when the process exits of itself: a service does so on SIGTERM.
    if (PROFILE) await consumer.kill('SIGTERM');
    return {
      writeCost: { transactionAlone, withRelay },
      propagation: { rate: RATE, seconds: RATE_SECONDS, events: latencies.length, latencyMs: latency },
      throughput,
      batchedThroughput,
    };
  } finally {
    await processes.killAll();
    await platform.close();
    await consumerDb.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
