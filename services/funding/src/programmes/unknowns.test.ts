import { announceLevelEnded } from '@klynge/subgraph-under-test';
import {
  admin,
  ALLOCATE_BUDGET,
  CREATE_APPLICATION,
  CREATE_PROGRAMME,
  type FundingUnderTest,
  managerOf,
  OPEN_CALL,
  REGISTER_AGENCY,
  startFunding,
} from '../test-support/funding-under-test';

const PROGRAMME = `{ fundingProgramme(code: "OMSTILLINGSMOTOREN") {
  eligibleClusterLevels eligibleOrganizationKinds periodStart periodStartPrecision periodEnd periodEndPrecision } }`;

/**
 * What the sources do not say stays unknown: who may apply to a programme (null, which no
 * applicant passes), how exact its period is, and the level of a cluster whose last level ended.
 */
describe('what a programme does not know', () => {
  let funding: FundingUnderTest;
  const programmes = async () =>
    Number((await funding.db.query<{ n: string }>('SELECT count(*)::text AS n FROM funding_programmes'))[0]!.n);
  const create = (input: Record<string, unknown>) =>
    funding.query(
      CREATE_PROGRAMME,
      { input: { code: 'OMSTILLINGSMOTOREN', name: 'The Conversion Engine', agencyCode: 'innovasjon-norge', ...input } },
      admin,
    );

  beforeAll(async () => {
    funding = await startFunding('programme-unknowns');
    await funding.query(
      REGISTER_AGENCY,
      { input: { code: 'innovasjon-norge', name: 'Innovasjon Norge', kind: 'INNOVATION_NORWAY' } },
      admin,
    );
  });

  afterAll(async () => {
    await funding?.close();
  });

  it.each([
    ['a year-precise start that is not 1 January', { periodStart: '2017-03-01', periodStartPrecision: 'YEAR' }, 'periodStart'],
    ['a month-precise start that is not the 1st', { periodStart: '2017-11-02', periodStartPrecision: 'MONTH' }, 'periodStart'],
    [
      'a year-precise end that is not 31 December',
      { periodStart: '2015-01-01', periodEnd: '2016-12-30', periodEndPrecision: 'YEAR' },
      'periodEnd',
    ],
    [
      'a month-precise end that is not the last of its month',
      { periodStart: '2015-01-01', periodEnd: '2016-02-28', periodEndPrecision: 'MONTH' },
      'periodEnd',
    ],
  ])('refuses %s, naming the field and writing nothing', async (_case, input, field) => {
    const before = await programmes();
    expect((await create(input)).errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(await programmes()).toBe(before);
  });

  it('keeps unknown eligibility as null (not "none") with the precision of its period, and no cluster can apply on a guess', async () => {
    expect(
      (
        await create({
          periodStart: '2017-01-01',
          periodStartPrecision: 'YEAR',
          periodEnd: '2016-02-29',
          periodEndPrecision: 'MONTH',
          eligibleClusterLevels: null,
          eligibleOrganizationKinds: null,
        })
      ).errors?.[0]?.extensions,
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'periodEnd' });
    expect(
      (
        await create({
          periodStart: '2017-01-01',
          periodStartPrecision: 'YEAR',
          periodEnd: '2019-12-31',
          periodEndPrecision: 'YEAR',
          eligibleClusterLevels: null,
          eligibleOrganizationKinds: null,
        })
      ).errors,
    ).toBeUndefined();
    expect((await funding.query(PROGRAMME)).data).toEqual({
      fundingProgramme: {
        eligibleClusterLevels: null,
        eligibleOrganizationKinds: null,
        periodStart: '2017-01-01',
        periodStartPrecision: 'YEAR',
        periodEnd: '2019-12-31',
        periodEndPrecision: 'YEAR',
      },
    });
    await funding.query(ALLOCATE_BUDGET, { input: { programmeCode: 'OMSTILLINGSMOTOREN', year: 2017, amount: '30000000' } }, admin);
    const call = await funding.query<{ openCall: { id: string } }>(
      OPEN_CALL,
      {
        input: {
          programmeCode: 'OMSTILLINGSMOTOREN',
          title: 'Competence programmes',
          opensOn: '2017-01-01',
          closesAt: '2017-12-31T12:00:00+01:00',
        },
      },
      admin,
    );
    const raufoss = await funding.announceCluster({ name: 'NCE Raufoss', level: 'NCE', countyCode: '34' });
    const applied = await funding.query(
      CREATE_APPLICATION,
      { input: { callId: call.data!.openCall.id, clusterId: raufoss, title: 'A guess', requested: '1000000' } },
      managerOf(raufoss),
    );
    expect(applied.errors?.[0]).toMatchObject({
      message: 'Which clusters OMSTILLINGSMOTOREN accepts is not known, so no cluster can apply to it',
      extensions: { code: 'BAD_USER_INPUT', field: 'clusterId' },
    });
  });

  it('refuses a cluster whose level has ended with no next level known, once the clusters service says so', async () => {
    await create({ code: 'NIC', name: 'Norwegian Innovation Clusters', periodStart: '2014-01-01', eligibleClusterLevels: ['NCE', 'GCE'] });
    await funding.query(ALLOCATE_BUDGET, { input: { programmeCode: 'NIC', year: 2030, amount: '1000000' } }, admin);
    const call = await funding.query<{ openCall: { id: string } }>(
      OPEN_CALL,
      { input: { programmeCode: 'NIC', title: 'NCE status', opensOn: '2020-01-01', closesAt: '2030-06-30T12:00:00+02:00' } },
      admin,
    );
    const callId = call.data!.openCall.id;
    const ended = await funding.announceCluster({ name: 'NCE Ended', level: 'NCE', countyCode: '50' });
    await announceLevelEnded(funding, ended, 'NCE', '2019-01-01');
    const applied = await funding.query(
      CREATE_APPLICATION,
      { input: { callId, clusterId: ended, title: 'Still NCE?', requested: '1000' } },
      managerOf(ended),
    );
    expect(applied.errors?.[0]).toMatchObject({
      message: 'NCE Ended is at no level known today; NIC accepts NCE, GCE',
      extensions: { code: 'BAD_USER_INPUT', field: 'clusterId' },
    });
  });
});
