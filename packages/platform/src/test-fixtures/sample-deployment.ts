import { randomUUID } from 'node:crypto';
import type { DeliveredMessage, Subscription } from '@klynge/broker';
import { KafkaBroker } from '@klynge/broker-kafka';
import {
  createTestDatabase,
  kafkaConnection,
  type TestDatabase,
  uniqueName,
  uniqueTopicPrefix,
  waitFor,
} from '@klynge/test-infrastructure';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../database';
import { TopicNames } from '../events';
import { createLogger, type Logger } from '../logging';
import { Outbox, UnitOfWork } from '../outbox';
import { sampleEventSchemas, TallyIncremented } from './sample-events';
import { type SampleInstance, SampleProcesses } from './sample-process';
import { incrementTally } from './tally-model';

/** What the sample service logs (at debug) for each redelivered event its consumer skipped. */
export const DELIVERY_IGNORED = 'Event already consumed; delivery ignored';
/** What it logs (at info) when its outbox relay takes the lock and publishes. */
export const RELAY_LEADING = 'Outbox relay is publishing for this database';
const DEAD_LETTERED = 'Event sent to the dead-letter topic';

/**
 * The sample service deployed as processes of its own on one database and one topic prefix,
 * with the test writing into the same outbox (as another instance of the service would) and
 * reading the same topic (as a partner would).
 */
export interface SampleDeployment {
  readonly db: TestDatabase;
  readonly topics: TopicNames;
  /** The physical topic of TallyIncremented. */
  readonly tallyTopic: string;
  /** The consumer group of the sample service's tally-totals consumer. */
  readonly consumerGroup: string;
  /** The test's own Kafka client (admin questions, reading the topic). */
  readonly broker: KafkaBroker;
  readonly processes: SampleProcesses;
  /** Starts one more sample service on this database and prefix (LOG_LEVEL debug by default). */
  start(logLevel?: string): Promise<SampleInstance>;
  /** Writes as the service does, through its outbox; call once an instance has migrated the database. */
  writer(): Promise<UnitOfWork>;
  count(sql: string): Promise<number>;
  /** `events` TallyIncremented events, one per new tally, written by `writers` at once. */
  burst(events: number, writers: number, options?: { mayWrite?: (written: number) => boolean }): Burst;
  /** The tally topic as a partner reads it: how many messages it holds and how many distinct events. */
  readTallyTopic(): Promise<{ onTopic: number; distinctEvents: number }>;
  /** From every instance's logs: redeliveries its consumer skipped, events it dead-lettered. */
  logFigures(): { deliveriesIgnored: number; deadLettered: number };
  close(): Promise<void>;
}

export interface Burst {
  /** How many writes have been started (each commits one tally and its event). */
  readonly written: () => number;
  /** Resolves once every write has committed. */
  readonly done: Promise<void>;
}

export async function startSampleDeployment(label: string): Promise<SampleDeployment> {
  const db = await createTestDatabase(label);
  const topicPrefix = uniqueTopicPrefix(label);
  const topics = new TopicNames(topicPrefix);
  const logger: Logger = createLogger({ service: label, level: (process.env.LOG_LEVEL ?? 'warn') as 'warn' });
  const broker = new KafkaBroker({ ...kafkaConnection(), clientId: label, logger });
  const processes = new SampleProcesses();
  let dataSource: DataSource | undefined;
  let unitOfWork: UnitOfWork | undefined;
  const subscriptions: Subscription[] = [];
  let closed = false;

  const count = async (sql: string) => Number((await db.query<{ count: string }>(sql))[0]!.count);

  return {
    db,
    topics,
    tallyTopic: topics.topic(TallyIncremented.topic),
    consumerGroup: topics.consumerGroup('sample', 'tally-totals'),
    broker,
    processes,
    start: (logLevel = 'debug') => processes.start({ databaseUrl: db.url, topicPrefix, logLevel }),
    async writer() {
      if (unitOfWork) return unitOfWork;
      // The schema is the service's: its instances migrate the database, the test only writes.
      dataSource = createDataSource({ url: db.url, applicationName: `${label}-writer`, entities: [], migrations: [], logger });
      await dataSource.initialize();
      unitOfWork = new UnitOfWork(dataSource, new Outbox({ source: '/klynge/sample', schemas: sampleEventSchemas(), topics }));
      return unitOfWork;
    },
    count,
    burst(events, writers, options = {}) {
      if (!unitOfWork) throw new Error('Call writer() before a burst');
      const target = unitOfWork;
      const mayWrite = options.mayWrite ?? (() => true);
      let written = 0;
      const write = async () => {
        while (written < events && !closed) {
          if (!mayWrite(written)) {
            await waitFor('the service to let the writers go on', () => closed || written >= events || mayWrite(written), {
              timeoutMs: 120_000,
              intervalMs: 5,
            });
            continue;
          }
          written += 1;
          await incrementTally(target, randomUUID(), 1);
        }
      };
      const done = Promise.all(Array.from({ length: writers }, write)).then(() => undefined);
      // Awaited by the test; a failure it never got to await must not be reported unhandled too.
      done.catch(() => undefined);
      return { written: () => written, done };
    },
    async readTallyTopic() {
      const perPartition = await broker.messagesPerPartition(topics.topic(TallyIncremented.topic));
      const onTopic = [...perPartition.values()].reduce((sum, messages) => sum + messages, 0);
      const messages: DeliveredMessage[] = [];
      const subscription = await broker.subscribe({
        groupId: topics.consumerGroup('reader', uniqueName('reader')),
        topics: [topics.topic(TallyIncremented.topic)],
        handle: (message) => {
          messages.push(message);
          return Promise.resolve();
        },
      });
      subscriptions.push(subscription);
      const positions = () => new Set(messages.map((message) => `${message.partition}:${message.offset}`)).size;
      await waitFor('a reader to read the whole topic', () => positions() >= onTopic, { timeoutMs: 120_000 });
      await subscription.close();
      const distinctEvents = new Set(messages.map((message) => (JSON.parse(message.value) as { id: string }).id)).size;
      return { onTopic, distinctEvents };
    },
    logFigures() {
      const lines = processes.started.flatMap((instance) => instance.logLines());
      return {
        deliveriesIgnored: lines.filter((line) => line.msg === DELIVERY_IGNORED).length,
        deadLettered: lines.filter((line) => line.msg === DEAD_LETTERED).length,
      };
    },
    async close() {
      closed = true;
      try {
        await processes.killAll();
      } finally {
        await Promise.allSettled(subscriptions.map((subscription) => subscription.close()));
        await broker.close().catch(() => undefined);
        if (dataSource?.isInitialized) await dataSource.destroy().catch(() => undefined);
        await db.drop();
      }
    },
  };
}

/** What every fault test of the sample deployment asserts at the end: each event took effect once. */
export async function effectFigures(deployment: SampleDeployment) {
  const { count } = deployment;
  return {
    tallies: await count('SELECT count(*) FROM tallies'),
    applied: await count('SELECT count(*) FROM tally_totals'),
    appliedOtherThanOnce: await count('SELECT count(*) FROM tally_totals WHERE applied <> 1'),
    arrivals: await count('SELECT count(*) FROM tally_arrivals'),
    handled: await count(`SELECT count(*) FROM consumed_events WHERE outcome = 'handled'`),
    deadLettered: await count(`SELECT count(*) FROM consumed_events WHERE outcome = 'dead-lettered'`),
    inOutbox: await count('SELECT count(*) FROM outbox_events'),
  };
}
