import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { eventConsumptions, loadSubgraphs } from '@klynge/subgraph-registry';
import { type TestDatabase, uniqueName, waitFor } from '@klynge/test-infrastructure';
import { supergraphHash } from './supergraph-source';
import { DASHBOARD, type Dashboard } from './test-support/dashboard-query';
import { gatewayClient } from './test-support/graph-under-test';
import { ANSWERED_BY, type HaproxyRequest } from './test-support/haproxy';
import { GATEWAY, type ReplicaDeployment, startReplicaDeployment } from './test-support/replica-deployment';
import { appliedCounts, dashboardReads, type DashboardReads, MUTATION_KINDS, type Read, startLoad } from './test-support/replica-load';
import { buildWorld } from './test-support/world';

/** Clients reading the dashboard as fast as they are answered, to measure throughput... */
const THROUGHPUT_CLIENTS = 4;
/** ...for this long with one instance of each kind, and again with two, after a warm-up not counted. */
const THROUGHPUT_MS = 8_000;
const WARM_UP_MS = 2_000;
/** How long the processes' CPU is measured with nobody reading. */
const IDLE_MS = 2_000;
/** During the faults: clients reading the dashboard and one making mutations, each pausing between answers (a load two cores carry). */
const READERS = 3;
const PAUSE_MS = 100;
/** How soon after a SIGKILL HAProxy has the instance down, the survivor's relay holds the lock, its consumer groups are stable; and a rollout's. */
const BOUNDS_MS = { detection: 10_000, relay: 10_000, groups: 30_000, rollout: 20_000 };

/** What the relay that holds its database's lock says (packages/platform's outbox relay). */
const RELAY_LEADING = 'Outbox relay is publishing for this database';
const CLUSTER_DESCRIPTION = 'An industry cluster in the Norwegian Innovation Clusters programme.';
const ROLLED_OUT_DESCRIPTION = 'An industry cluster in the Norwegian Innovation Clusters programme (rolled out to both gateways).';

interface FaultFigures {
  readonly killed: string;
  /** From the SIGKILL until HAProxy had the instance down... */
  readonly detectionMs: number;
  /** ...the survivor's relay held the lock (subgraphs)... */
  readonly relayMs: number | undefined;
  /** ...each of the service's consumer groups was stable on the survivor alone, with every partition. */
  readonly groups: readonly { readonly group: string; readonly ms: number }[];
  readonly readsMeanwhile: number;
  /** From its restart until it was ready; then until HAProxy routed to it; and until its relay and groups were back to two. */
  readonly restartMs: number;
  readonly routedAgainMs: number;
  readonly backToTwoMs: number;
}

/** What happened when, to read the answers and HAProxy's notices against. */
type Timeline = { at: number; what: string }[];

/**
 * The fault suite's replicas (issue 29, item 2): two gateways and two instances of every subgraph,
 * each a process of its own, on the real PostgreSQL and Kafka (both instances of a subgraph on its
 * one database and the test's topics), each reached through HAProxy, which routes to an instance
 * while its /ready answers 200, as Kubernetes' readiness probe does. Under a bounded load of
 * dashboard reads and mutations through HAProxy, one instance of each kind in turn (a subgraph's
 * relay leader) is SIGKILLed and started again; then a new supergraph is rolled out to both
 * gateways. No accepted mutation is lost or applied twice, every event is on its topic and applied
 * once by every consumer group that reads it, the relay lock and the consumer groups move to the
 * survivor within the bounds above, and every answer is complete or names an unavailable subgraph:
 * never a 5xx from a Klynge process. It prints the throughput with one and with two instances.
 */
describe('two instances of every service behind HAProxy', () => {
  let deployment: ReplicaDeployment | undefined;

  afterAll(async () => {
    await deployment?.close();
  });

  it('loses and doubles nothing, moves the relay lock and the consumer groups to the survivor, and answers no 5xx, while instances are SIGKILLed', async () => {
    const began = Date.now();
    const when = (at: number) => `${((at - began) / 1_000).toFixed(2)} s`;
    const replicas = await startReplicaDeployment('replicas');
    deployment = replicas;
    const { kinds, haproxy, pairOf, db } = replicas;
    const subgraphKinds = kinds.filter((kind) => kind !== GATEWAY);

    // One instance of each kind first (the subgraphs migrate their databases), then the world.
    await Promise.all(subgraphKinds.map((kind) => pairOf(kind)[0].start()));
    await pairOf(GATEWAY)[0].start();
    await replicas.routedAsRunning('HAProxy to route to the first instances only');
    const client = gatewayClient(replicas.graphqlUrl);
    const world = await buildWorld(
      { funding: 'funding', competence: 'competence', known: (service, ...row) => known(db(service), ...row) },
      client,
    );
    // The mutations are cluster B's, so cluster A's dashboard stays as it is.
    await known(db('funding'), 'cluster_directory', 'cluster_id', world.clusterB);
    const variables = { cluster: world.clusterA, programme: world.programmeId, grant: world.grantId };
    const full = client.ok(await client.gq<Dashboard>(DASHBOARD, variables));
    expect(full.cluster?.hostedProgrammes).toEqual([{ name: 'The Conversion Engine (Omstillingsmotoren)' }]);
    const dashboard = dashboardReads(client, variables, full);
    const setUpMs = Date.now() - began;

    // Throughput with one instance of each kind, then with two.
    const single = await throughput(replicas, dashboard, 'one instance');
    const startingSeconds = Date.now();
    await Promise.all(kinds.map((kind) => pairOf(kind)[1].start()));
    await replicas.routedAsRunning('HAProxy to route to both instances of every kind');
    await Promise.all(subgraphKinds.map((kind) => replicas.settledWith(kind, 2)));
    const secondInstancesMs = Date.now() - startingSeconds;
    const double = await throughput(replicas, dashboard, 'two instances');

    const load = startLoad({ client, dashboard, world, readers: READERS, pauseMs: PAUSE_MS });
    const timeline: Timeline = [];
    const killedAt = new Map<string, number>();
    const { faults, rollout } = await (async () => {
      try {
        const loadBegan = Date.now();
        await waitFor(
          'complete answers under load',
          () => dashboard.reads.filter((r) => r.sentAt >= loadBegan && dashboard.isComplete(r)).length >= READERS * 3,
          { timeoutMs: 30_000 },
        );
        return { faults: await killEachKindInTurn(replicas, dashboard, timeline, killedAt), rollout: await rollOut(replicas, timeline) };
      } finally {
        await load.stop();
      }
    })();
    const { attempts } = load;

    // Everything written has been published and applied before anything is counted.
    await waitFor(
      'every outbox to be empty and every consumer group to have applied its topics',
      async () => {
        for (const kind of subgraphKinds) {
          if ((await count(db(kind), 'SELECT count(*) AS n FROM outbox_events')) > 0) return false;
          for (const group of replicas.groupsOf(kind)) {
            const { done, total } = await replicas.broker.groupProgress(group.id, group.topics);
            if (done < total) return false;
          }
        }
        return true;
      },
      { timeoutMs: 120_000, intervalMs: 200 },
    );

    // Each mutation applied as often as allowed: an accepted one once, any other at most once.
    const applied = await appliedCounts(db, attempts);
    const appliedWrongly = attempts
      .map((attempt) => ({ ...attempt, applied: applied.get(`${attempt.kind}:${attempt.key}`) ?? 0 }))
      .filter((attempt) => (attempt.outcome === 'accepted' ? attempt.applied !== 1 : attempt.applied > 1));
    const events = await eventsOnTopics(replicas, killedAt);
    const notAppliedOnce = await consumersNotApplyingOnce(replicas, events.byId);
    // What the events built: every cluster in every directory, every grant where competence keeps them.
    const clusters = await count(db('clusters'), 'SELECT count(*) AS n FROM clusters');
    const directories = await perService(
      subgraphKinds.filter((kind) => kind !== 'clusters'),
      (kind) => count(db(kind), 'SELECT count(*) AS n FROM cluster_directory'),
    );
    const grants = await count(db('funding'), 'SELECT count(*) AS n FROM grants');
    const awardedGrants = await count(db('competence'), 'SELECT count(*) AS n FROM awarded_grants');
    const deadLetters = await perService(subgraphKinds, (kind) => count(db(kind), 'SELECT count(*) AS n FROM dead_letters'));

    const faultReads = dashboard.reads.filter((r) => r.phase === 'faults');
    const wrongReads = faultReads.filter((r) => !dashboard.isComplete(r) && !dashboard.isDegraded(r));
    // A 5xx that an instance answered (HAProxy names it): a Klynge process failed.
    const fromKlynge = [
      ...dashboard.reads.filter((r) => (r.answer?.status ?? 0) >= 500 && r.answer?.headers.get(ANSWERED_BY)).map(shown),
      ...attempts.filter((a) => typeof a.status === 'number' && a.status >= 500 && a.answeredBy),
    ];
    const requests = haproxy.requests();
    const fromInstances = requests.filter((request) => request.status >= 500 && !request.fromHaproxy);
    const haproxyOwn = requests.filter((request) => request.status >= 500 && request.fromHaproxy);
    const shownRequest = (request: HaproxyRequest) =>
      `${when(request.at)} ${request.frontend} ${request.operation} -> ${request.server}: ${request.status} ${request.termination}, retries ${request.retries}`;
    const notAccepted = attempts
      .filter((attempt) => attempt.outcome !== 'accepted')
      .map((attempt) => `${when(attempt.at)} ${attempt.kind}: ${attempt.status} ${attempt.codes.join(', ')}`);
    const outcomes = Object.fromEntries(
      MUTATION_KINDS.map((kind) => [kind, countBy(attempts.filter((attempt) => attempt.kind === kind).map((attempt) => attempt.outcome))]),
    );
    const retried = countBy(
      requests.filter((request) => request.retries !== '0').map((request) => `${request.frontend} ${request.operation} ${request.retries}`),
    );
    // Ended otherwise than normally without a 5xx of HAProxy's: a side closed, or timed out.
    const abnormal = requests.filter((request) => request.termination !== '----' && !haproxyOwn.includes(request));
    const figures = {
      setUpMs,
      totalMs: Date.now() - began,
      throughput: {
        clients: THROUGHPUT_CLIENTS,
        seconds: THROUGHPUT_MS / 1_000,
        oneInstance: single,
        twoInstances: double,
        secondInstancesMs,
      },
      bounds: BOUNDS_MS,
      faults,
      rollout,
      reads: {
        duringFaults: faultReads.length,
        complete: faultReads.filter(dashboard.isComplete).length,
        subgraphUnavailable: faultReads.filter(dashboard.isDegraded).length,
        neither: wrongReads.length,
      },
      mutations: { attempts: attempts.length, outcomes, notAccepted, appliedOtherThanAllowed: appliedWrongly.length },
      events: { distinct: events.byId.size, messages: events.messages, publishedAgain: events.publishedAgain.length },
      consumers: { groups: notAppliedOnce.groups, notAppliedOnce: notAppliedOnce.problems },
      readModels: { clusters, directories, grants, awardedGrants, deadLetters },
      haproxy: {
        requests: requests.length,
        retried,
        ownErrors: haproxyOwn.map(shownRequest),
        abnormal: abnormal.map(shownRequest),
        retriesPerInstance: Object.fromEntries(
          [...(await haproxy.serverCounters())].filter(([, counters]) => counters.retries + counters.redispatches > 0),
        ),
      },
      timeline: [
        ...timeline,
        ...haproxy.notices().map(({ at, line }) => ({ at, what: `HAProxy: ${line.replace(/, check duration.*$/, '')}` })),
        ...wrongReads.map((r) => ({ at: r.at, what: `a read sent at ${when(r.sentAt)}: ${shown(r)}` })),
      ]
        .sort((a, b) => a.at - b.at)
        .map(({ at, what }) => `${when(at)} ${what}`),
    };
    report(
      [
        `replicas: two gateways and two instances of each of ${subgraphKinds.length} subgraphs, each a process, behind HAProxy; set up in ${seconds(setUpMs)}, ${seconds(figures.totalMs)} in all`,
        `  throughput, ${THROUGHPUT_CLIENTS} clients reading the dashboard as fast as answered for ${THROUGHPUT_MS / 1_000} s: ${single.readsPerSecond} reads/s with one instance of each kind, ${double.readsPerSecond} with two (the second instances ready, routed to and settled in ${seconds(secondInstancesMs)})`,
        `    the Klynge processes' CPU per read: ${single.cpuMsPerRead} ms with one instance, ${double.cpuMsPerRead} ms with two; cores they kept busy: ${single.coresBusy} and ${double.coresBusy}, with nobody reading ${single.coresBusyIdle} and ${double.coresBusyIdle}; subgraph requests per read ${single.subgraphRequestsPerRead} and ${double.subgraphRequestsPerRead}; the machine's load average: ${single.loadAverage} and ${double.loadAverage}`,
        ...faults.map(
          (fault) =>
            `  ${fault.killed} SIGKILLed: down in HAProxy after ${fault.detectionMs} ms` +
            (fault.relayMs === undefined ? '' : `, the relay lock on the survivor after ${fault.relayMs} ms`) +
            (fault.groups.length === 0
              ? ''
              : `, its consumer groups stable on the survivor after ${fault.groups.map(({ group, ms }) => `${group} ${ms} ms`).join(', ')}`) +
            `; ${fault.readsMeanwhile} reads meanwhile; restarted: ready in ${seconds(fault.restartMs)}, routed to ${fault.routedAgainMs} ms later, back to two ${seconds(fault.backToTwoMs)} after the restart`,
        ),
        `  bounds: HAProxy ${BOUNDS_MS.detection} ms, relay lock ${BOUNDS_MS.relay} ms, consumer groups ${BOUNDS_MS.groups} ms, rollout ${BOUNDS_MS.rollout} ms`,
        `  rollout: ${rollout.map(({ gateway, ms }) => `${gateway} served the new supergraph ${ms} ms after it was published`).join(', ')}`,
        `  reads during the faults: ${faultReads.length}, ${figures.reads.complete} complete, ${figures.reads.subgraphUnavailable} with SUBGRAPH_UNAVAILABLE, ${wrongReads.length} neither`,
        `  mutations: ${attempts.length} attempted, ${JSON.stringify(outcomes)}; applied other than allowed (accepted: once; otherwise at most once): ${appliedWrongly.length}`,
        ...notAccepted.map((line) => `    not accepted: ${line}`),
        `  events: ${events.byId.size} on their topics in ${events.messages} messages (${events.publishedAgain.length} published again by a relay's successor); ${notAppliedOnce.groups} consumer groups, each applying every event of its types once: ${notAppliedOnce.problems.length === 0 ? 'yes' : notAppliedOnce.problems.join('; ')}`,
        `  read models: ${clusters} clusters, in the directories ${JSON.stringify(directories)}; ${grants} grants, ${awardedGrants} in competence; dead letters ${JSON.stringify(deadLetters)}`,
        `  HAProxy: ${requests.length} requests; retried ${JSON.stringify(retried)}; its own 5xx: ${haproxyOwn.length === 0 ? 'none' : haproxyOwn.map(shownRequest).join('; ')}`,
        ...abnormal.map((request) => `    ended abnormally: ${shownRequest(request)}`),
        '  timeline:',
        ...figures.timeline.map((line) => `    ${line}`),
        '',
      ],
      figures,
    );

    expect(wrongReads.map(shown)).toEqual([]);
    expect(fromKlynge).toEqual([]);
    expect(fromInstances.map(shownRequest)).toEqual([]);
    // One instance of each kind was up all along: HAProxy always had one to send to, and sent every
    // query whose instance died to the other; only a mutation may meet HAProxy's 502.
    expect(haproxyOwn.filter((request) => request.server === '<NOSRV>' || request.operation === 'query').map(shownRequest)).toEqual([]);
    expect(appliedWrongly).toEqual([]);
    expect(outcomes.decideApplication?.accepted).toBeGreaterThan(0);
    expect(events.publishedAgainWithoutCause).toEqual([]);
    expect(notAppliedOnce.problems).toEqual([]);
    expect(directories).toEqual(Object.fromEntries(Object.keys(directories).map((kind) => [kind, clusters])));
    expect(awardedGrants).toBe(grants);
    expect(deadLetters).toEqual(Object.fromEntries(subgraphKinds.map((kind) => [kind, 0])));
  }, 600_000);
});

/**
 * Complete dashboard reads per second of `clients` asking as fast as answered, after a warm-up
 * (processes just started compile their hot paths and fill their caches first); the CPU the
 * Klynge processes used meanwhile, per read and in all (as cores kept busy), and what they use
 * with nobody reading (their consumers, relays and health checks).
 */
async function throughput(replicas: ReplicaDeployment, dashboard: DashboardReads, phase: string) {
  const instances = replicas.kinds.flatMap((kind) => replicas.pairOf(kind));
  const cpuDuring = async (ms: number, work: () => Promise<unknown>) => {
    const cpuMs = () => instances.reduce((sum, instance) => sum + instance.cpuMs(), 0);
    const before = cpuMs();
    await work();
    return (cpuMs() - before) / ms;
  };
  await dashboard.readFor(`${phase}, warming up`, THROUGHPUT_CLIENTS, WARM_UP_MS);
  const idleCores = await cpuDuring(IDLE_MS, () => delay(IDLE_MS));
  const from = Date.now();
  const busyCores = await cpuDuring(THROUGHPUT_MS, () => dashboard.readFor(phase, THROUGHPUT_CLIENTS, THROUGHPUT_MS));
  const complete = dashboard.reads.filter((r) => r.phase === phase && dashboard.isComplete(r)).length;
  // The gateways' requests to the subgraphs, as HAProxy logged them (a gateway sends identical
  // queries in flight at once only once: see subgraph-fetcher.ts).
  const subgraphRequests = replicas.haproxy.requests().filter((request) => request.frontend !== GATEWAY && request.at >= from).length;
  return {
    subgraphRequestsPerRead: Number((subgraphRequests / Math.max(complete, 1)).toFixed(2)),
    readsPerSecond: Number((complete / (THROUGHPUT_MS / 1_000)).toFixed(1)),
    notComplete: dashboard.reads.filter((r) => r.phase === phase && !dashboard.isComplete(r)).length,
    cpuMsPerRead: Number(((busyCores * THROUGHPUT_MS) / Math.max(complete, 1)).toFixed(1)),
    coresBusy: Number(busyCores.toFixed(2)),
    coresBusyIdle: Number(idleCores.toFixed(2)),
    // The machine's load meanwhile (others' work on it included): the context for the figures.
    loadAverage: Number(os.loadavg()[0]!.toFixed(1)),
  };
}

/**
 * SIGKILLs one instance of each kind in turn (of a subgraph, the one whose relay holds the lock,
 * so that the lock has to move) and waits, within the bounds, for HAProxy to have it down and the
 * survivor to hold the relay lock and every consumer group alone. The killed instance is started
 * again, as an orchestrator would, while the next kind's turn goes on (one instance of every kind
 * is up all along); resolves once every kind is back to two.
 */
async function killEachKindInTurn(
  replicas: ReplicaDeployment,
  dashboard: DashboardReads,
  timeline: Timeline,
  killedAt: Map<string, number>,
): Promise<FaultFigures[]> {
  const { haproxy } = replicas;
  const stateOf = async (kind: string, instance: string) => (await haproxy.serverStates()).get(`${kind}/${instance}`);
  const restarts: Promise<FaultFigures>[] = [];
  for (const kind of replicas.kinds) {
    const pair = replicas.pairOf(kind);
    const isSubgraph = kind !== GATEWAY;
    const victim = isSubgraph
      ? await waitFor(`an instance of ${kind} to say its relay leads`, () =>
          pair.find((instance) => instance.logLines().some((line) => line.msg === RELAY_LEADING)),
        )
      : pair[0];
    const survivor = pair.find((instance) => instance !== victim)!;
    const readsBefore = dashboard.reads.length;
    const killed = Date.now();
    killedAt.set(kind, killed);
    timeline.push({ at: killed, what: `${victim.name} SIGKILLed` });
    await victim.kill('SIGKILL');
    const since = () => Date.now() - killed;
    const [detectionMs, relayMs, groups] = await Promise.all([
      waitFor(`HAProxy to have ${victim.name} down`, async () => (await stateOf(kind, victim.name)) === 'DOWN' && since(), {
        timeoutMs: BOUNDS_MS.detection,
        intervalMs: 10,
      }),
      isSubgraph
        ? waitFor(`${survivor.name}'s relay to hold the lock alone`, async () => (await replicas.relaysAre(kind, 1)) && since(), {
            timeoutMs: BOUNDS_MS.relay,
            intervalMs: 20,
          })
        : undefined,
      Promise.all(
        replicas.groupsOf(kind).map(async (group) => ({
          group: group.name,
          ms: await waitFor(
            `${group.id} to be stable on ${survivor.name} alone`,
            async () => (await replicas.groupIsStable(group, 1)) && since(),
            {
              timeoutMs: BOUNDS_MS.groups,
              intervalMs: 50,
            },
          ),
        })),
      ),
    ]);
    const readsMeanwhile = dashboard.reads.length - readsBefore;
    timeline.push({ at: Date.now(), what: `${survivor.name} took over` });
    const restarted = (async (): Promise<FaultFigures> => {
      const restarting = Date.now();
      await victim.start();
      const restartMs = Date.now() - restarting;
      timeline.push({ at: Date.now(), what: `${victim.name} ready again` });
      await waitFor(`HAProxy to route to ${victim.name} again`, async () => (await stateOf(kind, victim.name)) === 'UP', {
        timeoutMs: 30_000,
        intervalMs: 50,
      });
      const routedAgainMs = Date.now() - restarting - restartMs;
      if (isSubgraph) await replicas.settledWith(kind, 2);
      timeline.push({ at: Date.now(), what: `${kind} back to two instances` });
      return {
        killed: victim.name,
        detectionMs,
        relayMs,
        groups,
        readsMeanwhile,
        restartMs,
        routedAgainMs,
        backToTwoMs: Date.now() - restarting,
      };
    })();
    // Awaited below; a failure meanwhile must not count as unhandled.
    restarted.catch(() => undefined);
    restarts.push(restarted);
  }
  const faults = await Promise.all(restarts);
  await replicas.routedAsRunning('HAProxy to route to both instances of every kind again');
  const back = Date.now();
  await waitFor(
    'complete answers with every instance back',
    () => dashboard.reads.filter((r) => r.sentAt >= back && dashboard.isComplete(r)).length >= READERS * 2,
    { timeoutMs: 30_000 },
  );
  return faults;
}

/**
 * A new supergraph (the same graph, one description changed), published to the file both gateways
 * watch as a deployment would: each serves it without a restart (its /ready names its hash, and
 * the new description is what it answers).
 */
async function rollOut(replicas: ReplicaDeployment, timeline: Timeline): Promise<{ gateway: string; ms: number }[]> {
  const rolledOut = replicas.committedSupergraph.replace(`"""${CLUSTER_DESCRIPTION}"""`, `"""${ROLLED_OUT_DESCRIPTION}"""`);
  expect(rolledOut).not.toBe(replicas.committedSupergraph);
  const published = Date.now();
  timeline.push({ at: published, what: 'a new supergraph published' });
  replicas.publishSupergraph(rolledOut);
  return Promise.all(
    replicas.pairOf(GATEWAY).map(async (gateway) => {
      const ms = await waitFor(
        `${gateway.name} to serve the new supergraph`,
        async () => {
          const ready = (await (await fetch(`${gateway.baseUrl}/ready`)).json()) as { supergraph?: { hash: string } };
          return ready.supergraph?.hash === supergraphHash(rolledOut) && Date.now() - published;
        },
        { timeoutMs: BOUNDS_MS.rollout, intervalMs: 20 },
      );
      const described = await gatewayClient(`${gateway.baseUrl}/graphql`).gq<{ __type: { description: string } }>(
        '{ __type(name: "Cluster") { description } }',
      );
      expect(described.data?.__type.description).toBe(ROLLED_OUT_DESCRIPTION);
      return { gateway: gateway.name, ms };
    }),
  );
}

interface EventOnTopic {
  readonly topic: string;
  readonly type: string;
  readonly time: string;
  readonly copies: number;
}

/**
 * Every topic of every event the subgraphs publish, read from its beginning: each event (by its
 * id) and how many messages carry it. A relay killed between the broker's acknowledgement and its
 * delete leaves its last batch for its successor to send again, so an event may be on its topic
 * twice only if it was written before its service's relay leader was killed (its consumers still
 * apply it once).
 */
async function eventsOnTopics(replicas: ReplicaDeployment, killedAt: ReadonlyMap<string, number>) {
  const { broker, topics } = replicas;
  const published = loadSubgraphs().flatMap((subgraph) =>
    (subgraph.definition.publishes ?? []).map((contract) => ({ service: subgraph.name, topic: topics.topic(contract.topic) })),
  );
  const publisherOf = new Map(published.map(({ service, topic }) => [topic, service]));
  const physical = [...publisherOf.keys()];
  await broker.ensureTopics(physical);
  let onTopics = 0;
  for (const topic of physical) for (const messages of (await broker.messagesPerPartition(topic)).values()) onTopics += messages;
  const read = new Map<string, { topic: string; value: string }>();
  const subscription = await broker.subscribe({
    groupId: topics.consumerGroup('reader', uniqueName('reader')),
    topics: physical,
    handle: (message) => {
      // By position: a message delivered twice to this reader is one message on its topic.
      read.set(`${message.topic}:${message.partition}:${message.offset}`, message);
      return Promise.resolve();
    },
  });
  try {
    await waitFor('the topics to be read to their end', () => read.size >= onTopics, { timeoutMs: 60_000 });
  } finally {
    await subscription.close();
  }
  const byId = new Map<string, EventOnTopic>();
  for (const { topic, value } of read.values()) {
    const { id, type, time } = JSON.parse(value) as { id: string; type: string; time: string };
    byId.set(id, { topic, type, time, copies: (byId.get(id)?.copies ?? 0) + 1 });
  }
  const publishedAgain = [...byId.entries()].filter(([, event]) => event.copies > 1);
  const publishedAgainWithoutCause = publishedAgain.filter(
    ([, event]) => Date.parse(event.time) > (killedAt.get(publisherOf.get(event.topic) ?? '') ?? 0),
  );
  return { byId, messages: read.size, publishedAgain, publishedAgainWithoutCause };
}

/**
 * Every consumer group applied every event of the types it handles, each once: its service's
 * consumed_events (keyed by consumer and event, written in the transaction that applies the
 * event) holds exactly those events, each handled.
 */
async function consumersNotApplyingOnce(replicas: ReplicaDeployment, events: ReadonlyMap<string, EventOnTopic>) {
  const consumptions = eventConsumptions();
  const consumers = [...new Map(consumptions.map(({ service, consumer }) => [`${service}.${consumer}`, { service, consumer }])).values()];
  const problems: string[] = [];
  for (const { service, consumer } of consumers) {
    const types = new Set(
      consumptions.filter((c) => c.service === service && c.consumer === consumer).map(({ contract }) => contract.type),
    );
    const expected = [...events.entries()].filter(([, event]) => types.has(event.type)).map(([id]) => id);
    const applied = await replicas
      .db(service)
      .query<{ event_id: string; outcome: string }>('SELECT event_id, outcome FROM consumed_events WHERE consumer = $1', [consumer]);
    const handled = new Set(applied.filter((row) => row.outcome === 'handled').map((row) => row.event_id));
    const missing = expected.filter((id) => !handled.has(id)).length;
    const unexpected = applied.filter((row) => row.outcome !== 'handled' || !events.has(row.event_id)).length;
    if (missing > 0 || unexpected > 0) {
      problems.push(
        `${service}.${consumer}: ${expected.length} events, ${applied.length} applied, ${missing} missing, ${unexpected} unexpected`,
      );
    }
  }
  return { groups: consumers.length, problems };
}

async function known(database: TestDatabase, table: string, key: string, value: string): Promise<void> {
  await waitFor(
    `${value} in ${table}`,
    async () => (await database.query(`SELECT 1 FROM ${table} WHERE ${key} = $1`, [value])).length === 1,
  );
}

async function count(database: TestDatabase, sql: string): Promise<number> {
  return Number((await database.query<{ n: string }>(sql))[0]!.n);
}

async function perService(services: readonly string[], figure: (service: string) => Promise<number>): Promise<Record<string, number>> {
  return Object.fromEntries(await Promise.all(services.map(async (service) => [service, await figure(service)] as const)));
}

/** The figures as lines on stdout, and as JSON in the file BENCH_OUT names. */
function report(lines: readonly string[], figures: object): void {
  process.stdout.write(`${lines.join('\n')}\n`);
  if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, `${JSON.stringify(figures, null, 2)}\n`);
}

const seconds = (ms: number) => `${(ms / 1_000).toFixed(1)} s`;

const shown = (r: Read) =>
  r.failure ??
  `${r.answer?.status} ${r.answer?.headers.get(ANSWERED_BY) ?? '(HAProxy)'} ${JSON.stringify(r.answer?.errors ?? r.answer?.data)}`;

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
