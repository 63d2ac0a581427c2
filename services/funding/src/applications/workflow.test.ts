import { waitFor } from '@klynge/test-infrastructure';
import {
  admin,
  applicationUnderReview,
  caseworker,
  CREATE_APPLICATION,
  DECIDE,
  type FundingUnderTest,
  managerOf,
  setUpProgramme,
  sivaCaseworker,
  START_REVIEW,
  startFunding,
  SUBMIT,
  WITHDRAW,
} from '../test-support/funding-under-test';

const eventTypes = (messages: { key: string; value: string }[], key: string) =>
  messages.filter((m) => m.key === key).map((m) => (JSON.parse(m.value) as { type: string }).type);

describe('the application workflow', () => {
  let funding: FundingUnderTest;
  let callId: string;
  let arenaCluster: string;
  let gceCluster: string;

  beforeAll(async () => {
    funding = await startFunding('workflow');
    ({ callId } = await setUpProgramme(funding));
    arenaCluster = await funding.announceCluster({ name: 'Norwegian Rooms', level: 'ARENA', countyCode: '15' });
    gceCluster = await funding.announceCluster({ name: 'GCE NODE', level: 'GCE', countyCode: '42' });
  });

  afterAll(async () => {
    await funding?.close();
  });

  it('takes an application from DRAFT to GRANTED, recording every step, publishing each event, making the grant', async () => {
    const applicationEvents = await funding.readTopic('funding.application.v1');
    const grantEvents = await funding.readTopic('funding.grant.v1');
    const id = await applicationUnderReview(funding, callId, arenaCluster);

    const decided = await funding.query<{ decideApplication: { grant: { id: string } } }>(
      DECIDE,
      { id, input: { decision: 'GRANTED', plannedEnd: '2023-12-31', note: 'Strong application' } },
      caseworker,
    );
    expect(decided.data).toEqual({
      decideApplication: {
        status: 'GRANTED',
        grant: {
          id: expect.any(String),
          amountAwarded: { amount: '5000000', currency: 'NOK' },
          plannedStart: '2019-01-01',
          plannedEnd: '2023-12-31',
          budgetYear: 2019,
        },
      },
    });
    // Who took each step is shown to those who could take them (here the programme's caseworker).
    const { data } = await funding.query<{ application: { steps: { status: string; actor: string; at: string; note: string | null }[] } }>(
      `query($id: ID!) { application(id: $id) { applicant { type clusterId name } steps { status actor at note } } }`,
      { id },
      caseworker,
    );
    expect(data!.application).toEqual({
      applicant: { type: 'CLUSTER', clusterId: arenaCluster, name: 'Norwegian Rooms' },
      steps: [
        { status: 'DRAFT', actor: `manager-${arenaCluster}`, at: expect.stringMatching(/^\d{4}-/), note: null },
        { status: 'SUBMITTED', actor: `manager-${arenaCluster}`, at: expect.any(String), note: null },
        { status: 'UNDER_REVIEW', actor: 'cw-innovasjon-norge', at: expect.any(String), note: null },
        { status: 'GRANTED', actor: 'cw-innovasjon-norge', at: expect.any(String), note: 'Strong application' },
      ],
    });
    const grantId = decided.data!.decideApplication.grant.id;
    await waitFor('the application events', () => eventTypes(applicationEvents, id).length === 2);
    expect(eventTypes(applicationEvents, id)).toEqual([
      'no.klynge.funding.ApplicationSubmitted.v1',
      'no.klynge.funding.ApplicationDecided.v1',
    ]);
    const awarded = await waitFor('GrantAwarded', () => grantEvents.find((m) => m.key === grantId));
    expect(JSON.parse(awarded.value)).toMatchObject({
      type: 'no.klynge.funding.GrantAwarded.v1',
      data: {
        grantId,
        applicationId: id,
        programmeCode: 'NIC',
        agencyCode: 'innovasjon-norge',
        recipient: { type: 'CLUSTER', clusterId: arenaCluster },
        amountAwarded: { amount: '5000000', currency: 'NOK' },
        plannedStart: '2019-01-01',
        plannedEnd: '2023-12-31',
        clusterLevel: 'NCE',
      },
    });
  });

  it('allows only the legal moves', async () => {
    const id = await applicationUnderReview(funding, callId, arenaCluster);
    const again = await funding.query(SUBMIT, { id }, managerOf(arenaCluster));
    expect(again.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'id' });
    const rejected = await funding.query(DECIDE, { id, input: { decision: 'REJECTED' } }, caseworker);
    expect(rejected.data).toEqual({ decideApplication: { status: 'REJECTED', grant: null } });
    const withdrawAfterDecision = await funding.query(WITHDRAW, { id }, managerOf(arenaCluster));
    expect(withdrawAfterDecision.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'id' });

    const draft = await funding.query<{ createApplication: { id: string } }>(
      CREATE_APPLICATION,
      { input: { callId, clusterId: arenaCluster, title: 'Second try', requested: '100' } },
      managerOf(arenaCluster),
    );
    const draftId = draft.data!.createApplication.id;
    const decideDraft = await funding.query(DECIDE, { id: draftId, input: { decision: 'GRANTED', plannedEnd: '2020-01-01' } }, caseworker);
    expect(decideDraft.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'id' });
    expect((await funding.query(WITHDRAW, { id: draftId }, managerOf(arenaCluster))).data).toEqual({
      withdrawApplication: { status: 'WITHDRAWN' },
    });
  });

  it('refuses submission after the deadline', async () => {
    const { callId: closedCall } = await setUpProgramme(funding, { code: 'NIC-2018', closesAt: '2018-09-20T12:00:00+02:00' });
    const created = await funding.query<{ createApplication: { id: string } }>(
      CREATE_APPLICATION,
      { input: { callId: closedCall, clusterId: arenaCluster, title: 'Too late', requested: '1000' } },
      managerOf(arenaCluster),
    );
    const submitted = await funding.query(SUBMIT, { id: created.data!.createApplication.id }, managerOf(arenaCluster));
    expect(submitted.errors?.[0]).toMatchObject({
      message: expect.stringContaining('The call closed at 2018-09-20T10:00:00Z'),
      extensions: { code: 'CONFLICT', field: 'id' },
    });
  });

  it('accepts only eligible applicants: a known cluster at a level the programme takes, or an organisation of a kind it takes', async () => {
    const apply = (input: Record<string, unknown>) =>
      funding.query(CREATE_APPLICATION, { input: { callId, title: 'Application', requested: '1000', ...input } }, admin);
    expect((await apply({ clusterId: gceCluster })).errors?.[0]).toMatchObject({
      message: 'GCE NODE is at level GCE; NIC accepts ARENA, ARENA_PRO, NCE',
      extensions: { code: 'BAD_USER_INPUT', field: 'clusterId' },
    });
    expect((await apply({ clusterId: '00000000-0000-4000-8000-000000000000' })).errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'clusterId',
    });
    expect((await apply({ orgNumber: '123456789' })).errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'orgNumber' });
    await funding.announceOrganization({ orgNumber: '987654325', name: 'SINTEF', kind: 'RESEARCH_INSTITUTION' });
    expect((await apply({ orgNumber: '987654325' })).errors?.[0]?.message).toBe('SINTEF is a RESEARCH_INSTITUTION; NIC accepts COMPANY');
    await funding.announceOrganization({ orgNumber: '111111111', name: 'Devotek AS', kind: 'COMPANY', municipalityCode: '3303' });
    expect((await apply({ orgNumber: '111111111' })).errors).toBeUndefined();
    expect((await apply({ clusterId: arenaCluster, orgNumber: '111111111' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await apply({ clusterId: arenaCluster, requested: '12.5' })).errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'requested',
    });
    expect(
      (await apply({ callId: '00000000-0000-4000-8000-000000000000', clusterId: arenaCluster })).errors?.[0]?.extensions,
    ).toMatchObject({
      code: 'NOT_FOUND',
      field: 'callId',
    });
  });

  it("lets only a caseworker of the programme's agency review and decide, and a cluster manager apply only for their own cluster", async () => {
    const id = await applicationUnderReview(funding, callId, arenaCluster);
    expect((await funding.query(DECIDE, { id, input: { decision: 'REJECTED' } }, sivaCaseworker)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await funding.query(DECIDE, { id, input: { decision: 'REJECTED' } }, admin)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await funding.query(DECIDE, { id, input: { decision: 'REJECTED' } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const foreign = await funding.query(
      CREATE_APPLICATION,
      { input: { callId, clusterId: arenaCluster, title: 'Not mine', requested: '1000' } },
      managerOf(gceCluster),
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const review = await funding.query(START_REVIEW, { id }, caseworker);
    expect(review.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'id' });
    expect(await funding.db.query(`SELECT status FROM applications WHERE id = $1`, [id])).toEqual([{ status: 'UNDER_REVIEW' }]);
  });
});
