import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as pace } from 'node:timers/promises';
import { promisify } from 'node:util';
import type { DeliveredMessage } from '@klynge/broker';
import { KafkaBroker, kafkaBroker } from '@klynge/broker-kafka';
import { BudgetAllocated, ProgrammeCreated } from '@klynge/contracts';
import { type Service, TopicNames } from '@klynge/platform';
import { testCallers } from '@klynge/subgraph-under-test';
import { loadSubgraphs } from '@klynge/subgraph-registry';
import {
  type DedicatedPostgres,
  kafkaConnection,
  kafkaEnvironment,
  startDedicatedPostgres,
  uniqueName,
  waitFor,
  withDatabase,
  writeBenchFigures,
} from '@klynge/test-infrastructure';
import pg from 'pg';
import type { Gateway } from './server';
import { gatewayClient, type GraphUnderTest, startGraphUnderTest, subgraphSecret, TEST_JWT_SECRET } from './test-support/graph-under-test';

const run = promisify(execFile);

/** The subgraph whose database is lost and restored: it keeps read models of the clusters' events, and competence reads its events. */
const RESTORED = 'funding';
/** Another keeper of the same read models (the clusters directory), never restored: what the restored one must agree with. */
const REPLICA = 'research';
/** Units written by each writer before the backup, between stopping the relay and the backup, after the backup, and after the relay is back. */
const BEFORE_BACKUP = 6;
const PENDING_AT_BACKUP = 4;
const AFTER_BACKUP = 4;
const AFTER_RELAY_BACK = 4;
/** The setup's programme and its call: a ProgrammeCreated and a CallOpened on the programme topic, before any unit. */
const SETUP_PROGRAMME_EVENTS = 2;
/** Between two units of a writer: a client's pace, so the load stays bounded on two cores. */
const PACE_MS = 40;
/** What the restored service's read models must agree on with the replica's. */
const READ_MODEL_SQL = {
  cluster_directory: 'SELECT cluster_id, name, level, level_until, county_code FROM cluster_directory ORDER BY cluster_id',
  organization_directory: 'SELECT * FROM organization_directory ORDER BY org_number',
  membership_directory: 'SELECT * FROM membership_directory ORDER BY membership_id',
};

const caseworker = testCallers.caseworker('innovasjon-norge');
const { admin } = testCallers;

/** A funding programme and its budget, written through the gateway: the programme commits first, the budget's event with the budget. */
interface ProgrammeWrite {
  readonly code: string;
  readonly sentAt: number;
  readonly createdAt: number;
  readonly budgetAt: number;
}

interface ClusterWrite {
  readonly id: string;
  readonly name: string;
  readonly sentAt: number;
  readonly at: number;
}

interface Dump {
  readonly subgraph: string;
  readonly file: string;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly bytes: number;
}

/**
 * The restore drill (issue 29): every subgraph's database backed up with pg_dump while the graph
 * keeps taking writes, one of them (funding) then lost and restored from its backup into a fresh
 * PostgreSQL of this test's own, and the service brought back on it, on the same Kafka topics
 * and consumer groups. What the drill shows, and the runbook (docs/operations.md) says:
 *
 * - The restored service's own data is as of the backup: what was written after it is lost
 *   (programmes created after the backup are gone), although its events are on the topics, so
 *   other services still know of those entities (competence's programme directory). The graph
 *   answers null for them: asked directly, without an error; reached through another subgraph's
 *   reference, with a NOT_FOUND error naming the entity. The service runs on.
 * - Its read models catch up by themselves: the consumers' positions are in the restored
 *   database, behind the consumer groups' offsets in Kafka, and the consumers read again from
 *   their own positions (see ConsumerRunner); afterwards they hold what the replica holds.
 * - The outbox publishes nothing again that was published before the backup (published rows are
 *   deleted, so the dump does not have them). Rows written before the backup and published after
 *   it are in the dump and published once more: the topic then has those events twice, with the
 *   same ids, and the consumers apply them once. To make that window certain rather than a race
 *   of milliseconds, the drill stops funding's relay shortly before the backup and restarts the
 *   service after it.
 */
describe('a restore drill: every database backed up under writes, one restored into a fresh PostgreSQL', () => {
  let graph: GraphUnderTest | undefined;
  let gateway: Gateway | undefined;
  let postgres: DedicatedPostgres | undefined;
  let restored: Service | undefined;
  let restoredDb: pg.Pool | undefined;
  let broker: KafkaBroker | undefined;
  let dumpFolder: string | undefined;
  const readers: { close(): Promise<void> }[] = [];

  afterAll(async () => {
    await Promise.all(readers.map((reader) => reader.close()));
    await restored?.stop();
    await gateway?.stop();
    await graph?.close();
    await restoredDb?.end();
    await broker?.close();
    await postgres?.destroy();
    if (dumpFolder) await rm(dumpFolder, { recursive: true, force: true });
  });

  it('loses what was written after the backup, catches the read models up from the topics, publishes twice only what was pending, and answers as the replica does', async () => {
    const began = Date.now();
    graph = await startGraphUnderTest('restore_drill');
    gateway = await graph.gatewayOver();
    const client = gatewayClient(await gateway.start());
    const ok = async <T>(query: string, variables: Record<string, unknown>, caller?: Parameters<typeof client.gq>[2]) =>
      client.ok(await client.gq<T>(query, variables, caller));
    const original = graph.subgraphs.get(RESTORED)!;
    const replica = graph.subgraphs.get(REPLICA)!;
    broker = new KafkaBroker({ ...kafkaConnection(), clientId: uniqueName('restore-drill') });
    dumpFolder = await mkdtemp(path.join(tmpdir(), 'klynge-restore-drill-'));

    // What the writes need: an agency, a programme with an open call for NCE clusters (the two
    // events SETUP_PROGRAMME_EVENTS counts), a cluster.
    await ok(
      `mutation { registerAgency(input: { code: "innovasjon-norge", name: "Innovasjon Norge", kind: INNOVATION_NORWAY }) { code } }`,
      {},
      admin,
    );
    await ok(
      `mutation { createProgramme(input: { code: "DRILL-CALLS", name: "Restore drill calls (generated)", agencyCode: "innovasjon-norge", eligibleClusterLevels: [NCE], periodStart: "2025-01-01" }) { code } }`,
      {},
      caseworker,
    );
    const { openCall } = await ok<{ openCall: { id: string } }>(
      `mutation { openCall(input: { programmeCode: "DRILL-CALLS", title: "Restore drill (generated)", opensOn: "2025-01-01", closesAt: "2099-01-01T00:00:00Z" }) { id } }`,
      {},
      caseworker,
    );
    const setUpMs = Date.now() - began;

    // The load: one writer registers clusters (events every subgraph's read models take), the
    // other creates funding programmes with a budget each (funding's own data; the budget's
    // event goes to competence). Each unit of a writer is acknowledged before the next.
    const clusters: ClusterWrite[] = [];
    const programmes: ProgrammeWrite[] = [];
    const failures: string[] = [];
    let running = true;
    /** Set while funding's writer must hold off (funding restarting); it waits between two units. */
    let fundingHeld: Promise<void> | undefined;
    let fundingWriterWaiting = false;
    const clusterWriter = async () => {
      for (let n = 1; running; n += 1) {
        const name = `Restore drill cluster ${n} (generated)`;
        const sentAt = Date.now();
        const answer = await client.gq<{ registerCluster: { id: string } }>(
          `mutation($input: RegisterClusterInput!) { registerCluster(input: $input) { id } }`,
          { input: { name, level: 'NCE', levelSince: '2020-01-01', countyCode: '34' } },
          admin,
        );
        if (answer.errors || !answer.data) failures.push(`registerCluster ${n}: ${JSON.stringify(answer.errors)}`);
        else clusters.push({ id: answer.data.registerCluster.id, name, sentAt, at: Date.now() });
        await pace(PACE_MS);
      }
    };
    const programmeWriter = async () => {
      for (let n = 1; running; n += 1) {
        if (fundingHeld) {
          fundingWriterWaiting = true;
          await fundingHeld;
          fundingWriterWaiting = false;
        }
        const code = `DRILL-${n}`;
        const sentAt = Date.now();
        const created = await client.gq(
          `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { code } }`,
          {
            input: {
              code,
              name: `Restore drill programme ${n} (generated)`,
              agencyCode: 'innovasjon-norge',
              eligibleClusterLevels: ['NCE'],
              periodStart: '2025-01-01',
            },
          },
          caseworker,
        );
        const createdAt = Date.now();
        const budget =
          created.errors ??
          (
            await client.gq(
              `mutation($input: AllocateBudgetInput!) { allocateBudget(input: $input) { year } }`,
              { input: { programmeCode: code, year: 2025, amount: '1000000' } },
              caseworker,
            )
          ).errors;
        if (budget) failures.push(`programme ${code}: ${JSON.stringify(budget)}`);
        else programmes.push({ code, sentAt, createdAt, budgetAt: Date.now() });
        await pace(PACE_MS);
      }
    };
    const load = Promise.all([clusterWriter(), programmeWriter()]);
    const moreWrites = async (what: string, clustersFrom: number, programmesFrom: number, count: number) =>
      waitFor(
        `${count} more clusters and programmes ${what}`,
        () => clusters.length >= clustersFrom + count && programmes.length >= programmesFrom + count,
        { timeoutMs: 60_000 },
      );

    const dumps: Dump[] = [];
    let relayStoppedAt = 0;
    try {
      await moreWrites('before the backup', 0, 0, BEFORE_BACKUP);

      // Funding's relay stops: what funding writes from here waits in its outbox, in the backup too.
      relayStoppedAt = Date.now();
      await original.service.relay.stop();
      await moreWrites('with funding events waiting in its outbox', clusters.length, programmes.length, PENDING_AT_BACKUP);

      // The backup: each subgraph's database, one after another, as a nightly job takes them, while the writes go on.
      for (const [subgraph, service] of graph.subgraphs) {
        const file = path.join(dumpFolder, `${subgraph}.dump`);
        const startedAt = Date.now();
        await run('pg_dump', ['--format=custom', `--file=${file}`, service.db.url]);
        dumps.push({ subgraph, file, startedAt, endedAt: Date.now(), bytes: (await stat(file)).size });
      }
      await moreWrites('after the backup, their funding events still waiting', clusters.length, programmes.length, AFTER_BACKUP);

      // Funding restarts (its writer holding off meanwhile): the new relay publishes everything waiting.
      let releaseFunding = () => undefined as void;
      fundingHeld = new Promise<void>((resolve) => (releaseFunding = resolve));
      await waitFor("funding's writer to hold off", () => fundingWriterWaiting, { timeoutMs: 30_000 });
      await original.restart();
      fundingHeld = undefined;
      releaseFunding();
      await moreWrites('with the relay back', clusters.length, programmes.length, AFTER_RELAY_BACK);
    } finally {
      running = false;
      await load;
    }
    await graph.settled();
    const fundingDump = dumps.find((dump) => dump.subgraph === RESTORED)!;

    // Before the loss: competence plans a programme funded by a programme created after the backup.
    const lostPlanned = programmes.find((write) => write.sentAt > fundingDump.endedAt)!.code;
    const plannedProgrammeId = (
      await ok<{ planProgramme: { id: string } }>(
        `mutation($input: PlanProgrammeInput!) { planProgramme(input: $input) { id } }`,
        {
          input: {
            name: 'Restore drill competence programme (generated)',
            hostClusterIds: [clusters[0]!.id],
            periodStart: '2025-06-01',
            fundingProgrammeCode: lostPlanned,
          },
        },
        caseworker,
      )
    ).planProgramme.id;
    const before = {
      plannedAnswer: await client.gq(`query($id: ID!) { competenceProgramme(id: $id) { name fundingProgramme { code name } } }`, {
        id: plannedProgrammeId,
      }),
      fundingOwnCodes: (await original.db.query<{ code: string }>('SELECT code FROM funding_programmes ORDER BY code')).map(
        (row) => row.code,
      ),
      competenceDirectory: (
        await graph.competence.db.query<{ programme_code: string }>('SELECT programme_code FROM funding_programme_directory')
      ).map((row) => row.programme_code),
    };

    // The loss: funding's database is gone (its service stops; the drill never reads that database again).
    await original.service.stop();
    const lostAt = Date.now();

    // The restore: a fresh PostgreSQL, an empty database, the dump into it.
    const freshStarted = Date.now();
    postgres = await startDedicatedPostgres('restore-drill');
    const freshMs = Date.now() - freshStarted;
    const restoreStarted = Date.now();
    // The runbook's commands (docs/operations.md), as it gives them.
    await run('psql', [postgres.url, '-c', `CREATE DATABASE ${RESTORED}`]);
    const restoredUrl = withDatabase(postgres.url, RESTORED);
    await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${restoredUrl}`, fundingDump.file]);
    const restoreMs = Date.now() - restoreStarted;
    restoredDb = new pg.Pool({ connectionString: restoredUrl, max: 2 });
    const rows = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await restoredDb!.query<R>(sql, params)).rows;
    const republishing = (await rows<{ event_id: string }>('SELECT event_id FROM outbox_events')).map((row) => row.event_id);
    const restoredCodes = (await rows<{ code: string }>('SELECT code FROM funding_programmes ORDER BY code')).map((row) => row.code);
    const consumedAtBackup = Number((await rows<{ n: string }>('SELECT count(*) AS n FROM consumed_events'))[0]!.n);

    // The service back, on the restored database, at the address the gateway knows, on the same topics and consumer groups.
    const subgraph = loadSubgraphs().find((candidate) => candidate.name === RESTORED)!;
    const config = subgraph.config.load({
      DATABASE_URL: restoredUrl,
      ...kafkaEnvironment(),
      KAFKA_TOPIC_PREFIX: original.topicPrefix,
      PORT: new URL(original.url).port,
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'fatal',
      JWT_SECRET: TEST_JWT_SECRET,
      SUBGRAPH_SECRET: subgraphSecret(RESTORED),
    });
    const serviceStarted = Date.now();
    restored = subgraph.create(config, { broker: kafkaBroker });
    await restored.start();
    const servingMs = Date.now() - serviceStarted;
    const topicNames = new TopicNames(original.topicPrefix);
    const consumerGroups = (subgraph.definition.consumers?.(restored) ?? []).map((consumer) => ({
      id: topicNames.consumerGroup(RESTORED, consumer.name),
      topics: consumer.topics.map((topic) => topicNames.topic(topic)),
    }));
    const readModels = async (db: (sql: string) => Promise<unknown[]>) =>
      JSON.stringify(await Promise.all(Object.values(READ_MODEL_SQL).map((sql) => db(sql))));
    const replicaReadModels = await readModels((sql) => replica.db.query(sql));
    await waitFor(
      "the restored service's outbox to be published and its read models to hold what the replica's hold",
      async () => {
        if (Number((await rows<{ n: string }>('SELECT count(*) AS n FROM outbox_events'))[0]!.n) > 0) return false;
        for (const group of consumerGroups) {
          const { done, total } = await broker!.groupProgress(group.id, group.topics);
          if (done < total) return false;
        }
        return (await readModels(async (sql) => rows(sql))) === replicaReadModels;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    const caughtUpMs = Date.now() - serviceStarted;
    const reapplied = Number((await rows<{ n: string }>('SELECT count(*) AS n FROM consumed_events'))[0]!.n) - consumedAtBackup;
    await graph.settled().catch(() => undefined);
    // Competence has been through the republished events: its group is at the end of funding's topics again.
    await waitFor('competence to have taken every funding event', async () => (await graph!.competence.stillMoving()) === undefined, {
      timeoutMs: 60_000,
      intervalMs: 100,
    });

    // Every event the drill's programmes made, from the topics' start, by event id: each programme
    // is a ProgrammeCreated on the programme topic and a BudgetAllocated on the budget topic, and
    // the outbox pending at the backup holds both kinds.
    const budgetTopic = topicNames.topic(BudgetAllocated.topic);
    const drillTopics = [topicNames.topic(ProgrammeCreated.topic), budgetTopic];
    let onTopics = 0;
    for (const topic of drillTopics)
      onTopics += [...(await broker.messagesPerPartition(topic)).values()].reduce((sum, count) => sum + count, 0);
    const drillMessages: DeliveredMessage[] = [];
    readers.push(
      await broker.subscribe({
        groupId: `${original.topicPrefix}reader.${uniqueName('drill')}`,
        topics: drillTopics,
        handle: (message) => {
          drillMessages.push(message);
          return Promise.resolve();
        },
      }),
    );
    await waitFor("every event of the drill's programmes read back", () => drillMessages.length === onTopics, { timeoutMs: 30_000 });
    const copies = new Map<string, number>();
    const budgetEvents = new Set<string>();
    for (const message of drillMessages) {
      const { id } = JSON.parse(message.value) as { id: string };
      copies.set(id, (copies.get(id) ?? 0) + 1);
      if (message.topic === budgetTopic) budgetEvents.add(id);
    }
    const twice = [...copies].filter(([, count]) => count === 2).map(([id]) => id);
    // Competence's directory reads the budget topic: the republished budget events are what it applied again.
    const republishedBudget = republishing.filter((id) => budgetEvents.has(id));
    const consumedByCompetence = await graph.competence.db.query<{ event_id: string; outcome: string }>(
      `SELECT event_id, outcome FROM consumed_events WHERE consumer = 'funding-programme-directory' AND event_id = ANY($1)`,
      [republishedBudget],
    );
    const competenceDeadLetters = Number((await graph.competence.db.query<{ n: string }>('SELECT count(*) AS n FROM dead_letters'))[0]!.n);

    // The graph, through the gateway, after the restore.
    const lost = before.fundingOwnCodes.filter((code) => !restoredCodes.includes(code));
    const listed = (await ok<{ fundingProgrammes: { code: string }[] }>('{ fundingProgrammes { code } }', {})).fundingProgrammes
      .map((programme) => programme.code)
      .sort();
    const lostAnswer = await client.gq<{ fundingProgramme: unknown }>('query($code: String!) { fundingProgramme(code: $code) { code } }', {
      code: lostPlanned,
    });
    const plannedAnswer = await client.gq(`query($id: ID!) { competenceProgramme(id: $id) { name fundingProgramme { code name } } }`, {
      id: plannedProgrammeId,
    });
    // A write that needs the read model: an application by the last cluster registered, long after the backup.
    const newest = clusters.at(-1)!;
    const application = await client.gq<{ createApplication: { applicant: { name: string } } }>(
      `mutation($input: CreateApplicationInput!) { createApplication(input: $input) { applicant { name } } }`,
      { input: { callId: openCall.id, clusterId: newest.id, title: 'After the restore', requested: '500000' } },
      testCallers.managerOf(newest.id),
    );

    const figures = {
      drill: 'restore',
      restored: RESTORED,
      setUpMs,
      writes: { clusters: clusters.length, programmes: programmes.length, failures: failures.length },
      backup: {
        totalMs: dumps.at(-1)!.endedAt - dumps[0]!.startedAt,
        totalBytes: dumps.reduce((sum, dump) => sum + dump.bytes, 0),
        databases: dumps.map(({ subgraph: name, bytes, startedAt, endedAt }) => ({ subgraph: name, bytes, ms: endedAt - startedAt })),
      },
      restore: { freshPostgresMs: freshMs, restoreMs, servingMs, readModelsCaughtUpMs: caughtUpMs, fromLossMs: Date.now() - lostAt },
      lost: {
        programmesAfterBackup: lost.length,
        knownToCompetence: lost.filter((code) => before.competenceDirectory.includes(code)).length,
      },
      republished: { events: republishing.length, twiceOnTopic: twice.length },
      readModels: { eventsAppliedAgain: reapplied },
    };
    process.stdout.write(
      [
        `restore drill: ${RESTORED} restored from a backup of every subgraph's database under writes (${figures.writes.clusters} clusters, ${figures.writes.programmes} funding programmes written); set up in ${setUpMs} ms`,
        `  backup: ${figures.backup.databases.map((dump) => `${dump.subgraph} ${dump.bytes} B in ${dump.ms} ms`).join(', ')}; ${figures.backup.totalBytes} B in ${figures.backup.totalMs} ms`,
        `  restore: a fresh PostgreSQL in ${freshMs} ms, the dump restored in ${restoreMs} ms, the service serving ${servingMs} ms after its start, read models caught up (as the ${REPLICA} replica's) and outbox published ${caughtUpMs} ms after it; ${figures.restore.fromLossMs} ms from the loss to the checks`,
        `  lost with the database: ${lost.length} funding programmes written after the backup (${figures.lost.knownToCompetence} of them known to competence from their events)`,
        `  republished: ${republishing.length} events pending in the outbox at the backup (published before the loss and again after the restore: ${twice.length} event ids twice on ${drillTopics.join(' and ')}); competence applied each of the ${republishedBudget.length} budget events once`,
        `  read models: ${reapplied} events applied again by the restored consumers (those they had applied after the backup)`,
        '',
      ].join('\n'),
    );
    writeBenchFigures(figures);

    // The writes went through, before and after the backup.
    expect(failures).toEqual([]);
    // Own data as of the backup: every programme acknowledged before the backup began is there,
    // none asked for after it ended is, and what is missing is exactly what was lost.
    const acknowledgedBefore = programmes.filter((write) => write.createdAt < fundingDump.startedAt).map((write) => write.code);
    const sentAfter = programmes.filter((write) => write.sentAt > fundingDump.endedAt).map((write) => write.code);
    expect(acknowledgedBefore.filter((code) => !restoredCodes.includes(code))).toEqual([]);
    expect(sentAfter.filter((code) => restoredCodes.includes(code))).toEqual([]);
    expect(sentAfter.length).toBeGreaterThanOrEqual(AFTER_BACKUP + AFTER_RELAY_BACK);
    expect(lost).toEqual(expect.arrayContaining(sentAfter));
    // The graph lists exactly what the restored database holds.
    expect(listed).toEqual([...restoredCodes].sort());
    // Lost entities still known from the topic: competence has them; the graph answers null for them, without an error.
    expect(lost.filter((code) => !before.competenceDirectory.includes(code))).toEqual([]);
    expect(lostAnswer).toMatchObject({ status: 200, data: { fundingProgramme: null } });
    expect(lostAnswer.errors).toBeUndefined();
    expect(before.plannedAnswer).toMatchObject({
      data: { competenceProgramme: { fundingProgramme: { code: lostPlanned } } },
    });
    expect(plannedAnswer).toMatchObject({
      status: 200,
      data: { competenceProgramme: { name: 'Restore drill competence programme (generated)', fundingProgramme: null } },
    });
    // ...with the reason, where the graph reaches the lost programme from another subgraph's reference.
    expect(plannedAnswer.errors).toEqual([
      expect.objectContaining({
        message: `FundingProgramme ${lostPlanned} does not exist`,
        path: ['competenceProgramme', 'fundingProgramme'],
        extensions: expect.objectContaining({ code: 'NOT_FOUND', serviceName: RESTORED }),
      }),
    ]);
    // The outbox: the rows pending at the backup, and only those, were published again; each such
    // event is twice on the topic with one id, every other once; competence applied them once.
    expect(republishing.length).toBeGreaterThanOrEqual(PENDING_AT_BACKUP);
    expect(twice.sort()).toEqual([...republishing].sort());
    expect([...copies.values()].filter((count) => count > 2)).toEqual([]);
    expect(republishedBudget.length).toBeGreaterThan(0);
    expect(consumedByCompetence.map((row) => row.outcome).sort()).toEqual(republishedBudget.map(() => 'handled'));
    expect(competenceDeadLetters).toBe(0);
    // The read models caught up with the topics (as the replica's, checked above): the events
    // consumed after the backup were applied again, and a write that needs them works.
    expect(reapplied).toBeGreaterThanOrEqual(AFTER_BACKUP + AFTER_RELAY_BACK);
    expect(application.errors).toBeUndefined();
    expect(application.data?.createApplication.applicant.name).toBe(newest.name);
    // Writes acknowledged before the relay stopped were published by the original: none of them twice.
    const publishedBeforeBackup = programmes.filter((write) => write.budgetAt < relayStoppedAt).length;
    expect(publishedBeforeBackup).toBeGreaterThanOrEqual(BEFORE_BACKUP);
    // On the drill's topics besides: the setup's programme and its call (ProgrammeCreated, CallOpened).
    expect(onTopics).toBe(SETUP_PROGRAMME_EVENTS + 2 * programmes.length + republishing.length);
  }, 240_000);
});
