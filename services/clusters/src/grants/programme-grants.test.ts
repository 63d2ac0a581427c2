import { randomUUID } from 'node:crypto';
import { GrantAwarded, type GrantAwardedData } from '@klynge/contracts';
import { createEnvelope } from '@klynge/platform';
import { waitFor } from '@klynge/test-infrastructure';
import { admin, type ClustersUnderTest, eventTypes, REGISTER, registration, startClusters } from '../test-support/clusters-under-test';

/**
 * The funding service is not built yet: its GrantAwarded event is built here by hand, to the
 * contract in @klynge/contracts and schemas/events/funding.grant.v1.
 */
/** An NIC grant to a cluster, giving it `clusterLevel` from 2019. */
const grantTo = (clusterId: string, grantId: string, clusterLevel: GrantAwardedData['clusterLevel']): GrantAwardedData => ({
  grantId,
  applicationId: randomUUID(),
  programmeCode: 'NIC',
  agencyCode: 'innovasjon-norge',
  recipient: { type: 'CLUSTER', clusterId },
  amountAwarded: { amount: '5000000', currency: 'NOK' },
  awardDate: '2018-11-07',
  plannedStart: '2019-01-01',
  plannedEnd: '2023-12-31',
  clusterLevel,
});

describe('a funding grant that gives a cluster programme status', () => {
  let clusters: ClustersUnderTest;

  beforeAll(async () => {
    clusters = await startClusters('grants');
  });

  afterAll(async () => {
    await clusters?.close();
  });

  const publishRaw = (key: string, value: string) => clusters.publishMessage('funding.grant.v1', key, value);

  it('sets the level and programme period from the grant, once, however often the event arrives', async () => {
    const clusterEvents = await clusters.readTopic('clusters.cluster.v1');
    const { data } = await clusters.query<{ registerCluster: { id: string } }>(
      REGISTER,
      {
        input: registration({
          name: 'Norwegian Rooms',
          level: 'ARENA',
          levelSince: '2013-01-01',
          levelReason: 'Arena 2013',
          countyCode: '15',
        }),
      },
      admin,
    );
    const clusterId = data!.registerCluster.id;
    const grantId = randomUUID();
    const grant = grantTo(clusterId, grantId, 'NCE');
    const event = createEnvelope(GrantAwarded, { source: '/klynge/funding', subject: grantId, data: grant });
    // Same key, so the same partition: the marker (a grant to an organisation, ignored) arrives
    // after both copies, and once it is consumed so are they.
    const marker = createEnvelope(GrantAwarded, {
      source: '/klynge/funding',
      subject: grantId,
      data: { ...grant, recipient: { type: 'ORGANIZATION', orgNumber: '123456785' }, clusterLevel: null },
    });
    await publishRaw(grantId, JSON.stringify(event));
    await publishRaw(grantId, JSON.stringify(event));
    await publishRaw(grantId, JSON.stringify(marker));

    await waitFor(
      'the marker to be consumed',
      async () => (await clusters.db.query('SELECT 1 FROM consumed_events WHERE event_id = $1', [marker.id])).length === 1,
    );
    const cluster = await clusters.query(
      `query($id: ID!) { cluster(id: $id) { level programmePeriod { start end } levelHistory { level from to decisionReference } } }`,
      { id: clusterId },
    );
    expect(cluster.data).toEqual({
      cluster: {
        level: 'NCE',
        programmePeriod: { start: '2019-01-01', end: '2023-12-31' },
        levelHistory: [
          { level: 'ARENA', from: '2013-01-01', to: '2019-01-01', decisionReference: null },
          { level: 'NCE', from: '2019-01-01', to: null, decisionReference: `grant:${grantId}` },
        ],
      },
    });
    await waitFor('the resulting events', () => eventTypes(clusterEvents, clusterId).length >= 3);
    expect(eventTypes(clusterEvents, clusterId)).toEqual([
      'no.klynge.clusters.ClusterRegistered.v1',
      'no.klynge.clusters.ClusterLevelChanged.v1',
      'no.klynge.clusters.ClusterUpdated.v1',
    ]);
    expect(await clusters.db.query('SELECT outcome FROM consumed_events WHERE event_id = $1', [event.id])).toEqual([
      { outcome: 'handled' },
    ]);
  });

  it('takes a grant only from the funding service: one a partner publishes with the same type goes to the dead-letter topic, the level unchanged', async () => {
    const deadLetters = await clusters.readTopic('funding.grant.v1.dlq');
    const { data } = await clusters.query<{ registerCluster: { id: string } }>(
      REGISTER,
      {
        input: registration({
          name: 'Innovasjon Torskefisk',
          level: 'ARENA',
          levelSince: '2015-01-01',
          levelReason: 'Arena 2015',
          countyCode: '18',
        }),
      },
      admin,
    );
    const clusterId = data!.registerCluster.id;
    const grantId = randomUUID();
    // As a partner tried it, with a plain Kafka client: a well-formed GrantAwarded, from Siva's own source.
    const forged = createEnvelope(GrantAwarded, {
      source: '/siva/katapult',
      subject: grantId,
      data: grantTo(clusterId, grantId, 'GCE'),
    });
    await publishRaw(grantId, JSON.stringify(forged));
    await waitFor('the forged grant on the dead-letter topic', () => deadLetters.some((message) => message.key === grantId));
    const parked = deadLetters.find((message) => message.key === grantId)!;
    expect(parked.headers['dlq-error']).toBe(
      'UntrustedEventSourceError: no.klynge.funding.GrantAwarded.v1 is published by /klynge/funding only; this one came from /siva/katapult',
    );
    const cluster = await clusters.query<{ cluster: { level: string; levelHistory: unknown[] } }>(
      `query($id: ID!) { cluster(id: $id) { level levelHistory { level } } }`,
      { id: clusterId },
    );
    expect(cluster.data!.cluster).toEqual({ level: 'ARENA', levelHistory: [{ level: 'ARENA' }] });
  });
});
