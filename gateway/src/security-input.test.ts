import { admin, fingerprint, graphUnderAttack, innovasjonNorge } from './test-support/graph-under-attack';

// Bad input: refused as BAD_USER_INPUT naming the field, before any SQL, and nothing written.
const attacked = graphUnderAttack('sec_input', { world: true });

describe('bad input', () => {
  it.each([
    ['clusters', '{ clusters(filter: { text: "a\\u0000b" }) { totalCount } }', 'filter.text'],
    ['organizations', '{ organizations(filter: { text: "a\\u0000b" }) { totalCount } }', 'filter.text'],
    ['applications by cluster', '{ applications(filter: { clusterId: "not-a-uuid" }) { totalCount } }', 'filter.clusterId'],
    ['applications by call', '{ applications(filter: { callId: "not-a-uuid" }) { totalCount } }', 'filter.callId'],
    ['grants by cluster', '{ grants(filter: { clusterId: "not-a-uuid" }) { totalCount } }', 'filter.clusterId'],
    ['competence programmes', '{ competenceProgrammes(theme: "a\\u0000b") { id } }', 'theme'],
    ['a cluster by id', '{ cluster(id: "1; DROP TABLE clusters") { name } }', 'id'],
  ])('NUL characters and malformed ids are BAD_USER_INPUT naming the field: %s', async (_case, query, field) => {
    const answer = await attacked.client.gq(query);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  // A lone surrogate comes in a JSON string (a GraphQL string literal cannot hold one); stored as
  // UTF-8 it became U+FFFD without a word.
  it.each([
    ['a NUL character', '\u0000'],
    ['half of a surrogate pair', '\ud800'],
  ])('refuses %s in a mutation of every subgraph, and writes nothing', async (_what, character) => {
    const { graph, client, world } = attacked;
    const before = await fingerprint(graph);
    const mutations: [string, Record<string, unknown>, string][] = [
      [
        'mutation($id: ID!, $t: String!) { updateCluster(id: $id, input: { town: $t }) { town } }',
        { id: world.clusterA, t: `Rau${character}foss` },
        'town',
      ],
      ['mutation($n: String!) { registerAgency(input: { code: "nul", name: $n, kind: OTHER }) { code } }', { n: `N${character}` }, 'name'],
      [
        'mutation($p: ID!, $t: String!) { addModule(input: { programmeId: $p, title: $t, theme: "x", format: COURSE }) { id } }',
        { p: world.programmeId, t: `T${character}` },
        'title',
      ],
    ];
    for (const [query, variables, field] of mutations) {
      const answer = await client.gq(query, variables, admin);
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await fingerprint(graph)).toEqual(before);
  });

  it('takes orgNumber: null as "not given", with a token or without', async () => {
    const { client, world } = attacked;
    const create = 'mutation($input: CreateApplicationInput!) { createApplication(input: $input) { status } }';
    const input = { callId: world.callId, clusterId: null, orgNumber: null, title: 'Nobody applies', requested: '1' };
    expect((await client.gq(create, { input })).errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await client.gq(create, { input }, admin)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'clusterId',
    });
    const asCluster = await client.gq(create, { input: { ...input, clusterId: world.clusterA, title: 'The cluster applies' } }, admin);
    expect(asCluster.data).toEqual({ createApplication: { status: 'DRAFT' } });
  });

  const cursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

  it.each([
    ['grants', '{ grants(first: 2, after: $a) { totalCount } }', ['x', '5967235f-644a-418b-b2c2-39b9a1ff15ec']],
    ['applications', '{ applications(first: 2, after: $a) { totalCount } }', ['yesterday', 'not-a-uuid']],
    ['clusters', '{ clusters(first: 2, after: $a) { totalCount } }', [1, 2]],
    ['organizations', '{ organizations(first: 2, after: $a) { totalCount } }', ['a\u0000', '123456785']],
    ['members of a cluster', '{ clusters(first: 1) { edges { node { members(first: 2, after: $a) { totalCount } } } } }', ['x', 1]],
  ])('a forged cursor is BAD_USER_INPUT, never reaching SQL: %s', async (_case, query, key) => {
    const answer = await attacked.client.gq(query.replace('{', 'query($a: String) {'), { a: cursor(key) });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it.each(['2031-02-30T12:00:00+01:00', '2031-04-31T12:00:00Z', '2030-01-01T24:00:00Z', '2030-01-01T12:00', '2030-01-01T12:00:00+25:00'])(
    'refuses a call deadline that does not exist, or has no offset: %s',
    async (closesAt) => {
      const answer = await attacked.client.gq(
        'mutation($c: String!) { openCall(input: { programmeCode: "OMSTILLINGSMOTOREN", title: "Impossible", opensOn: "2020-01-01", closesAt: $c }) { id } }',
        { c: closesAt },
        innovasjonNorge,
      );
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'closesAt' });
    },
  );

  it('refuses names of invisible characters, text-direction overrides, dates before the facts they follow, and upper-case ids', async () => {
    const { client, world } = attacked;
    const update = 'mutation($id: ID!, $input: UpdateClusterInput!) { updateCluster(id: $id, input: $input) { name } }';
    for (const [input, field] of [
      [{ name: '\u200b' }, 'name'],
      [{ name: '\u202eevil' }, 'name'],
    ] as const) {
      const answer = await client.gq(update, { id: world.clusterA, input }, admin);
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const upper = await client.gq(update, { id: world.clusterA.toUpperCase(), input: { town: 'Raufoss' } }, admin);
    expect(upper.errors?.[0]).toMatchObject({
      message: 'id must be a UUID written in lower case',
      extensions: { code: 'BAD_USER_INPUT', field: 'id' },
    });
    const early = await client.gq(
      'mutation($id: ID!) { completeEnrolment(id: $id, completedOn: "1900-01-01") { status } }',
      { id: world.enrolmentId },
      admin,
    );
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'completedOn' });
    const paid = await client.gq(
      'mutation($g: ID!) { recordDisbursement(input: { grantId: $g, amount: "1", paidOn: "1900-01-01" }) { paidOn } }',
      { g: world.grantId },
      admin,
    );
    expect(paid.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'paidOn' });
  });
});

describe('list and string lengths', () => {
  it('refuses 10,000 sectors and a name of 20,000 characters, naming the field, and writes nothing', async () => {
    const { graph, client, world } = attacked;
    const before = await fingerprint(graph, [graph.clusters]);
    const update = 'mutation($id: ID!, $input: UpdateClusterInput!) { updateCluster(id: $id, input: $input) { id } }';
    const sectors = (count: number) => ({
      id: world.clusterA,
      input: { sectors: Array.from({ length: count }, (_, index) => `sector ${index}`) },
    });
    // 10,000 do not even fit in a request body the gateway takes; 1,000 reach the subgraph's input layer.
    const tenThousand = await client.gq(update, sectors(10_000), admin);
    expect([tenThousand.status, tenThousand.errors?.[0]?.extensions?.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const thousand = await client.gq(update, sectors(1_000), admin);
    expect(thousand.errors?.[0]).toMatchObject({
      message: 'sectors must have at most 20 items',
      extensions: { code: 'BAD_USER_INPUT', field: 'sectors' },
    });
    const name = await client.gq(update, { id: world.clusterA, input: { description: 'x'.repeat(20_000) } }, admin);
    expect(name.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'description' });
    expect(await fingerprint(graph, [graph.clusters])).toEqual(before);
  });
});
