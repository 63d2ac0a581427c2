import { ProgrammeStatusChanged } from '@klynge/contracts';
import { announceLevelEnded, type ServiceUnderTest } from '@klynge/subgraph-under-test';
import { waitFor } from '@klynge/test-infrastructure';
import { admin, announceCluster, announceFundingProgramme, caseworker, PLAN, startCompetence } from '../test-support/competence-under-test';

const READ = `query($id: ID!) { competenceProgramme(id: $id) {
  status source acceptedHostLevels periodStart periodStartPrecision periodEnd periodEndPrecision } }`;

/**
 * A programme from the past, recorded from a public report: which levels may host it can be
 * unknown (its hosts are then not checked), its period known only to a month or year, and its
 * status the last one its source supports.
 */
describe('a competence programme recorded from a source', () => {
  let competence: ServiceUnderTest;
  let raufoss: string;
  const programmes = async () =>
    Number((await competence.db.query<{ n: string }>('SELECT count(*)::text AS n FROM competence_programmes'))[0]!.n);
  const plan = (name: string, input: Record<string, unknown>) =>
    competence.query<{ planProgramme: { id: string; status: string } }>(
      PLAN,
      { input: { name, hostClusterIds: [raufoss], fundingProgrammeCode: 'OMSTILLING-PILOT', periodStart: '2015-01-01', ...input } },
      caseworker,
    );

  beforeAll(async () => {
    competence = await startCompetence('programme_unknowns');
    await announceFundingProgramme(competence, 'OMSTILLING-PILOT');
    raufoss = await announceCluster(competence, { name: 'NCE Raufoss', level: 'NCE', countyCode: '34', levelSince: '2006-01-01' });
    // NCE ended as a level with 2019: the host's level today is not known.
    await announceLevelEnded(competence, raufoss, 'NCE', '2019-01-01');
  });

  afterAll(async () => {
    await competence?.close();
  });

  it.each([
    ['a year-precise start that is not 1 January', { periodStart: '2015-06-01', periodStartPrecision: 'YEAR' }, 'periodStart'],
    ['a month-precise start that is not the 1st', { periodStart: '2017-11-15', periodStartPrecision: 'MONTH' }, 'periodStart'],
    ['a year-precise end that is not 31 December', { periodEnd: '2016-06-30', periodEndPrecision: 'YEAR' }, 'periodEnd'],
    ['a reported status without its source', { reportedStatus: 'RUNNING' }, 'reportedStatus'],
    ['a reported OPEN (that comes with a grant)', { reportedStatus: 'OPEN', source: 'Somewhere, 2015' }, 'reportedStatus'],
    ['a host at no level known today, when the levels are given', { acceptedHostLevels: ['NCE'] }, 'hostClusterIds'],
  ])('refuses %s, naming the field and writing nothing', async (_case, input, field) => {
    const before = await programmes();
    expect((await plan('Refused (generated)', input)).errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(await programmes()).toBe(before);
  });

  it('records it in the state its source supports, with unknown host levels and a period known to the year, and says so in events', async () => {
    const events = await competence.readTopic(ProgrammeStatusChanged.topic);
    const planned = await plan('Klyngene som omstillingsmotor (generated)', {
      acceptedHostLevels: null,
      periodStartPrecision: 'YEAR',
      periodEnd: '2016-12-31',
      periodEndPrecision: 'YEAR',
      source: 'Innovasjon Norge, 2015',
      reportedStatus: 'RUNNING',
    });
    expect(planned.errors).toBeUndefined();
    const { id, status } = planned.data!.planProgramme;
    expect(status).toBe('RUNNING');
    expect((await competence.query(READ, { id })).data).toEqual({
      competenceProgramme: {
        status: 'RUNNING',
        source: 'Innovasjon Norge, 2015',
        acceptedHostLevels: null,
        periodStart: '2015-01-01',
        periodStartPrecision: 'YEAR',
        periodEnd: '2016-12-31',
        periodEndPrecision: 'YEAR',
      },
    });
    const changed = await waitFor('ProgrammeStatusChanged', () =>
      events
        .map((message) => JSON.parse(message.value) as { type: string; data: Record<string, unknown> })
        .find((event) => event.type === ProgrammeStatusChanged.type && event.data.programmeId === id),
    );
    expect(changed.data).toMatchObject({ previousStatus: 'PLANNED', status: 'RUNNING' });
    // It goes on from there like any programme: a running one can be completed once a source says so.
    const completed = await competence.query<{ completeProgramme: { status: string } }>(
      `mutation($id: ID!) { completeProgramme(id: $id) { status } }`,
      { id },
      admin,
    );
    expect(completed.data!.completeProgramme.status).toBe('COMPLETED');
  });
});
