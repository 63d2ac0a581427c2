import { announceCluster, eventTypes, type ServiceUnderTest, testCallers } from '@klynge/subgraph-under-test';
import { waitFor } from '@klynge/test-infrastructure';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { designateCentre, refusal, siva, startCatapult } from '../test-support/catapult-under-test';

const SELECT = `mutation($input: SelectCatapultNodeInput!) { selectCatapultNode(input: $input) {
  id name host { name orgNumber } hostCluster { id } locations { place countyCode countyName } selectedOn selectedOnPrecision
  amountGranted { amount currency } centres { name } } }`;
const ALLOCATE = `mutation($input: RecordCatapultAllocationInput!) { recordCatapultAllocation(input: $input) {
  id year amount { amount currency } amountBound recipient grantedBy purpose centres { name } } }`;

/** Against the real PostgreSQL and Kafka: Siva's scheme of centres, nodes and allocations. */
describe('the catapult scheme: centres, nodes and allocations', () => {
  let catapult: ServiceUnderTest;
  let raufoss: string;
  let eyde: string;
  let ikuben: string;
  let manufacturing: string;
  let materials: string;

  beforeAll(async () => {
    catapult = await startCatapult('catapult_scheme');
    raufoss = await announceCluster(catapult, { name: 'NCE Raufoss', level: 'NCE', countyCode: '34' });
    eyde = await announceCluster(catapult, { name: 'NCE Eyde', level: 'NCE', countyCode: '42' });
    ikuben = await announceCluster(catapult, { name: 'NCE iKuben', level: 'NCE', countyCode: '15' });
  });

  afterAll(async () => {
    await catapult?.close();
  });

  it('designates centres with the clusters behind them, publishes CentreDesignated, and shows them on the clusters', async () => {
    const events = await catapult.readTopic('catapult.centre.v1');
    manufacturing = await designateCentre(catapult, {
      name: 'Manufacturing Technology',
      alsoKnownAs: ['Norwegian Manufacturing Technology Center'],
      hostOrganizations: [{ name: 'SINTEF Raufoss Manufacturing' }],
      clusterIds: [raufoss],
    });
    materials = await designateCentre(catapult, {
      name: 'Future Materials',
      alsoKnownAs: ['FutureMat'],
      theme: 'MATERIALS',
      locations: [
        { place: 'Grimstad', countyCode: '42', municipalityCode: '4202' },
        { place: 'Kristiansand', countyCode: '42' },
      ],
      hostOrganizations: [{ name: 'Elkem', orgNumber: '123456785' }],
      partnerOrganizations: [{ name: 'Resitec' }],
      clusterIds: [eyde],
    });
    await waitFor(
      'both events on the topic',
      () => eventTypes(events, manufacturing).length === 1 && eventTypes(events, materials).length === 1,
    );
    expect(eventTypes(events, manufacturing)).toEqual(['no.klynge.catapult.CentreDesignated.v1']);
    const designated = JSON.parse(events.find((message) => message.key === materials)!.value) as { data: unknown };
    expect(designated.data).toEqual({
      centreId: materials,
      name: 'Future Materials',
      theme: 'MATERIALS',
      designatedOn: '2017-10-01',
      designatedOnPrecision: 'MONTH',
      countyCodes: ['42'],
      clusterIds: [eyde],
    });

    const centre = await catapult.query<{ catapultCentre: unknown }>(
      `query($id: ID!) { catapultCentre(id: $id) { name alsoKnownAs theme status designatedOn designatedOnPrecision
        locations { place municipalityCode countyCode countyName } hostOrganizations { name orgNumber } partnerOrganizations { name }
        clusters { id } } }`,
      { id: materials },
    );
    expect(centre.data!.catapultCentre).toEqual({
      name: 'Future Materials',
      alsoKnownAs: ['FutureMat'],
      theme: 'MATERIALS',
      status: 'DESIGNATED',
      designatedOn: '2017-10-01',
      designatedOnPrecision: 'MONTH',
      locations: [
        { place: 'Grimstad', municipalityCode: '4202', countyCode: '42', countyName: 'Agder' },
        { place: 'Kristiansand', municipalityCode: null, countyCode: '42', countyName: 'Agder' },
      ],
      hostOrganizations: [{ name: 'Elkem', orgNumber: '123456785' }],
      partnerOrganizations: [{ name: 'Resitec' }],
      clusters: [{ id: eyde }],
    });

    const onClusters = await catapult.query<{ _entities: unknown[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Cluster { id catapultCentres { name } } } }`,
      { r: [raufoss, eyde, ikuben].map((id) => ({ __typename: 'Cluster', id })) },
    );
    expect(onClusters.data!._entities).toEqual([
      { id: raufoss, catapultCentres: [{ name: 'Manufacturing Technology' }] },
      { id: eyde, catapultCentres: [{ name: 'Future Materials' }] },
      { id: ikuben, catapultCentres: [] },
    ]);
  });

  it('closes a centre once, publishing CentreClosed, and only Siva may', async () => {
    const events = await catapult.readTopic('catapult.centre.v1');
    const closing = await designateCentre(catapult, { name: 'A centre to close (generated)', designatedOn: '2018-06-01' });
    const close = (input: Record<string, unknown>, caller = siva) =>
      catapult.query<{ closeCatapultCentre: unknown }>(
        `mutation($input: CloseCatapultCentreInput!) { closeCatapultCentre(input: $input) { status closedOn closedOnPrecision } }`,
        { input: { centreId: closing, closedOn: '2021-01-01', closedOnPrecision: 'YEAR', ...input } },
        caller,
      );
    expect(await refusal(close({}, testCallers.caseworker('innovasjon-norge')))).toEqual({ code: 'FORBIDDEN', field: undefined });
    expect(await refusal(close({ closedOn: '2018-01-01' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'closedOn' });
    expect(await refusal(close({ closedOn: '2021-03-01' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'closedOn' });
    expect(await refusal(close({ centreId: '00000000-0000-4000-8000-000000000000' }))).toEqual({ code: 'NOT_FOUND', field: 'centreId' });
    expect(
      (
        await catapult.query<{ catapultCentre: unknown }>(`query($id: ID!) { catapultCentre(id: $id) { status closedOn } }`, {
          id: closing,
        })
      ).data!.catapultCentre,
    ).toEqual({
      status: 'DESIGNATED',
      closedOn: null,
    });
    expect((await close({})).data!.closeCatapultCentre).toEqual({ status: 'CLOSED', closedOn: '2021-01-01', closedOnPrecision: 'YEAR' });
    expect(await refusal(close({ closedOn: '2022-01-01' }))).toEqual({ code: 'CONFLICT', field: 'centreId' });
    await waitFor('CentreClosed on the topic', () => eventTypes(events, closing).length === 2);
    expect(eventTypes(events, closing)).toEqual(['no.klynge.catapult.CentreDesignated.v1', 'no.klynge.catapult.CentreClosed.v1']);
    await catapult.db.query('DELETE FROM catapult_centres WHERE id = $1', [closing]);
  });

  it('finds centres by theme, county, cluster and any name they are known by', async () => {
    const names = async (filter: Record<string, unknown>) => {
      const answer = await catapult.query<{ catapultCentres: { name: string }[] }>(
        `query($f: CatapultCentreFilter) { catapultCentres(filter: $f) { name } }`,
        { f: filter },
      );
      return answer.data?.catapultCentres.map((centre) => centre.name) ?? answer.errors;
    };
    expect(await names({})).toEqual(['Future Materials', 'Manufacturing Technology']);
    expect(await names({ theme: 'MATERIALS' })).toEqual(['Future Materials']);
    expect(await names({ countyCode: '34' })).toEqual(['Manufacturing Technology']);
    expect(await names({ clusterId: eyde })).toEqual(['Future Materials']);
    expect(await names({ clusterId: 'not-a-uuid' })).toEqual([
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.clusterId' } }),
    ]);
    expect(await names({ text: 'futuremat' })).toEqual(['Future Materials']);
    expect(await names({ text: '%' })).toEqual([]);
  });

  it('selects a node hosted by a cluster, working with a centre, and publishes NodeSelected', async () => {
    const events = await catapult.readTopic('catapult.centre.v1');
    const selected = await catapult.query<{ selectCatapultNode: { id: string } & Record<string, unknown> }>(
      SELECT,
      {
        input: {
          name: 'NCE iKuben',
          host: { name: 'NCE iKuben' },
          hostClusterId: ikuben,
          locations: [{ place: 'Molde', countyCode: '15' }],
          centreIds: [manufacturing],
          selectedOn: '2022-01-01',
          selectedOnPrecision: 'YEAR',
          amountGranted: '5000000',
        },
      },
      siva,
    );
    expect(selected.errors).toBeUndefined();
    const node = selected.data!.selectCatapultNode;
    expect(node).toEqual({
      id: node.id,
      name: 'NCE iKuben',
      host: { name: 'NCE iKuben', orgNumber: null },
      hostCluster: { id: ikuben },
      locations: [{ place: 'Molde', countyCode: '15', countyName: 'Møre og Romsdal' }],
      selectedOn: '2022-01-01',
      selectedOnPrecision: 'YEAR',
      amountGranted: { amount: '5000000', currency: 'NOK' },
      centres: [{ name: 'Manufacturing Technology' }],
    });
    await waitFor('NodeSelected on the topic', () => eventTypes(events, node.id).length === 1);
    expect(eventTypes(events, node.id)).toEqual(['no.klynge.catapult.NodeSelected.v1']);

    const unknownAmount = await catapult.query<{ selectCatapultNode: { amountGranted: unknown; hostCluster: unknown } }>(
      SELECT,
      {
        input: {
          name: 'Cod Cluster',
          host: { name: 'Cod Cluster' },
          locations: [
            { place: 'Bodø', countyCode: '18' },
            { place: 'Båtsfjord', countyCode: '56' },
          ],
          selectedOn: '2022-01-01',
          selectedOnPrecision: 'YEAR',
        },
      },
      siva,
    );
    expect(unknownAmount.data!.selectCatapultNode).toMatchObject({ amountGranted: null, hostCluster: null });

    const related = await catapult.query<{
      catapultCentre: { nodes: { name: string }[] };
      catapultNodes: { name: string }[];
      _entities: unknown[];
    }>(
      `query($id: ID!, $r: [_Any!]!) { catapultCentre(id: $id) { nodes { name } } catapultNodes(filter: { countyCode: "56" }) { name }
        _entities(representations: $r) { ... on Cluster { catapultNodes { name } catapultSupportByYear { agencyCode year amount { amount } } } } }`,
      { id: manufacturing, r: [{ __typename: 'Cluster', id: ikuben }] },
    );
    expect(related.data).toEqual({
      catapultCentre: { nodes: [{ name: 'NCE iKuben' }] },
      catapultNodes: [{ name: 'Cod Cluster' }],
      _entities: [
        {
          catapultNodes: [{ name: 'NCE iKuben' }],
          catapultSupportByYear: [{ agencyCode: 'siva', year: 2022, amount: { amount: '5000000' } }],
        },
      ],
    });
  });

  it('records allocations as the sources give them, and adds them up per year, saying when a total is a lower bound', async () => {
    const events = await catapult.readTopic('catapult.allocation.v1');
    const record = (input: Record<string, unknown>) =>
      catapult.query<{ recordCatapultAllocation: { id: string } }>(ALLOCATE, { input }, testCallers.admin);
    // Refused inside the transaction (no such centre): nothing recorded, nothing announced.
    const unknownCentre = await record({
      year: 2018,
      amount: '1',
      recipient: 'CENTRES',
      centreIds: ['00000000-0000-4000-8000-000000000000'],
      purpose: 'Refused',
    });
    expect(unknownCentre.errors?.[0]?.extensions?.field).toBe('centreIds');
    const scheme = await record({
      year: 2018,
      amount: '125000000',
      recipient: 'SCHEME',
      grantedBy: 'Ministry',
      purpose: 'Granted to Norsk katapult',
    });
    expect(scheme.errors).toBeUndefined();
    const centres = await record({
      year: 2018,
      amount: '55000000',
      recipient: 'CENTRES',
      centreIds: [manufacturing, materials],
      purpose: 'Developing the two centres',
    });
    expect(centres.data!.recordCatapultAllocation).toMatchObject({
      amount: { amount: '55000000', currency: 'NOK' },
      amountBound: 'EXACT',
      grantedBy: null,
      centres: [{ name: 'Manufacturing Technology' }, { name: 'Future Materials' }],
    });
    await record({ year: 2022, amount: '47000000', amountBound: 'MORE_THAN', recipient: 'NODES', purpose: 'The eight nodes together' });
    const years = await catapult.query<{ catapultAllocationsByYear: unknown[] }>(
      `{ catapultAllocationsByYear { year total { amount } totalIsLowerBound allocations { recipient } } }`,
    );
    expect(years.data!.catapultAllocationsByYear).toEqual([
      {
        year: 2018,
        total: { amount: '180000000' },
        totalIsLowerBound: false,
        allocations: [{ recipient: 'SCHEME' }, { recipient: 'CENTRES' }],
      },
      { year: 2022, total: { amount: '47000000' }, totalIsLowerBound: true, allocations: [{ recipient: 'NODES' }] },
    ]);
    await waitFor('AllocationRecorded for each', () => events.length === 3);
    await waitFor('the outbox to be empty', async () => (await catapult.stillMoving()) === undefined);
    expect(events).toHaveLength(3);
    const centresId = centres.data!.recordCatapultAllocation.id;
    expect(eventTypes(events, centresId)).toEqual(['no.klynge.catapult.AllocationRecorded.v1']);
    expect((JSON.parse(events.find((m) => m.key === centresId)!.value) as { data: unknown }).data).toEqual({
      allocationId: centresId,
      year: 2018,
      amount: '55000000',
      amountBound: 'EXACT',
      recipient: 'CENTRES',
      centreIds: [manufacturing, materials],
      grantedBy: null,
      purpose: 'Developing the two centres',
    });
  });

  it('lets only admins and caseworkers of siva write the scheme, writing nothing for anyone else', async () => {
    const counts = async () =>
      (
        await catapult.db.query<{ n: string }>(
          `SELECT (SELECT count(*) FROM catapult_centres) || '/' || (SELECT count(*) FROM catapult_nodes) || '/' || (SELECT count(*) FROM catapult_allocations) AS n`,
        )
      )[0]!.n;
    const before = await counts();
    const centre = {
      name: 'Refused',
      theme: 'OCEAN',
      designatedOn: '2018-06-01',
      designatedOnPrecision: 'MONTH',
      locations: [{ place: 'Bergen', countyCode: '46' }],
    };
    const node = {
      name: 'Refused',
      host: { name: 'Refused' },
      locations: [{ place: 'Halden', countyCode: '31' }],
      selectedOn: '2022-01-01',
      selectedOnPrecision: 'YEAR',
    };
    const allocation = { year: 2019, amount: '1', recipient: 'SCHEME', purpose: 'Refused' };
    const writes = (caller?: Parameters<typeof catapult.query>[2]) =>
      Promise.all([
        refusal(
          catapult.query(
            `mutation($input: DesignateCatapultCentreInput!) { designateCatapultCentre(input: $input) { id } }`,
            { input: centre },
            caller,
          ),
        ),
        refusal(catapult.query(SELECT, { input: node }, caller)),
        refusal(catapult.query(ALLOCATE, { input: allocation }, caller)),
      ]);
    const forbidden = { code: 'FORBIDDEN', field: undefined };
    expect(await writes(testCallers.caseworker('innovasjon-norge'))).toEqual([forbidden, forbidden, forbidden]);
    expect(await writes(testCallers.caseworker('forskningsradet'))).toEqual([forbidden, forbidden, forbidden]);
    expect(await writes(testCallers.managerOf(raufoss))).toEqual([forbidden, forbidden, forbidden]);
    // A centre's own staff enter its projects; the scheme is Siva's.
    expect(await writes(testCallers.staffOf(`catapult-centre:${manufacturing}`))).toEqual([forbidden, forbidden, forbidden]);
    expect(await writes(testCallers.viewer)).toEqual([forbidden, forbidden, forbidden]);
    const unauthenticated = { code: 'UNAUTHENTICATED', field: undefined };
    expect(await writes()).toEqual([unauthenticated, unauthenticated, unauthenticated]);
    expect(await counts()).toBe(before);
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const count = async () => (await catapult.db.query<{ n: number }>('SELECT count(*)::int AS n FROM catapult_centres'))[0]!.n;
    const before = await count();
    const centre = (input: Record<string, unknown>) =>
      refusal(
        catapult.query(
          `mutation($input: DesignateCatapultCentreInput!) { designateCatapultCentre(input: $input) { id } }`,
          {
            input: {
              name: 'Bad',
              theme: 'OCEAN',
              designatedOn: '2018-06-01',
              designatedOnPrecision: 'MONTH',
              locations: [{ place: 'Bergen', countyCode: '46' }],
              ...input,
            },
          },
          siva,
        ),
      );
    const bad = (field: string) => ({ code: 'BAD_USER_INPUT', field });
    expect(await centre({ name: '  ' })).toEqual(bad('name'));
    expect(await centre({ designatedOn: '2018-06-15' })).toEqual(bad('designatedOn'));
    expect(await centre({ designatedOn: '2018-02-30', designatedOnPrecision: 'DAY' })).toEqual(bad('designatedOn'));
    expect(await centre({ designatedOn: '2016-06-01' })).toEqual(bad('designatedOn'));
    expect(await centre({ designatedOn: '2999-01-01', designatedOnPrecision: 'DAY' })).toEqual(bad('designatedOn'));
    expect(await centre({ locations: [] })).toEqual(bad('locations'));
    expect(await centre({ locations: [{ place: 'Bergen', countyCode: '12' }] })).toEqual(bad('locations[0].countyCode'));
    expect(await centre({ locations: [{ place: 'Bergen', countyCode: '46', municipalityCode: '0301' }] })).toEqual(
      bad('locations[0].municipalityCode'),
    );
    expect(await centre({ hostOrganizations: [{ name: 'Elkem', orgNumber: '123456789' }] })).toEqual(bad('hostOrganizations[0].orgNumber'));
    expect(await centre({ clusterIds: ['00000000-0000-4000-8000-000000000000'] })).toEqual(bad('clusterIds'));
    // Not an id at all: refused by the input layer, naming the item.
    expect(await centre({ clusterIds: ["1'; DROP TABLE catapult_centres; --"] })).toEqual(bad('clusterIds[0]'));
    expect(await centre({ name: 'future materials' })).toEqual({ code: 'CONFLICT', field: 'name' });

    const allocation = (input: Record<string, unknown>) =>
      refusal(catapult.query(ALLOCATE, { input: { year: 2019, amount: '1000', recipient: 'SCHEME', purpose: 'Bad', ...input } }, siva));
    expect(await allocation({ year: 2016 })).toEqual(bad('year'));
    expect(await allocation({ amount: '1.5' })).toEqual(bad('amount'));
    expect(await allocation({ amount: '-5' })).toEqual(bad('amount'));
    expect(await allocation({ recipient: 'CENTRES' })).toEqual(bad('centreIds'));
    expect(await allocation({ centreIds: [manufacturing] })).toEqual(bad('centreIds'));
    expect(await allocation({ recipient: 'CENTRES', centreIds: ['00000000-0000-4000-8000-000000000000'] })).toEqual(bad('centreIds'));
    expect(await count()).toBe(before);
  });

  it('answers the centres and nodes of many clusters in one statement each', async () => {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    let statements: string[];
    let answer;
    try {
      answer = await catapult.query<{ _entities: unknown[] }>(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Cluster { catapultCentres { name } catapultNodes { name } } } }`,
        { r: [raufoss, eyde, ikuben, 'not-a-uuid'].map((id) => ({ __typename: 'Cluster', id })) },
      );
      statements = spy.mock.calls.map(([sql]) => sql);
    } finally {
      spy.mockRestore();
    }
    expect(answer.errors).toBeUndefined();
    expect(answer.data!._entities).toHaveLength(4);
    expect(statements!.filter((sql) => /FROM catapult_centres/.test(sql))).toHaveLength(1);
    expect(statements!.filter((sql) => /FROM catapult_nodes/.test(sql))).toHaveLength(1);
  });
});
