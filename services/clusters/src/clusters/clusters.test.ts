import { waitFor } from '@klynge/test-infrastructure';
import { ClusterService } from './cluster.service';
import {
  admin,
  caseworker,
  type ClustersUnderTest,
  eventTypes,
  managerOf,
  REGISTER,
  registration,
  startClusters,
  viewer,
} from '../test-support/clusters-under-test';

interface Registered {
  registerCluster: { id: string; slug: string; level: string; levelHistory: { level: string; from: string; to: string | null }[] };
}

describe('clusters: registering, updating and changing levels', () => {
  let clusters: ClustersUnderTest;

  beforeAll(async () => {
    clusters = await startClusters('clusters');
  });

  afterAll(async () => {
    await clusters?.close();
  });

  const count = async (table: string) => Number((await clusters.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);
  // Outbox rows leave as the relay publishes them, so the rows written are told by the positions
  // taken, which only grow (a rolled-back insert takes one too); none taken yet is 0.
  const eventsWritten = async () =>
    Number(
      (
        await clusters.db.query<{ n: string }>('SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS n FROM outbox_events_position_seq')
      )[0]!.n,
    );

  it('registers a cluster with its first level period, and publishes ClusterRegistered', async () => {
    const events = await clusters.readTopic('clusters.cluster.v1');
    const result = await clusters.query<Registered>(REGISTER, { input: registration() }, caseworker);

    expect(result.errors).toBeUndefined();
    const cluster = result.data!.registerCluster;
    expect(cluster).toMatchObject({
      slug: 'nce-raufoss',
      name: 'NCE Raufoss',
      level: 'NCE',
      countyCode: '34',
      county: { code: '34', name: 'Innlandet' },
      levelHistory: [{ level: 'NCE', from: '2006-01-01', to: null, reason: 'Admitted as NCE in 2006' }],
    });
    const [message] = await waitFor('ClusterRegistered', () => events.filter((m) => m.key === cluster.id).length === 1 && events);
    expect(JSON.parse(message!.value)).toMatchObject({
      type: 'no.klynge.clusters.ClusterRegistered.v1',
      source: '/klynge/clusters',
      subject: cluster.id,
      data: { clusterId: cluster.id, name: 'NCE Raufoss', level: 'NCE', levelSince: '2006-01-01', countyCode: '34' },
    });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = [await count('clusters'), await eventsWritten()];
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '  ' }, 'name'],
      [{ countyCode: '12' }, 'countyCode'],
      [{ municipalityCode: '4601' }, 'municipalityCode'],
      [{ levelSince: '2006-02-30' }, 'levelSince'],
      [{ website: 'ftp://example' }, 'website'],
      [{ foundedYear: 1492 }, 'foundedYear'],
      [{ slug: 'Not A Slug' }, 'slug'],
      [{ programmeStart: '2020-01-01', programmeEnd: '2019-12-31' }, 'programmeEnd'],
      [{ manager: { email: 'not-an-address' } }, 'manager.email'],
    ];
    for (const [override, field] of cases) {
      const result = await clusters.query(REGISTER, { input: registration({ name: 'Bad Input Cluster', ...override }) }, admin);
      expect({ field, errors: result.errors?.map((error) => error.extensions) }).toEqual({
        field,
        errors: [{ code: 'BAD_USER_INPUT', field }],
      });
    }
    expect([await count('clusters'), await eventsWritten()]).toEqual(before);
  });

  it('refuses a second cluster with the same name or slug as CONFLICT', async () => {
    await clusters.query(REGISTER, { input: registration({ name: 'NCE Culinology', countyCode: '11' }) }, admin);
    const sameName = await clusters.query(
      REGISTER,
      { input: registration({ name: 'NCE Culinology', slug: 'other', countyCode: '11' }) },
      admin,
    );
    const sameSlug = await clusters.query(REGISTER, { input: registration({ name: 'Culinology 2', slug: 'nce-culinology' }) }, admin);
    expect(sameName.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'name' });
    expect(sameSlug.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'slug' });
  });

  it('lets only signed-in admins and caseworkers register clusters', async () => {
    const anonymous = await clusters.query(REGISTER, { input: registration({ name: 'Anonymous Cluster' }) });
    const reader = await clusters.query(REGISTER, { input: registration({ name: 'Viewer Cluster' }) }, viewer);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await clusters.db.query(`SELECT 1 FROM clusters WHERE name IN ('Anonymous Cluster', 'Viewer Cluster')`)).toEqual([]);
  });

  it('changes the level up and down, keeping the dated history, and publishes ClusterLevelChanged', async () => {
    const events = await clusters.readTopic('clusters.cluster.v1');
    const { data } = await clusters.query<Registered>(
      REGISTER,
      { input: registration({ name: 'NCE Maritime', countyCode: '15', town: 'Ålesund' }) },
      admin,
    );
    const id = data!.registerCluster.id;
    const change = `mutation($id: ID!, $input: ChangeClusterLevelInput!) {
      changeClusterLevel(id: $id, input: $input) { level levelHistory { level from to reason } } }`;

    const up = await clusters.query(
      change,
      { id, input: { level: 'GCE', effectiveFrom: '2014-07-01', reason: 'GCE Blue Maritime' } },
      caseworker,
    );
    const down = await clusters.query(
      change,
      { id, input: { level: 'NCE', effectiveFrom: '2024-01-01', reason: 'Test step down' } },
      caseworker,
    );
    const backdated = await clusters.query(
      change,
      { id, input: { level: 'ARENA', effectiveFrom: '2010-01-01', reason: 'Too early' } },
      caseworker,
    );
    const same = await clusters.query(
      change,
      { id, input: { level: 'NCE', effectiveFrom: '2025-01-01', reason: 'No change' } },
      caseworker,
    );

    expect(up.errors).toBeUndefined();
    expect(down.data).toEqual({
      changeClusterLevel: {
        level: 'NCE',
        levelHistory: [
          { level: 'NCE', from: '2006-01-01', to: '2014-07-01', reason: 'Admitted as NCE in 2006' },
          { level: 'GCE', from: '2014-07-01', to: '2024-01-01', reason: 'GCE Blue Maritime' },
          { level: 'NCE', from: '2024-01-01', to: null, reason: 'Test step down' },
        ],
      },
    });
    expect(backdated.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'effectiveFrom' });
    expect(same.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'level' });
    await waitFor('both level events', () => eventTypes(events, id).length === 3);
    expect(eventTypes(events, id)).toEqual([
      'no.klynge.clusters.ClusterRegistered.v1',
      'no.klynge.clusters.ClusterLevelChanged.v1',
      'no.klynge.clusters.ClusterLevelChanged.v1',
    ]);
  });

  it('shows the level held today: a change from tomorrow is in the history, not yet the level, a filter or a count', async () => {
    const tomorrow = new Date(Date.now() + 36 * 3_600_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
    const { data } = await clusters.query<Registered>(
      REGISTER,
      { input: registration({ name: 'Arena Tomorrow (generated)', level: 'ARENA', countyCode: '18', levelSince: '2015-01-01' }) },
      admin,
    );
    const id = data!.registerCluster.id;
    const countsBefore = await clusters.query<{ clusterCounts: { byLevel: { level: string; clusters: number }[] } }>(
      '{ clusterCounts { byLevel { level clusters } } }',
    );
    const changed = await clusters.query<{ changeClusterLevel: { level: string; levelHistory: { level: string; from: string }[] } }>(
      `mutation($id: ID!, $input: ChangeClusterLevelInput!) { changeClusterLevel(id: $id, input: $input) { level levelHistory { level from } } }`,
      { id, input: { level: 'ARENA_PRO', effectiveFrom: tomorrow, reason: 'Arena Pro from tomorrow' } },
      caseworker,
    );
    expect(changed.data!.changeClusterLevel).toEqual({
      level: 'ARENA',
      levelHistory: [
        { level: 'ARENA', from: '2015-01-01' },
        { level: 'ARENA_PRO', from: tomorrow },
      ],
    });
    const names = async (level: string) =>
      (
        await clusters.query<{ clusters: { edges: { node: { name: string } }[] } }>(
          `query($level: ClusterLevel!) { clusters(filter: { level: $level }, first: 100) { edges { node { name } } } }`,
          { level },
        )
      ).data!.clusters.edges.map(({ node }) => node.name);
    expect(await names('ARENA')).toContain('Arena Tomorrow (generated)');
    expect(await names('ARENA_PRO')).not.toContain('Arena Tomorrow (generated)');
    const countsAfter = await clusters.query<{ clusterCounts: { byLevel: { level: string; clusters: number }[] } }>(
      '{ clusterCounts { byLevel { level clusters } } }',
    );
    const arenas = (counts: typeof countsAfter) => counts.data!.clusterCounts.byLevel.find((row) => row.level === 'ARENA')?.clusters ?? 0;
    expect(arenas(countsAfter)).toBe(arenas(countsBefore));

    // Registering is at the level held now: not from tomorrow.
    const early = await clusters.query(
      REGISTER,
      { input: registration({ name: 'Not Yet (generated)', countyCode: '18', levelSince: tomorrow }) },
      admin,
    );
    expect(early.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'levelSince' });
  });

  it('ends a level with the next one not known (NCE after 2018): no level today, not in a level filter, counted as unknown, and ClusterLevelEnded goes out', async () => {
    const counts = async () =>
      (
        await clusters.query<{ clusterCounts: { total: number; levelUnknown: number; byLevel: { level: string; clusters: number }[] } }>(
          '{ clusterCounts { total levelUnknown byLevel { level clusters } } }',
        )
      ).data!.clusterCounts;
    const before = await counts();
    const events = await clusters.readTopic('clusters.cluster.v1');
    const { data } = await clusters.query<Registered>(
      REGISTER,
      { input: registration({ name: 'NCE Ended (generated)', level: 'NCE', countyCode: '50', levelSince: '2009-01-01' }) },
      admin,
    );
    const id = data!.registerCluster.id;
    const END = `mutation($id: ID!, $input: EndClusterLevelInput!) { endClusterLevel(id: $id, input: $input) { level levelHistory { level from to } } }`;

    // Refused, writing nothing: by a viewer, before the level began, and a second time.
    expect(
      (await clusters.query(END, { id, input: { effectiveFrom: '2019-01-01', reason: 'x' } }, viewer)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await clusters.query(END, { id, input: { effectiveFrom: '2009-01-01', reason: 'x' } }, caseworker)).errors?.[0]?.extensions,
    ).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'effectiveFrom',
    });
    const ended = await clusters.query<{ endClusterLevel: unknown }>(
      END,
      { id, input: { effectiveFrom: '2019-01-01', reason: 'NCE stopped being a level with 2019' } },
      caseworker,
    );
    expect(ended.data!.endClusterLevel).toEqual({ level: null, levelHistory: [{ level: 'NCE', from: '2009-01-01', to: '2019-01-01' }] });
    expect(
      (await clusters.query(END, { id, input: { effectiveFrom: '2020-01-01', reason: 'again' } }, caseworker)).errors?.[0]?.extensions,
    ).toEqual({
      code: 'CONFLICT',
      field: 'id',
    });

    const after = await counts();
    expect(after.total).toBe(before.total + 1);
    expect(after.levelUnknown).toBe(before.levelUnknown + 1);
    expect(after.byLevel).toEqual(before.byLevel);
    const nce = await clusters.query<{ clusters: { edges: { node: { name: string } }[] } }>(
      '{ clusters(filter: { level: NCE }, first: 100) { edges { node { name } } } }',
    );
    expect(nce.data!.clusters.edges.map(({ node }) => node.name)).not.toContain('NCE Ended (generated)');
    const [message] = await waitFor('ClusterLevelEnded', () => {
      const found = events.filter((m) => m.key === id && m.value.includes('ClusterLevelEnded'));
      return found.length === 1 && found;
    });
    expect(JSON.parse(message!.value)).toMatchObject({
      type: 'no.klynge.clusters.ClusterLevelEnded.v1',
      data: { clusterId: id, level: 'NCE', effectiveFrom: '2019-01-01', reason: 'NCE stopped being a level with 2019' },
    });

    // Once a source gives the next level, it starts the new period and shortens the unknown gap.
    const next = await clusters.query<{ changeClusterLevel: unknown }>(
      `mutation($id: ID!, $input: ChangeClusterLevelInput!) { changeClusterLevel(id: $id, input: $input) { level levelHistory { level from to } } }`,
      { id, input: { level: 'ARENA_PRO', effectiveFrom: '2018-07-01', reason: 'Arena Pro, as a later source says' } },
      caseworker,
    );
    expect(next.data!.changeClusterLevel).toEqual({
      level: 'ARENA_PRO',
      levelHistory: [
        { level: 'NCE', from: '2009-01-01', to: '2018-07-01' },
        { level: 'ARENA_PRO', from: '2018-07-01', to: null },
      ],
    });
  });

  it('publishes for a cluster as sources report it the level the registry gives it today, and until when', async () => {
    const thisYear = Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' }).slice(0, 4));
    const page = 'https://example.org/arena-then-arena-pro';
    const events = await clusters.readTopic('clusters.cluster.v1');
    const cluster = await new ClusterService(clusters.service.unitOfWork).registerReported({
      name: 'Arena Then Arena Pro (generated)',
      otherNames: [],
      countyCode: '46',
      town: null,
      membersReported: [],
      periods: [
        // A page gives an Arena span that covers today, and the Arena Pro period that follows it next year.
        {
          level: 'ARENA',
          fromYear: thisYear - 1,
          fromYears: [thisYear - 1],
          toYear: thisYear,
          toYears: [thisYear],
          endedBy: 'SOURCE',
          claims: [
            { claim: 'START', year: thisYear - 1, url: page },
            { claim: 'END', year: thisYear, url: page },
          ],
        },
        {
          level: 'ARENA_PRO',
          fromYear: thisYear + 1,
          fromYears: [thisYear + 1],
          toYear: thisYear + 6,
          toYears: [],
          endedBy: 'TERM',
          claims: [{ claim: 'START', year: thisYear + 1, url: page }],
        },
      ],
    });

    const held = await clusters.query<{ cluster: { level: string | null } }>(`{ cluster(id: "${cluster.id}") { level } }`);
    expect(held.data!.cluster.level).toBe('ARENA');
    // Its event says the same: a read model (CURRENT_DIRECTORY_LEVEL) holds ARENA until the span ends.
    const [message] = await waitFor('ClusterRegistered', () => {
      const found = events.filter((m) => m.key === cluster.id);
      return found.length === 1 && found;
    });
    expect(JSON.parse(message!.value)).toMatchObject({ data: { level: 'ARENA', levelUntil: `${thisYear + 1}-01-01` } });
  });

  it("updates a cluster's facts; its own manager may, another cluster's may not; contact details stay private", async () => {
    const events = await clusters.readTopic('clusters.cluster.v1');
    const { data } = await clusters.query<Registered>(
      REGISTER,
      {
        input: registration({
          name: 'Oslo EdTech Cluster',
          level: 'ARENA',
          countyCode: '03',
          manager: { name: 'Kari Nordmann', email: 'kari@example.org' },
        }),
      },
      admin,
    );
    const id = data!.registerCluster.id;
    const update = `mutation($id: ID!, $input: UpdateClusterInput!) { updateCluster(id: $id, input: $input) { town sectors } }`;
    const read = `query($id: ID!) { cluster(id: $id) { managerContact { name email } } }`;

    const byOwnManager = await clusters.query(update, { id, input: { town: 'Oslo', sectors: ['education', 'technology'] } }, managerOf(id));
    const byOtherManager = await clusters.query(
      update,
      { id, input: { town: 'Bergen' } },
      managerOf('00000000-0000-4000-8000-000000000000'),
    );
    const unknown = await clusters.query(update, { id: '00000000-0000-4000-8000-000000000000', input: { town: 'X' } }, admin);

    expect(byOwnManager).toEqual({ data: { updateCluster: { town: 'Oslo', sectors: ['education', 'technology'] } } });
    expect(byOtherManager.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(unknown.errors?.[0]?.extensions).toEqual({
      code: 'NOT_FOUND',
      entity: 'Cluster',
      id: '00000000-0000-4000-8000-000000000000',
      field: 'id',
    });
    expect((await clusters.query(read, { id }, managerOf(id))).data).toEqual({
      cluster: { managerContact: { name: 'Kari Nordmann', email: 'kari@example.org' } },
    });
    expect((await clusters.query(read, { id }, viewer)).data).toEqual({ cluster: { managerContact: null } });
    expect((await clusters.query(read, { id })).data).toEqual({ cluster: { managerContact: null } });

    const updated = await waitFor('ClusterUpdated', () => events.find((m) => m.key === id && m.value.includes('ClusterUpdated')));
    expect(JSON.parse(updated.value)).toMatchObject({ data: { changedFields: ['town', 'sectors'], town: 'Oslo' } });
    expect(updated.value).not.toContain('Kari');
  });
});

describe('clusters: finding them', () => {
  let clusters: ClustersUnderTest;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    clusters = await startClusters('cluster_queries');
    const registrations = [
      registration({ name: 'NCE Raufoss', countyCode: '34', sectors: ['manufacturing'] }),
      registration({ name: 'NCE Seafood Innovation Cluster', countyCode: '46', sectors: ['seafood'], levelSince: '2015-01-01' }),
      registration({ name: 'Innovasjon Torskefisk', level: 'ARENA', countyCode: '18', sectors: ['seafood'], levelSince: '2015-01-01' }),
      registration({
        name: 'Arena olje- og gassklynge Helgeland',
        level: 'ARENA',
        countyCode: '18',
        sectors: ['energy'],
        levelSince: '2015-01-01',
      }),
      registration({ name: 'GCE NODE', level: 'GCE', countyCode: '42', description: 'Oil and gas technology', levelSince: '2014-01-01' }),
    ];
    for (const input of registrations) {
      const { data } = await clusters.query<Registered>(REGISTER, { input }, admin);
      ids[input.name] = data!.registerCluster.id;
    }
  });

  afterAll(async () => {
    await clusters?.close();
  });

  const LIST = `query($filter: ClusterFilter, $first: Int!, $after: String) {
    clusters(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { name } }
    } }`;
  type List = {
    clusters: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
      edges: { cursor: string; node: { name: string } }[];
    };
  };
  const names = (result: { data?: List }) => result.data!.clusters.edges.map((edge) => edge.node.name);

  it('finds one by id or by slug, and asks for exactly one of them', async () => {
    const byId = await clusters.query(`query($id: ID!) { cluster(id: $id) { name } }`, { id: ids['GCE NODE'] });
    const bySlug = await clusters.query(`{ cluster(slug: "gce-node") { name level } }`);
    const both = await clusters.query(`query($id: ID!) { cluster(id: $id, slug: "gce-node") { name } }`, { id: ids['GCE NODE'] });
    const missing = await clusters.query(`{ cluster(slug: "no-such-cluster") { name } }`);
    expect(byId.data).toEqual({ cluster: { name: 'GCE NODE' } });
    expect(bySlug.data).toEqual({ cluster: { name: 'GCE NODE', level: 'GCE' } });
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(missing.data).toEqual({ cluster: null });
  });

  it('lists by name in stable pages with a total count', async () => {
    const first = await clusters.query<List>(LIST, { first: 2 });
    const second = await clusters.query<List>(LIST, { first: 2, after: first.data!.clusters.pageInfo.endCursor });
    const third = await clusters.query<List>(LIST, { first: 2, after: second.data!.clusters.pageInfo.endCursor });
    expect([...names(first), ...names(second), ...names(third)]).toEqual([
      'Arena olje- og gassklynge Helgeland',
      'GCE NODE',
      'Innovasjon Torskefisk',
      'NCE Raufoss',
      'NCE Seafood Innovation Cluster',
    ]);
    expect(first.data!.clusters.totalCount).toBe(5);
    // Relay's page info, paging forward: a previous page once the page starts after a cursor.
    expect(first.data!.clusters.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(second.data!.clusters.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(third.data!.clusters.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: third.data!.clusters.edges[0]!.cursor,
      endCursor: expect.any(String),
    });
    // After a cursor with nothing that matches at or before it, there is no previous page.
    const gce = await clusters.query<List>(LIST, { first: 2, filter: { level: 'GCE' }, after: first.data!.clusters.edges[0]!.cursor });
    expect(names(gce)).toEqual(['GCE NODE']);
    expect(gce.data!.clusters.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    const bad = await clusters.query(LIST, { first: 2, after: 'nonsense' });
    expect(bad.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    const tooMany = await clusters.query(LIST, { first: 5000 });
    expect(tooMany.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('filters by level, county, sector and text', async () => {
    expect(names(await clusters.query<List>(LIST, { first: 10, filter: { level: 'ARENA' } }))).toEqual([
      'Arena olje- og gassklynge Helgeland',
      'Innovasjon Torskefisk',
    ]);
    expect(names(await clusters.query<List>(LIST, { first: 10, filter: { countyCode: '46' } }))).toEqual([
      'NCE Seafood Innovation Cluster',
    ]);
    expect(names(await clusters.query<List>(LIST, { first: 10, filter: { sector: 'seafood', level: 'ARENA' } }))).toEqual([
      'Innovasjon Torskefisk',
    ]);
    expect(names(await clusters.query<List>(LIST, { first: 10, filter: { text: 'oil and GAS' } }))).toEqual(['GCE NODE']);
  });

  it('counts clusters per level and county, in SQL', async () => {
    const { data } = await clusters.query<{ clusterCounts: Record<string, unknown> }>(`{ clusterCounts {
      total byLevel { level clusters } byCounty { county { code name } clusters } byLevelAndCounty { level county { code } clusters } } }`);
    expect(data!.clusterCounts).toEqual({
      total: 5,
      byLevel: [
        { level: 'ARENA', clusters: 2 },
        { level: 'GCE', clusters: 1 },
        { level: 'NCE', clusters: 2 },
      ],
      byCounty: [
        { county: { code: '18', name: 'Nordland' }, clusters: 2 },
        { county: { code: '34', name: 'Innlandet' }, clusters: 1 },
        { county: { code: '42', name: 'Agder' }, clusters: 1 },
        { county: { code: '46', name: 'Vestland' }, clusters: 1 },
      ],
      byLevelAndCounty: [
        { level: 'ARENA', county: { code: '18' }, clusters: 2 },
        { level: 'GCE', county: { code: '42' }, clusters: 1 },
        { level: 'NCE', county: { code: '34' }, clusters: 1 },
        { level: 'NCE', county: { code: '46' }, clusters: 1 },
      ],
    });
  });
});
