import type { GroupAssignments } from '@klynge/broker-kafka';
import { waitFor } from '@klynge/test-infrastructure';
import { effectFigures, RELAY_LEADING, type SampleDeployment, startSampleDeployment } from '../test-fixtures/sample-deployment';
import type { SampleInstance } from '../test-fixtures/sample-process';

const EVENTS = 5_000;
const WRITERS = 8;
/** The relay's leader is SIGKILLed once this many events have been written. */
const KILL_AFTER = 1_500;

/**
 * The fault suite's two instances: two processes of the sample service on one database and one
 * topic prefix, as a deployment with two replicas runs it. One relay publishes while the other
 * stands by, and the consumer group splits the partitions between them. When the leading
 * instance is SIGKILLed under a burst of writes, the other takes over the relay lock and every
 * partition, and each event still takes effect exactly once.
 */
describe('two instances of a service on one database and one Kafka', () => {
  let deployment: SampleDeployment;

  beforeAll(async () => {
    deployment = await startSampleDeployment('two_instances');
  });

  afterAll(async () => {
    await deployment?.close();
  });

  /** The relays' connections to the database, and whether each holds the relay lock. */
  const relayConnections = () =>
    deployment.db.query<{ pid: number; leader: boolean }>(
      `SELECT activity.pid, EXISTS (
         SELECT 1 FROM pg_locks lock
         WHERE lock.pid = activity.pid AND lock.locktype = 'advisory' AND lock.granted AND lock.objsubid = 1
           AND ((lock.classid::bigint << 32) | lock.objid::bigint) = hashtext('klynge.outbox-relay')::bigint
       ) AS leader
       FROM pg_stat_activity activity
       WHERE activity.datname = current_database() AND activity.application_name = 'sample:outbox-relay'`,
    );

  /** The members' partitions of the tally topic, once the group is stable with `members` members. */
  const stableShares = (group: GroupAssignments, members: number): number[][] | false => {
    if (group.state !== 'Stable' || group.members.length !== members) return false;
    return group.members.map((member) => [...(member.partitions[deployment.tallyTopic] ?? [])].sort((a, b) => a - b));
  };

  const leads = (instance: SampleInstance) => instance.logLines().some((line) => line.msg === RELAY_LEADING);

  it('has one relay leading and the partitions shared; SIGKILLing the leader loses and doubles nothing', async () => {
    const { count } = deployment;
    const started = Date.now();
    // Started together, as a deployment's replicas are: both migrate the same new database.
    const instances = await Promise.all([deployment.start(), deployment.start()]);
    await Promise.all(instances.map((instance) => instance.ready()));

    // One relay leads, the other stands by with a connection of its own.
    const relays = await waitFor(
      'one relay to hold the lock and the other to stand by',
      async () => {
        const connections = await relayConnections();
        return connections.length === 2 && connections.filter((connection) => connection.leader).length === 1 && connections;
      },
      { timeoutMs: 30_000 },
    );
    expect(relays.map((connection) => connection.leader).sort()).toEqual([false, true]);
    const leader = await waitFor('the leading instance to say so', () => instances.find(leads), { timeoutMs: 30_000 });
    const standby = instances.find((instance) => instance !== leader)!;
    expect(leads(standby)).toBe(false);

    // The consumer group splits the topic's partitions between the two.
    const shares = await waitFor(
      'both members of the consumer group to hold partitions',
      async () => {
        const split = stableShares(await deployment.broker.groupAssignments(deployment.consumerGroup), 2);
        return split && split.every((partitions) => partitions.length > 0) && split;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    expect(shares.flat().sort((a, b) => a - b)).toEqual([0, 1, 2]);

    await deployment.writer();
    const burst = deployment.burst(EVENTS, WRITERS);
    await waitFor(`${KILL_AFTER} events to be written`, () => burst.written() >= KILL_AFTER, { timeoutMs: 120_000, intervalMs: 5 });
    await waitFor('events to be applied', async () => (await count('SELECT count(*) FROM tally_totals')) > 0, { timeoutMs: 60_000 });
    const appliedAtKill = await count('SELECT count(*) FROM tally_totals');
    const killedAt = Date.now();
    await leader.kill('SIGKILL');
    const writtenAtKill = burst.written();

    // The standby takes the relay lock, and the whole topic.
    const [relayTakeoverMs, partitionsTakeoverMs] = await Promise.all([
      waitFor(
        'the standby relay to hold the lock',
        async () => {
          const connections = await relayConnections();
          return connections.length === 1 && connections[0]!.leader && Date.now() - killedAt;
        },
        { timeoutMs: 30_000, intervalMs: 10 },
      ),
      waitFor(
        'the surviving member to hold every partition',
        async () => {
          const share = stableShares(await deployment.broker.groupAssignments(deployment.consumerGroup), 1);
          return share && share[0]!.length === 3 && Date.now() - killedAt;
        },
        { timeoutMs: 60_000, intervalMs: 50 },
      ),
    ]);
    await waitFor('the standby to say it leads', () => leads(standby), { timeoutMs: 10_000 });

    await burst.done;
    await waitFor(
      'every event to take effect and the outbox to be empty',
      async () =>
        (await count('SELECT count(*) FROM tally_totals')) === EVENTS && (await count('SELECT count(*) FROM outbox_events')) === 0,
      { timeoutMs: 120_000, intervalMs: 50 },
    );
    const doneMs = Date.now() - started;
    // The topic as a partner reads it; meanwhile the survivor would apply any redelivery.
    const topic = await deployment.readTallyTopic();
    await standby.kill('SIGTERM');
    expect(await standby.exited).toBe(0);
    const logs = deployment.logFigures();
    process.stdout.write(
      [
        `two instances: partitions split ${shares.map((partitions) => `[${partitions.join(',')}]`).join(' / ')}; the relay leader SIGKILLed with ${writtenAtKill} of ${EVENTS} events written, ${appliedAtKill} applied`,
        `  the standby held the relay lock ${relayTakeoverMs} ms after the kill, every partition ${partitionsTakeoverMs} ms after; all ${EVENTS} events in effect ${(doneMs / 1_000).toFixed(1)} s after the instances were started`,
        `  topic: ${topic.onTopic} messages, ${topic.distinctEvents} distinct events (${topic.onTopic - topic.distinctEvents} published again by the killed relay)`,
        `  consumers skipped at least ${logs.deliveriesIgnored} redeliveries (as logged); ${logs.deadLettered} dead-lettered`,
        '',
      ].join('\n'),
    );

    expect(await effectFigures(deployment)).toEqual({
      tallies: EVENTS,
      applied: EVENTS,
      appliedOtherThanOnce: 0,
      arrivals: EVENTS,
      handled: EVENTS,
      deadLettered: 0,
      inOutbox: 0,
    });
    expect(topic.distinctEvents).toBe(EVENTS);
    expect(topic.onTopic).toBeGreaterThanOrEqual(EVENTS);
    expect(logs.deadLettered).toBe(0);
  }, 300_000);
});
