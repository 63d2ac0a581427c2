import { announceCluster, announceOrganization, eventTypes, type ServiceUnderTest, testCallers } from '@klynge/subgraph-under-test';
import { waitFor } from '@klynge/test-infrastructure';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { centreUnit } from '../auth';
import { designateCentre, refusal, siva, START, startCatapult } from '../test-support/catapult-under-test';

const COMPLETE = `mutation($input: CompleteCatapultProjectInput!) { completeCatapultProject(input: $input) { id endedOn status } }`;

// Valid organisation numbers (MOD11), test companies (generated).
const SME = '123456785';
const LARGE = '987654325';
const SIZE_UNKNOWN = '111111111';
const NOT_REGISTERED = '222222222';

/** Against the real PostgreSQL and Kafka: companies' projects at the centres, entered by each centre's own staff. */
describe('catapult projects', () => {
  let catapult: ServiceUnderTest;
  let manufacturing: string;
  let materials: string;
  let staff: ReturnType<typeof testCallers.staffOf>;

  beforeAll(async () => {
    catapult = await startCatapult('catapult_projects');
    const raufoss = await announceCluster(catapult, { name: 'NCE Raufoss', level: 'NCE', countyCode: '34' });
    manufacturing = await designateCentre(catapult, { name: 'Manufacturing Technology', clusterIds: [raufoss] });
    materials = await designateCentre(catapult, {
      name: 'Future Materials',
      theme: 'MATERIALS',
      designatedOn: '2018-06-01',
      locations: [{ place: 'Grimstad', countyCode: '42' }],
    });
    staff = testCallers.staffOf(centreUnit(manufacturing));
    await announceOrganization(catapult, { orgNumber: SME, name: 'Raufoss Test AS (generated)', municipalityCode: '3405', employees: 20 });
    await announceOrganization(catapult, { orgNumber: LARGE, name: 'Stor Test ASA (generated)', municipalityCode: '4204', employees: 900 });
    await announceOrganization(catapult, { orgNumber: SIZE_UNKNOWN, name: 'Ukjent Test AS (generated)', employees: null });
  });

  afterAll(async () => {
    await catapult?.close();
  });

  const start = (input: Record<string, unknown>, caller = staff) =>
    catapult.query<{ startCatapultProject: { id: string } & Record<string, unknown> }>(
      START,
      { input: { centreId: manufacturing, orgNumber: SME, title: 'Testing a new alloy (generated)', startedOn: '2018-03-01', ...input } },
      caller,
    );

  it("lets the centre's staff start and complete a project, publishing ProjectStarted and ProjectCompleted", async () => {
    const events = await catapult.readTopic('catapult.project.v1');
    const started = await start({ services: ['testing', 'simulation', 'testing'] });
    expect(started.errors).toBeUndefined();
    const project = started.data!.startCatapultProject;
    expect(project).toEqual({
      id: project.id,
      orgNumber: SME,
      title: 'Testing a new alloy (generated)',
      startedOn: '2018-03-01',
      endedOn: null,
      status: 'RUNNING',
      services: ['testing', 'simulation'],
      sme: true,
      centre: { id: manufacturing, name: 'Manufacturing Technology' },
    });
    const completed = await catapult.query<{ completeCatapultProject: unknown }>(
      COMPLETE,
      { input: { projectId: project.id, endedOn: '2018-11-30' } },
      staff,
    );
    expect(completed.data!.completeCatapultProject).toEqual({ id: project.id, endedOn: '2018-11-30', status: 'COMPLETED' });
    await waitFor('both events on the topic', () => eventTypes(events, project.id).length === 2);
    expect(eventTypes(events, project.id)).toEqual(['no.klynge.catapult.ProjectStarted.v1', 'no.klynge.catapult.ProjectCompleted.v1']);
    const [startedEvent] = events
      .filter((message) => message.key === project.id)
      .map((message) => JSON.parse(message.value) as { data: unknown });
    expect(startedEvent!.data).toEqual({
      projectId: project.id,
      centreId: manufacturing,
      orgNumber: SME,
      title: 'Testing a new alloy (generated)',
      startedOn: '2018-03-01',
      services: ['testing', 'simulation'],
    });

    expect(await refusal(catapult.query(COMPLETE, { input: { projectId: project.id, endedOn: '2018-12-01' } }, staff))).toEqual({
      code: 'CONFLICT',
      field: 'projectId',
    });
  });

  it("refuses everyone but the centre's staff, Siva's caseworkers and admins, through every write", async () => {
    const before = (await catapult.db.query<{ n: number }>('SELECT count(*)::int AS n FROM catapult_projects'))[0]!.n;
    const forbidden = { code: 'FORBIDDEN', field: undefined };
    expect(await refusal(start({}, testCallers.caseworker('innovasjon-norge')))).toEqual(forbidden);
    expect(await refusal(start({}, testCallers.staffOf(centreUnit(materials))))).toEqual(forbidden);
    expect(await refusal(start({}, testCallers.managerOf('00000000-0000-4000-8000-000000000000')))).toEqual(forbidden);
    expect(await refusal(start({}, testCallers.viewer))).toEqual(forbidden);
    // The claim without the role grants nothing.
    expect(await refusal(start({}, { subject: 'v', roles: ['viewer'], unit: centreUnit(manufacturing) }))).toEqual(forbidden);
    expect(
      await refusal(
        catapult.query(START, { input: { centreId: manufacturing, orgNumber: SME, title: 'Anonymous', startedOn: '2018-03-01' } }),
      ),
    ).toEqual({
      code: 'UNAUTHENTICATED',
      field: undefined,
    });

    const running = (await start({ title: 'Still running (generated)' })).data!.startCatapultProject.id;
    const complete = (caller: Parameters<typeof catapult.query>[2]) =>
      refusal(catapult.query(COMPLETE, { input: { projectId: running, endedOn: '2019-01-31' } }, caller));
    expect(await complete(testCallers.caseworker('innovasjon-norge'))).toEqual(forbidden);
    expect(await complete(testCallers.staffOf(centreUnit(materials)))).toEqual(forbidden);
    const after = (
      await catapult.db.query<{ n: number }>('SELECT count(*)::int AS n FROM catapult_projects WHERE ended_on IS NOT NULL')
    )[0]!.n;
    expect((await catapult.db.query<{ n: number }>('SELECT count(*)::int AS n FROM catapult_projects'))[0]!.n).toBe(before + 1);

    // Siva's caseworkers and admins may, for any centre.
    expect(
      (await start({ centreId: materials, title: 'Entered by Siva (generated)', startedOn: '2018-07-01' }, siva)).errors,
    ).toBeUndefined();
    expect(
      (await catapult.query(COMPLETE, { input: { projectId: running, endedOn: '2019-01-31' } }, testCallers.admin)).errors,
    ).toBeUndefined();
    expect(
      (await catapult.db.query<{ n: number }>('SELECT count(*)::int AS n FROM catapult_projects WHERE ended_on IS NOT NULL'))[0]!.n,
    ).toBe(after + 1);
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const count = async () => (await catapult.db.query<{ n: number }>('SELECT count(*)::int AS n FROM catapult_projects'))[0]!.n;
    const before = await count();
    const bad = (field: string) => ({ code: 'BAD_USER_INPUT', field });
    expect(await refusal(start({ orgNumber: '123456789' }))).toEqual(bad('orgNumber'));
    expect(await refusal(start({ orgNumber: '12345678' }))).toEqual(bad('orgNumber'));
    expect(await refusal(start({ title: ' ' }))).toEqual(bad('title'));
    expect(await refusal(start({ startedOn: '2017-09-30' }))).toEqual(bad('startedOn'));
    expect(await refusal(start({ startedOn: '2999-01-01' }))).toEqual(bad('startedOn'));
    expect(await refusal(start({ startedOn: '2018-13-01' }))).toEqual(bad('startedOn'));
    expect(await refusal(start({ services: [''] }))).toEqual(bad('services[0]'));
    const closed = await designateCentre(catapult, { name: 'Closed centre (generated)', designatedOn: '2018-06-01' });
    expect(
      (
        await catapult.query(
          `mutation { closeCatapultCentre(input: { centreId: "${closed}", closedOn: "2020-01-01", closedOnPrecision: YEAR }) { status } }`,
          {},
          siva,
        )
      ).errors,
    ).toBeUndefined();
    expect(await refusal(start({ centreId: closed, startedOn: '2020-01-01' }, siva))).toEqual(bad('startedOn'));
    const unknownCentre = '00000000-0000-4000-8000-000000000000';
    expect(await refusal(start({ centreId: unknownCentre }, testCallers.admin))).toEqual(bad('centreId'));
    expect(await refusal(start({ centreId: 'x' }, testCallers.admin))).toEqual(bad('centreId'));
    const started = (await start({ title: 'To complete badly (generated)', startedOn: '2019-05-01' })).data!.startCatapultProject.id;
    expect(await refusal(catapult.query(COMPLETE, { input: { projectId: started, endedOn: '2019-04-30' } }, staff))).toEqual(
      bad('endedOn'),
    );
    expect(
      await refusal(
        catapult.query(COMPLETE, { input: { projectId: '00000000-0000-4000-8000-000000000000', endedOn: '2019-04-30' } }, staff),
      ),
    ).toEqual({
      code: 'NOT_FOUND',
      field: 'projectId',
    });
    // One project: the one started below to be completed badly (and one at the closed centre, before it closed).
    expect(
      (await start({ centreId: closed, startedOn: '2019-12-31', title: 'Before it closed (generated)' }, siva)).errors,
    ).toBeUndefined();
    expect(await count()).toBe(before + 2);
    await catapult.db.query('DELETE FROM catapult_projects WHERE centre_id = $1', [closed]);
    await catapult.db.query('DELETE FROM catapult_centres WHERE id = $1', [closed]);
    expect(
      (
        await catapult.db.query<{ n: number }>('SELECT count(*)::int AS n FROM catapult_projects WHERE id = $1 AND ended_on IS NULL', [
          started,
        ])
      )[0]!.n,
    ).toBe(1);
  });

  it('counts projects per centre per year with the SME share among companies of known size, and companies by county', async () => {
    await catapult.db.query('DELETE FROM catapult_projects');
    for (const [orgNumber, startedOn] of [
      [SME, '2018-02-01'],
      [SME, '2018-09-01'],
      [LARGE, '2018-04-01'],
      [SIZE_UNKNOWN, '2018-05-01'],
      [NOT_REGISTERED, '2019-01-15'],
    ] as const) {
      expect((await start({ orgNumber, startedOn, title: `Project of ${orgNumber} (generated)` })).errors).toBeUndefined();
    }
    expect((await start({ centreId: materials, orgNumber: LARGE, startedOn: '2018-08-01' }, siva)).errors).toBeUndefined();

    const figures = await catapult.query<{ catapultProjectsPerYear: unknown[]; catapultCompaniesByCounty: unknown[]; one: unknown[] }>(
      `query($centre: ID!) { catapultProjectsPerYear { centre { name } year projects smeProjects sizeUnknown smeShare }
        catapultCompaniesByCounty { countyCode countyName companies }
        one: catapultCompaniesByCounty(centreId: $centre) { countyCode companies } }`,
      { centre: materials },
    );
    expect(figures.errors).toBeUndefined();
    expect(figures.data!.catapultProjectsPerYear).toEqual([
      // Four projects in 2018: two of an SME, one of a large company, one of unknown size: 2 of 3 known.
      { centre: { name: 'Manufacturing Technology' }, year: 2018, projects: 4, smeProjects: 2, sizeUnknown: 1, smeShare: 2 / 3 },
      { centre: { name: 'Future Materials' }, year: 2018, projects: 1, smeProjects: 0, sizeUnknown: 0, smeShare: 0 },
      { centre: { name: 'Manufacturing Technology' }, year: 2019, projects: 1, smeProjects: 0, sizeUnknown: 1, smeShare: null },
    ]);
    expect(figures.data!.catapultCompaniesByCounty).toEqual([
      { countyCode: 'unknown', countyName: 'Unknown county', companies: 2 },
      { countyCode: '34', countyName: 'Innlandet', companies: 1 },
      { countyCode: '42', countyName: 'Agder', companies: 1 },
    ]);
    expect(figures.data!.one).toEqual([{ countyCode: '42', companies: 1 }]);

    const page = async (after?: string) =>
      (
        await catapult.query<{
          catapultProjects: {
            totalCount: number;
            edges: { node: { startedOn: string } }[];
            pageInfo: { endCursor: string; hasNextPage: boolean; hasPreviousPage: boolean };
          };
        }>(
          `query($after: String, $centre: ID) { catapultProjects(filter: { centreId: $centre, startedIn: 2018 }, first: 3, after: $after) {
            totalCount edges { node { startedOn } } pageInfo { endCursor hasNextPage hasPreviousPage } } }`,
          { after, centre: manufacturing },
        )
      ).data!.catapultProjects;
    const first = await page();
    expect(first.totalCount).toBe(4);
    expect(first.edges.map((edge) => edge.node.startedOn)).toEqual(['2018-09-01', '2018-05-01', '2018-04-01']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await page(first.pageInfo.endCursor);
    expect(second.edges.map((edge) => edge.node.startedOn)).toEqual(['2018-02-01']);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it("answers many organisations' projects in one statement", async () => {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    let statements: string[];
    let answer;
    try {
      answer = await catapult.query<{ _entities: { catapultProjects: { startedOn: string; sme: boolean | null }[] }[] }>(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { catapultProjects { startedOn sme centre { name } } } } }`,
        { r: [SME, LARGE, SIZE_UNKNOWN, NOT_REGISTERED, '000000000'].map((orgNumber) => ({ __typename: 'Organization', orgNumber })) },
      );
      statements = spy.mock.calls.map(([sql]) => sql);
    } finally {
      spy.mockRestore();
    }
    expect(answer.errors).toBeUndefined();
    expect(
      answer.data!._entities.map((organization) => organization.catapultProjects.map((project) => [project.startedOn, project.sme])),
    ).toEqual([
      [
        ['2018-09-01', true],
        ['2018-02-01', true],
      ],
      [
        ['2018-08-01', false],
        ['2018-04-01', false],
      ],
      [['2018-05-01', null]],
      [['2019-01-15', null]],
      [],
    ]);
    expect(statements!.filter((sql) => /FROM catapult_projects/.test(sql))).toHaveLength(1);
    // The centres of all of them: one statement too.
    expect(statements!.filter((sql) => /FROM catapult_centres/.test(sql))).toHaveLength(1);
  });
});
