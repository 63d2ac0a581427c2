import { announceCluster, eventTypes, type ServiceUnderTest, testCallers } from '@klynge/subgraph-under-test';
import { waitFor } from '@klynge/test-infrastructure';
import { start__Name__ } from '../test-support/__name__-under-test';

const RECORD = `mutation($input: Record__Name__NoteInput!) { record__Name__Note(input: $input) { id title body recordedAt cluster { id } } }`;
const owner = testCallers.caseworker('__owner__');

/** Against the real PostgreSQL and Kafka: the example entity, its event, its read model and its rules. */
describe('notes about clusters in the __name__ subgraph', () => {
  let service: ServiceUnderTest;
  let clusterId: string;

  beforeAll(async () => {
    service = await start__Name__('__database___notes');
    // The clusters subgraph's event, as it publishes it, fills the read model of known clusters.
    clusterId = await announceCluster(service, { name: 'NCE Raufoss', level: 'NCE', countyCode: '34' });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('records a note about a known cluster, publishes its event, and shows it on the cluster', async () => {
    const events = await service.readTopic('__name__.note.v1');
    const recorded = await service.query<{ record__Name__Note: { id: string; title: string; cluster: { id: string } } }>(
      RECORD,
      { input: { clusterId, title: 'A first note', body: 'Written by the generated test.' } },
      owner,
    );
    expect(recorded.errors).toBeUndefined();
    const note = recorded.data!.record__Name__Note;
    expect(note).toMatchObject({ title: 'A first note', cluster: { id: clusterId } });
    await waitFor('the event on the topic', () => eventTypes(events, note.id).length === 1);
    expect(eventTypes(events, note.id)).toEqual(['no.klynge.__name__.__Name__NoteRecorded.v1']);

    const onCluster = await service.query<{ _entities: { __camel__Notes: { title: string }[] }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Cluster { __camel__Notes { title } } } }`,
      // A key that is not a UUID names nothing: an empty list, not an error from the database.
      {
        r: [
          { __typename: 'Cluster', id: clusterId },
          { __typename: 'Cluster', id: 'not-a-uuid' },
        ],
      },
    );
    expect(onCluster.errors).toBeUndefined();
    expect(onCluster.data!._entities).toEqual([{ __camel__Notes: [{ title: 'A first note' }] }, { __camel__Notes: [] }]);
    const page = await service.query<{ __camel__Notes: { totalCount: number } }>(`{ __camel__Notes(first: 5) { totalCount } }`);
    expect(page.data!.__camel__Notes.totalCount).toBe(1);
  });

  it('refuses another agency, another cluster, an unknown cluster and an empty title, writing nothing', async () => {
    const count = async () => (await service.db.query<{ count: number }>('SELECT count(*)::int AS count FROM notes'))[0]!.count;
    const before = await count();
    const attempt = (input: Record<string, unknown>, caller = owner) =>
      service.query(RECORD, { input: { clusterId, title: 'Refused', ...input } }, caller);
    const code = async (answer: Promise<{ errors?: { extensions?: Record<string, unknown> }[] }>) => (await answer).errors?.[0]?.extensions;
    expect(await code(attempt({}, testCallers.caseworker('not-__owner__')))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await code(attempt({}, testCallers.managerOf('00000000-0000-4000-8000-000000000000')))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await code(attempt({ clusterId: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'clusterId',
    });
    expect(await code(attempt({ title: '   ' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(await code(service.query(RECORD, { input: { clusterId, title: 'Anonymous' } }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await count()).toBe(before);
  });
});
