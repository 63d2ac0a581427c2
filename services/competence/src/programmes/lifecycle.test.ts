import { randomUUID } from 'node:crypto';
import { GrantAwarded } from '@klynge/contracts';
import { eventTypes, type ServiceUnderTest } from '@klynge/subgraph-under-test';
import { waitFor } from '@klynge/test-infrastructure';
import {
  admin,
  announceCluster,
  announceFundingProgramme,
  announceMembership,
  announceOrganization,
  caseworker,
  ENROL,
  managerOf,
  PLAN,
  startCompetence,
  syntheticOrgNumbers,
} from '../test-support/competence-under-test';

const [MEMBER_ORG, OUTSIDER_ORG, THIRD_ORG, UNKNOWN_ORG, ...MORE] = syntheticOrgNumbers(41);

describe('competence programmes: planning, opening on the grant, enrolling, reach', () => {
  let competence: ServiceUnderTest;
  let raufoss: string;
  let arena: string;
  let programmeId: string;
  const applicationId = randomUUID();

  beforeAll(async () => {
    competence = await startCompetence('competence');
    await announceFundingProgramme(competence, 'OMSTILLINGSMOTOREN');
    raufoss = await announceCluster(competence, { name: 'NCE Raufoss', level: 'NCE', countyCode: '34' });
    arena = await announceCluster(competence, { name: 'Innovasjon Torskefisk', level: 'ARENA', countyCode: '18' });
    await announceMembership(competence, raufoss, MEMBER_ORG!, '2010-01-01');
    await announceOrganization(competence, { orgNumber: MEMBER_ORG!, name: 'Member Company AS (synthetic)', municipalityCode: '3405' });
    await announceOrganization(competence, { orgNumber: OUTSIDER_ORG!, name: 'Outside Company AS (synthetic)', municipalityCode: '4601' });
    for (const orgNumber of [THIRD_ORG!, ...MORE])
      await announceOrganization(competence, { orgNumber, name: `Company ${orgNumber} AS (synthetic)` });
  });

  afterAll(async () => {
    await competence?.close();
  });

  const plan = (input: Record<string, unknown>, caller = caseworker) =>
    competence.query<{ planProgramme: { id: string; status: string } }>(
      PLAN,
      {
        input: {
          name: 'Omstillingsmotoren: NCE Raufoss',
          hostClusterIds: [raufoss],
          acceptedHostLevels: ['NCE', 'GCE'],
          themes: ['Innovation', 'Sustainability', 'Technology'],
          targetCompanies: 300,
          capacity: 3,
          periodStart: '2017-11-01',
          fundingProgrammeCode: 'OMSTILLINGSMOTOREN',
          fundingApplicationId: applicationId,
          knowledgeTransfer: { source: 'oil and gas technology', targetSector: 'health care' },
          ...input,
        },
      },
      caller,
    );

  it('is planned by hosts at an accepted level only, and publishes ProgrammeLaunched', async () => {
    const events = await competence.readTopic('competence.programme.v1');
    const wrongLevel = await plan({ name: 'Hosted by an Arena', hostClusterIds: [arena] });
    expect(wrongLevel.errors?.[0]).toMatchObject({
      message: 'Innovasjon Torskefisk is at level ARENA; this programme may be hosted at NCE, GCE',
      extensions: { code: 'BAD_USER_INPUT', field: 'hostClusterIds' },
    });
    expect((await plan({ name: 'No host', hostClusterIds: [] })).errors?.[0]?.extensions?.field).toBe('hostClusterIds');
    expect((await plan({ name: 'Zero capacity', capacity: 0 })).errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'capacity',
    });
    expect((await plan({ name: 'By a manager' }, managerOf(raufoss))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await competence.db.query('SELECT 1 FROM competence_programmes')).toEqual([]);

    const planned = await plan({});
    expect(planned.data!.planProgramme.status).toBe('PLANNED');
    programmeId = planned.data!.planProgramme.id;
    expect((await plan({})).errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'name' });
    await waitFor('ProgrammeLaunched', () => eventTypes(events, programmeId).length === 1);
    expect(eventTypes(events, programmeId)).toEqual(['no.klynge.competence.ProgrammeLaunched.v1']);
  });

  it('opens only once its grant is awarded (the funding service says so with GrantAwarded)', async () => {
    const events = await competence.readTopic('competence.programme.v1');
    const early = await competence.query(`mutation($id: ID!) { openProgramme(id: $id) { status } }`, { id: programmeId }, admin);
    expect(early.errors?.[0]).toMatchObject({
      message: 'A programme opens only once the grant that funds it is awarded',
      extensions: { code: 'CONFLICT', field: 'id' },
    });
    expect((await competence.query(ENROL, { input: { programmeId, orgNumber: MEMBER_ORG } }, admin)).errors?.[0]?.extensions?.code).toBe(
      'CONFLICT',
    );

    const grantId = randomUUID();
    const awarded = {
      grantId,
      applicationId,
      programmeCode: 'OMSTILLINGSMOTOREN',
      agencyCode: 'innovasjon-norge',
      recipient: { type: 'CLUSTER' as const, clusterId: raufoss },
      amountAwarded: { amount: '8000000', currency: 'NOK' },
      awardDate: '2017-10-15',
      plannedStart: '2017-11-01',
      plannedEnd: '2019-10-31',
      clusterLevel: null,
    };
    await competence.publishEvent(GrantAwarded, grantId, awarded);
    await competence.publishEvent(GrantAwarded, grantId, awarded);
    const opened = await waitFor('the programme to open', async () => {
      const { data } = await competence.query<{ competenceProgramme: { status: string; grant: { id: string } | null } }>(
        `query($id: ID!) { competenceProgramme(id: $id) { status grant { id } } }`,
        { id: programmeId },
      );
      return data!.competenceProgramme.status === 'OPEN' && data!.competenceProgramme;
    });
    expect(opened.grant).toEqual({ id: grantId });
    await waitFor('ProgrammeStatusChanged', () =>
      eventTypes(events, programmeId).includes('no.klynge.competence.ProgrammeStatusChanged.v1'),
    );
    const statusChanges = events.filter((m) => m.key === programmeId && m.value.includes('ProgrammeStatusChanged'));
    expect(statusChanges.map((m) => (JSON.parse(m.value) as { data: unknown }).data)).toEqual([
      { programmeId, previousStatus: 'PLANNED', status: 'OPEN', grantId },
    ]);
  });

  it('enrols each organisation once, notes whether it was in a cluster, and never beyond capacity', async () => {
    const enrolmentEvents = await competence.readTopic('competence.enrolment.v1');
    const member = await competence.query<{ enrolCompany: { id: string; memberOfCluster: boolean } }>(
      ENROL,
      { input: { programmeId, orgNumber: MEMBER_ORG, enrolledOn: '2017-11-15' } },
      managerOf(raufoss),
    );
    const outsider = await competence.query<{ enrolCompany: { id: string; memberOfCluster: boolean } }>(
      ENROL,
      { input: { programmeId, orgNumber: OUTSIDER_ORG, enrolledOn: '2017-11-15' } },
      admin,
    );
    expect(member.data!.enrolCompany).toMatchObject({ status: 'ENROLLED', memberOfCluster: true });
    expect(outsider.data!.enrolCompany).toMatchObject({ memberOfCluster: false });
    expect((await competence.query(ENROL, { input: { programmeId, orgNumber: MEMBER_ORG } }, admin)).errors?.[0]?.extensions).toEqual({
      code: 'CONFLICT',
      field: 'orgNumber',
    });
    expect((await competence.query(ENROL, { input: { programmeId, orgNumber: '123456789' } }, admin)).errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'orgNumber',
    });
    expect(
      (await competence.query(ENROL, { input: { programmeId, orgNumber: THIRD_ORG } }, managerOf(arena))).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    // An organisation the cluster registry has never announced: refused, nothing written.
    expect((await competence.query(ENROL, { input: { programmeId, orgNumber: UNKNOWN_ORG } }, admin)).errors?.[0]).toMatchObject({
      message: expect.stringContaining(`${UNKNOWN_ORG} is not a registered organisation`),
      extensions: { code: 'BAD_USER_INPUT', field: 'orgNumber' },
    });
    expect(await competence.db.query('SELECT count(*)::int AS n FROM enrolments WHERE org_number = $1', [UNKNOWN_ORG])).toEqual([{ n: 0 }]);

    // One place left; five organisations race for it.
    const racing = await Promise.all(
      MORE.slice(0, 5).map((orgNumber) => competence.query(ENROL, { input: { programmeId, orgNumber } }, admin)),
    );
    expect(racing.filter((result) => !result.errors)).toHaveLength(1);
    expect(racing.filter((result) => result.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(4);
    expect(await competence.db.query(`SELECT count(*)::int AS n FROM enrolments WHERE status <> 'DROPPED'`)).toEqual([{ n: 3 }]);

    const enrolmentId = member.data!.enrolCompany.id;
    await waitFor('CompanyEnrolled', () => eventTypes(enrolmentEvents, enrolmentId).length === 1);
    expect(JSON.parse(enrolmentEvents.find((m) => m.key === enrolmentId)!.value)).toMatchObject({
      data: { programmeId, orgNumber: MEMBER_ORG, memberOfCluster: true, enrolledOn: '2017-11-15' },
    });
  });

  it('records completed modules and enrolments, frees a place on a drop, and reports reach against the target', async () => {
    const enrolmentEvents = await competence.readTopic('competence.enrolment.v1');
    const programmeEvents = await competence.readTopic('competence.programme.v1');
    const module = await competence.query<{ addModule: { id: string } }>(
      `mutation($input: AddModuleInput!) { addModule(input: $input) { id } }`,
      { input: { programmeId, title: 'Lean production', theme: 'Productivity', format: 'WORKSHOP', startsOn: '2018-01-10' } },
      managerOf(raufoss),
    );
    const enrolmentOf = async (orgNumber: string) =>
      (await competence.db.query<{ id: string }>('SELECT id FROM enrolments WHERE org_number = $1', [orgNumber]))[0]!;
    const member = await enrolmentOf(MEMBER_ORG!);
    const outsider = await enrolmentOf(OUTSIDER_ORG!);
    const moduleId = module.data!.addModule.id;
    const added = await waitFor('ModuleAdded', () =>
      programmeEvents.find((m) => m.key === programmeId && m.value.includes('no.klynge.competence.ModuleAdded.v1')),
    );
    expect((JSON.parse(added.value) as { data: unknown }).data).toEqual({
      moduleId,
      programmeId,
      title: 'Lean production',
      theme: 'productivity',
      format: 'WORKSHOP',
      startsOn: '2018-01-10',
      endsOn: null,
      capacity: null,
    });
    const completeModule = (m: string) =>
      competence.query(
        `mutation($e: ID!, $m: ID!) { completeModule(enrolmentId: $e, moduleId: $m, completedOn: "2018-01-10") { modulesCompleted } }`,
        { e: member.id, m },
        admin,
      );
    expect((await completeModule(randomUUID())).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'moduleId' });
    expect((await completeModule(moduleId)).data).toEqual({ completeModule: { modulesCompleted: 1 } });
    // Again: nothing changes, so nothing is said.
    expect((await completeModule(moduleId)).data).toEqual({ completeModule: { modulesCompleted: 1 } });
    const completed = await competence.query<{ completeEnrolment: { status: string; modulesCompleted: number } }>(
      `mutation($id: ID!) { completeEnrolment(id: $id, completedOn: "2018-06-30") { status modulesCompleted } }`,
      { id: member.id },
      admin,
    );
    expect(completed.data).toEqual({ completeEnrolment: { status: 'COMPLETED', modulesCompleted: 1 } });
    const again = await competence.query(
      `mutation($id: ID!) { completeEnrolment(id: $id, completedOn: "2018-07-01") { status } }`,
      { id: member.id },
      admin,
    );
    expect(again.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'enrolmentId' });
    const drop = (droppedOn: string) =>
      competence.query(
        `mutation($id: ID!, $on: String!) { dropEnrolment(id: $id, droppedOn: $on) { status } }`,
        { id: outsider.id, on: droppedOn },
        admin,
      );
    expect((await drop('2017-01-01')).errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'droppedOn' });
    expect((await drop('2018-02-01')).data).toEqual({ dropEnrolment: { status: 'DROPPED' } });
    expect((await competence.query(ENROL, { input: { programmeId, orgNumber: MORE[10] } }, admin)).errors).toBeUndefined();

    const { data } = await competence.query<{ competenceProgramme: { reach: unknown; knowledgeTransfer: unknown } }>(
      `query($id: ID!) { competenceProgramme(id: $id) {
        knowledgeTransfer { source targetSector }
        reach { companiesReached targetCompanies shareOfTarget outsideClusters outsideClusterShare completed dropped } } }`,
      { id: programmeId },
    );
    expect(data!.competenceProgramme).toEqual({
      knowledgeTransfer: { source: 'oil and gas technology', targetSector: 'health care' },
      reach: {
        companiesReached: 3,
        targetCompanies: 300,
        shareOfTarget: 0.01,
        outsideClusters: 2,
        outsideClusterShare: 2 / 3,
        completed: 1,
        dropped: 1,
      },
    });
    const byCounty = await competence.query<{ reachByCounty: unknown[] }>(`{ reachByCounty { countyCode countyName companies } }`);
    expect(byCounty.data!.reachByCounty).toEqual([
      { countyCode: '34', countyName: 'Innlandet', companies: 1 },
      { countyCode: 'unknown', countyName: 'Unknown county', companies: 2 },
    ]);
    const themes = await competence.query<{ completionsByTheme: unknown[] }>(`{ completionsByTheme { theme completions } }`);
    expect(themes.data!.completionsByTheme).toEqual([{ theme: 'productivity', completions: 1 }]);
    await waitFor('EnrolmentCompleted', () =>
      eventTypes(enrolmentEvents, member.id).includes('no.klynge.competence.EnrolmentCompleted.v1'),
    );
    // One partition per key keeps an enrolment's events in order: a refused or idle call before the last would show among them.
    expect(eventTypes(enrolmentEvents, member.id)).toEqual([
      'no.klynge.competence.CompanyEnrolled.v1',
      'no.klynge.competence.ModuleCompleted.v1',
      'no.klynge.competence.EnrolmentCompleted.v1',
    ]);
    expect(
      JSON.parse(enrolmentEvents.find((m) => m.key === member.id && m.value.includes('ModuleCompleted'))!.value) as { data: unknown },
    ).toMatchObject({
      data: { enrolmentId: member.id, programmeId, moduleId, orgNumber: MEMBER_ORG, completedOn: '2018-01-10', modulesCompleted: 1 },
    });
    await waitFor('EnrolmentDropped', () => eventTypes(enrolmentEvents, outsider.id).length === 2);
    expect(eventTypes(enrolmentEvents, outsider.id)).toEqual([
      'no.klynge.competence.CompanyEnrolled.v1',
      'no.klynge.competence.EnrolmentDropped.v1',
    ]);
    expect(
      (JSON.parse(enrolmentEvents.find((m) => m.key === outsider.id && m.value.includes('EnrolmentDropped'))!.value) as { data: unknown })
        .data,
    ).toEqual({
      enrolmentId: outsider.id,
      programmeId,
      orgNumber: OUTSIDER_ORG,
      droppedOn: '2018-02-01',
      modulesCompleted: 0,
    });
  });

  it('moves through RUNNING to COMPLETED, and shows up on its host cluster and its companies', async () => {
    const move = (mutation: string) =>
      competence.query<Record<string, { status: string }>>(
        `mutation($id: ID!) { ${mutation}(id: $id) { status } }`,
        { id: programmeId },
        admin,
      );
    expect((await move('completeProgramme')).errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'id' });
    expect((await move('startProgramme')).data).toEqual({ startProgramme: { status: 'RUNNING' } });
    expect((await move('completeProgramme')).data).toEqual({ completeProgramme: { status: 'COMPLETED' } });
    expect((await move('cancelProgramme')).errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const { data } = await competence.query<{ _entities: unknown[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Cluster { hostedProgrammes { name status } }
        ... on Organization { enrolments { status programme { name } } } } }`,
      {
        r: [
          { __typename: 'Cluster', id: raufoss },
          { __typename: 'Cluster', id: arena },
          { __typename: 'Organization', orgNumber: MEMBER_ORG },
        ],
      },
    );
    expect(data!._entities).toEqual([
      { hostedProgrammes: [{ name: 'Omstillingsmotoren: NCE Raufoss', status: 'COMPLETED' }] },
      { hostedProgrammes: [] },
      { enrolments: [{ status: 'COMPLETED', programme: { name: 'Omstillingsmotoren: NCE Raufoss' } }] },
    ]);
  });
});
