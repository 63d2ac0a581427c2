import {
  announceCluster,
  announceMembership,
  announceMembershipEnded,
  announceOrganization,
  eventTypes,
  type ServiceUnderTest,
  testCallers,
} from '@klynge/subgraph-under-test';
import { waitFor } from '@klynge/test-infrastructure';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { csv, forskningsradet, IMPORT, projectRow, startResearch } from '../test-support/research-under-test';

// Valid organisation numbers (MOD11) of test companies (generated).
const ACME = '123456785';
const BOLT = '987654325';
const CRAFT = '111111111';
const DYNAMO = '222222222';

const FIRST_IMPORT = csv(
  projectRow({
    number: '300001',
    owner: ACME,
    municipality: '3405',
    activity: ['IPN-T', 'Test activity (generated)'],
    manager: 'Kari Nordmann (generated)',
    partners: `${BOLT}:Forskningspartner`,
  }),
  projectRow({ number: '300002', owner: BOLT, type: 'Kompetansebyggende prosjekt for næringslivet', years: [200_000, 300_000] }),
  projectRow({ number: '300003', owner: DYNAMO, municipality: '4204', years: [50_000, 0] }),
);

/** Against the real PostgreSQL and Kafka: Forskningsrådet's projects, imported, linked and counted. */
describe('research projects', () => {
  let research: ServiceUnderTest;
  let raufoss: string;
  const projectCount = async () => (await research.db.query<{ n: number }>('SELECT count(*)::int AS n FROM research_projects'))[0]!.n;

  beforeAll(async () => {
    research = await startResearch('research_projects');
    raufoss = await announceCluster(research, { name: 'NCE Raufoss', level: 'NCE', countyCode: '34' });
    await announceOrganization(research, { orgNumber: ACME, name: 'Acme AS (generated)', municipalityCode: '3405' });
    await announceOrganization(research, { orgNumber: BOLT, name: 'Bolt AS (generated)', municipalityCode: '0301' });
  });

  afterAll(async () => {
    await research?.close();
  });

  it('imports a file, publishes ProjectGranted for each project, and takes the same file again without a change or an event', async () => {
    const events = await research.readTopic('research.project.v1');
    const first = await research.query<{ importResearchProjects: unknown }>(IMPORT, { csv: FIRST_IMPORT }, forskningsradet);
    expect(first.errors).toBeUndefined();
    expect(first.data!.importResearchProjects).toEqual({ granted: 3, updated: 0, completed: 0, unchanged: 0 });
    await waitFor('three events', () => events.length === 3);
    const granted = JSON.parse(
      events.find((message) => (JSON.parse(message.value) as { data: { projectNumber: string } }).data.projectNumber === '300001')!.value,
    ) as {
      type: string;
      data: Record<string, unknown>;
    };
    expect(granted.type).toBe('no.klynge.research.ProjectGranted.v1');
    expect(granted.data).toMatchObject({
      projectNumber: '300001',
      ownerOrgNumber: ACME,
      activityCode: 'IPN-T',
      partners: [{ orgNumber: BOLT, role: 'Forskningspartner' }],
      phase: 'RUNNING',
      allocations: [
        { year: 2021, amount: '1000000' },
        { year: 2022, amount: '500000' },
      ],
      total: '1500000',
    });
    // Never personal data in an event.
    expect(JSON.stringify(events.map((message) => message.value))).not.toContain('Kari Nordmann');

    const again = await research.query<{ importResearchProjects: unknown }>(IMPORT, { csv: FIRST_IMPORT }, forskningsradet);
    expect(again.data!.importResearchProjects).toEqual({ granted: 0, updated: 0, completed: 0, unchanged: 3 });

    const project = await research.query<{ researchProject: unknown }>(
      `{ researchProject(projectNumber: "300001") { projectNumber title applicationType ownerOrgNumber partners { orgNumber role organization { orgNumber } }
          countyCode countyName municipalityCode startYear endYear phase allocations { year amount { amount } } total { amount currency }
          activity { code name } owner { orgNumber } projectManager } }`,
    );
    expect(project.data!.researchProject).toEqual({
      projectNumber: '300001',
      title: 'Project 300001 (generated)',
      applicationType: 'Innovasjonsprosjekt i næringslivet',
      ownerOrgNumber: ACME,
      partners: [{ orgNumber: BOLT, role: 'Forskningspartner', organization: { orgNumber: BOLT } }],
      countyCode: '34',
      countyName: 'Innlandet',
      municipalityCode: '3405',
      startYear: 2021,
      endYear: 2022,
      phase: 'RUNNING',
      allocations: [
        { year: 2021, amount: { amount: '1000000' } },
        { year: 2022, amount: { amount: '500000' } },
      ],
      total: { amount: '1500000', currency: 'NOK' },
      activity: { code: 'IPN-T', name: 'Test activity (generated)' },
      owner: { orgNumber: ACME },
      // Personal data: not for an anonymous reader.
      projectManager: null,
    });
    const asOwner = await research.query<{ researchProject: { projectManager: string | null } }>(
      `{ researchProject(projectNumber: "300001") { projectManager } }`,
      {},
      forskningsradet,
    );
    expect(asOwner.data!.researchProject.projectManager).toBe('Kari Nordmann (generated)');
    const asOtherAgency = await research.query<{ researchProject: { projectManager: string | null } }>(
      `{ researchProject(projectNumber: "300001") { projectManager } }`,
      {},
      testCallers.caseworker('innovasjon-norge'),
    );
    expect(asOtherAgency.data!.researchProject.projectManager).toBeNull();
    // Nor around the root fields, through _entities.
    const id = (await research.db.query<{ id: string }>("SELECT id FROM research_projects WHERE project_number = '300001'"))[0]!.id;
    const entity = async (caller?: Parameters<typeof research.query>[2]) =>
      (
        await research.query<{ _entities: { projectManager: string | null }[] }>(
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on ResearchProject { projectManager } } }`,
          { r: [{ __typename: 'ResearchProject', id }] },
          caller,
        )
      ).data!._entities[0]!.projectManager;
    expect(await entity(testCallers.caseworker('siva'))).toBeNull();
    expect(await entity()).toBeNull();
    expect(await entity(forskningsradet)).toBe('Kari Nordmann (generated)');
    // The place of a project whose row gives none is its owner's, from the organisation directory.
    const placeless = await research.query<{ researchProject: unknown }>(
      `{ researchProject(projectNumber: "300002") { countyCode municipalityCode } }`,
    );
    expect(placeless.data!.researchProject).toEqual({ countyCode: '03', municipalityCode: '0301' });
  });

  it('publishes ProjectUpdated for changed figures and ProjectCompleted when a project ends', async () => {
    const events = await research.readTopic('research.project.v1');
    await waitFor('the earlier events', () => events.length >= 3);
    const next = csv(
      projectRow({
        number: '300001',
        owner: ACME,
        municipality: '3405',
        activity: ['IPN-T', 'Test activity (generated)'],
        manager: 'Kari Nordmann (generated)',
        partners: `${BOLT}:Forskningspartner`,
        years: [1_000_000, 700_000],
      }),
      projectRow({
        number: '300002',
        owner: BOLT,
        type: 'Kompetansebyggende prosjekt for næringslivet',
        years: [200_000, 300_000],
        phase: 'Avsluttet',
      }),
      projectRow({ number: '300003', owner: DYNAMO, municipality: '4204', years: [50_000, 0] }),
    );
    const answer = await research.query<{ importResearchProjects: unknown }>(IMPORT, { csv: next }, forskningsradet);
    expect(answer.data!.importResearchProjects).toEqual({ granted: 0, updated: 1, completed: 1, unchanged: 1 });
    const id = async (number: string) =>
      (await research.db.query<{ id: string }>('SELECT id FROM research_projects WHERE project_number = $1', [number]))[0]!.id;
    const [updated, completed] = [await id('300001'), await id('300002')];
    await waitFor('the new events', () => eventTypes(events, updated).length === 2 && eventTypes(events, completed).length === 2);
    expect(eventTypes(events, updated)).toEqual(['no.klynge.research.ProjectGranted.v1', 'no.klynge.research.ProjectUpdated.v1']);
    expect(eventTypes(events, completed)).toEqual(['no.klynge.research.ProjectGranted.v1', 'no.klynge.research.ProjectCompleted.v1']);
    const total = await research.query<{ researchProject: { total: { amount: string }; phase: string } }>(
      `{ researchProject(projectNumber: "300001") { total { amount } phase } }`,
    );
    expect(total.data!.researchProject).toEqual({ total: { amount: '1700000' }, phase: 'RUNNING' });
  });

  it('refuses a file with a bad row whole, naming each row, and refuses everyone but Forskningsrådet', async () => {
    const before = await projectCount();
    const bad = csv(projectRow({ number: '300010', owner: CRAFT }), projectRow({ number: '300011', owner: '123456789' }), 'x');
    const refused = await research.query(IMPORT, { csv: bad }, forskningsradet);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'csv',
      rows: [{ line: 3, column: 'organisasjonsnummer', message: expect.stringContaining('MOD11') }, expect.objectContaining({ line: 4 })],
    });
    const good = csv(projectRow({ number: '300012', owner: CRAFT }));
    const code = async (caller?: Parameters<typeof research.query>[2]) =>
      (await research.query(IMPORT, { csv: good }, caller)).errors?.[0]?.extensions?.code;
    expect(await code(testCallers.caseworker('innovasjon-norge'))).toBe('FORBIDDEN');
    expect(await code(testCallers.caseworker('siva'))).toBe('FORBIDDEN');
    expect(await code(testCallers.managerOf(raufoss))).toBe('FORBIDDEN');
    expect(await code(testCallers.viewer)).toBe('FORBIDDEN');
    expect(await code()).toBe('UNAUTHENTICATED');
    const call = await research.query(
      `mutation { recordResearchCall(input: { title: "Refused (generated)", continuousIntake: true }) { id } }`,
      {},
      testCallers.caseworker('innovasjon-norge'),
    );
    expect(call.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await projectCount()).toBe(before);
  });

  it("links a cluster to its current members' projects, following the membership events, with its reach and support per year", async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Cluster {
      researchProjects { projectNumber } researchReach { members membersWithProject share } researchSupportByYear { agencyCode year amount { amount } } } } }`;
    const cluster = async () =>
      (await research.query<{ _entities: Record<string, unknown>[] }>(query, { r: [{ __typename: 'Cluster', id: raufoss }] })).data!
        ._entities[0];
    expect(await cluster()).toEqual({
      researchProjects: [],
      researchReach: { members: 0, membersWithProject: 0, share: null },
      researchSupportByYear: [],
    });

    await announceMembership(research, { clusterId: raufoss, orgNumber: ACME });
    const bolt = await announceMembership(research, { clusterId: raufoss, orgNumber: BOLT });
    await announceMembership(research, { clusterId: raufoss, orgNumber: CRAFT });
    expect(await cluster()).toEqual({
      // ACME owns 300001 (BOLT a partner of it); BOLT owns 300002. CRAFT has none.
      researchProjects: [{ projectNumber: '300001' }, { projectNumber: '300002' }],
      researchReach: { members: 3, membersWithProject: 2, share: 2 / 3 },
      researchSupportByYear: [
        { agencyCode: 'forskningsradet', year: 2021, amount: { amount: '1200000' } },
        { agencyCode: 'forskningsradet', year: 2022, amount: { amount: '1000000' } },
      ],
    });

    await announceMembershipEnded(research, { membershipId: bolt, clusterId: raufoss, orgNumber: BOLT, leftOn: '2020-12-31' });
    expect(await cluster()).toEqual({
      // BOLT left: its own project goes; ACME's stays.
      researchProjects: [{ projectNumber: '300001' }],
      researchReach: { members: 2, membersWithProject: 1, share: 0.5 },
      researchSupportByYear: [
        { agencyCode: 'forskningsradet', year: 2021, amount: { amount: '1000000' } },
        { agencyCode: 'forskningsradet', year: 2022, amount: { amount: '700000' } },
      ],
    });
  });

  it("answers many organisations' projects in one statement, and adds up allocations by application type, county and activity", async () => {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    let statements: string[];
    let answer;
    try {
      answer = await research.query<{ _entities: { researchProjects: { projectNumber: string }[] }[] }>(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { researchProjects { projectNumber } } } }`,
        { r: [ACME, BOLT, CRAFT, DYNAMO].map((orgNumber) => ({ __typename: 'Organization', orgNumber })) },
      );
      statements = spy.mock.calls.map(([sql]) => sql);
    } finally {
      spy.mockRestore();
    }
    expect(answer.data!._entities.map((organization) => organization.researchProjects.map((project) => project.projectNumber))).toEqual([
      ['300001'],
      ['300001', '300002'],
      [],
      ['300003'],
    ]);
    expect(statements!.filter((sql) => /FROM research_projects/.test(sql))).toHaveLength(1);

    // The list, filtered (owner or partner, year) and paged.
    const page = async (after?: string) =>
      (
        await research.query<{
          researchProjects: {
            totalCount: number;
            edges: { node: { projectNumber: string } }[];
            pageInfo: { endCursor: string; hasNextPage: boolean };
          };
        }>(
          `query($after: String) { researchProjects(filter: { orgNumber: "${BOLT}", year: 2022 }, first: 1, after: $after) {
            totalCount edges { node { projectNumber } } pageInfo { endCursor hasNextPage } } }`,
          { after },
        )
      ).data!.researchProjects;
    const first = await page();
    expect(first.totalCount).toBe(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page(first.pageInfo.endCursor);
    expect([...first.edges, ...second.edges].map((edge) => edge.node.projectNumber).sort()).toEqual(['300001', '300002']);
    expect(second.pageInfo.hasNextPage).toBe(false);

    const grouped = await research.query<{ byType: unknown[]; byCounty: unknown[]; byActivity: unknown[] }>(
      `{ byType: researchAllocations(groupBy: APPLICATION_TYPE, year: 2022) { year key label amount { amount } projects }
         byCounty: researchAllocations(groupBy: COUNTY, year: 2021) { key label amount { amount } }
         byActivity: researchAllocations(groupBy: FUNDING_ACTIVITY, year: 2021) { key label amount { amount } } }`,
    );
    expect(grouped.errors).toBeUndefined();
    expect(grouped.data).toEqual({
      byType: [
        {
          year: 2022,
          key: 'Innovasjonsprosjekt i næringslivet',
          label: 'Innovasjonsprosjekt i næringslivet',
          amount: { amount: '700000' },
          projects: 2,
        },
        {
          year: 2022,
          key: 'Kompetansebyggende prosjekt for næringslivet',
          label: 'Kompetansebyggende prosjekt for næringslivet',
          amount: { amount: '300000' },
          projects: 1,
        },
      ],
      byCounty: [
        { key: '03', label: 'Oslo', amount: { amount: '200000' } },
        { key: '34', label: 'Innlandet', amount: { amount: '1000000' } },
        { key: '42', label: 'Agder', amount: { amount: '50000' } },
      ],
      byActivity: [
        { key: 'IPN-T', label: 'Test activity (generated)', amount: { amount: '1000000' } },
        { key: 'unknown', label: 'Unknown activity', amount: { amount: '250000' } },
      ],
    });
  });
});
