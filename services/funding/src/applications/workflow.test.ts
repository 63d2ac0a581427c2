import { waitFor } from '@klynge/test-infrastructure';
import {
  admin,
  applicationUnderReview,
  caseworker,
  CREATE_APPLICATION,
  CREATE_PROGRAMME,
  DECIDE,
  type FundingUnderTest,
  managerOf,
  OPEN_CALL,
  REGISTER_AGENCY,
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

  it('announces its agencies, programmes and calls, each once, and nothing for a refused one', async () => {
    const agencyEvents = await funding.readTopic('funding.agency.v1');
    const programmeEvents = await funding.readTopic('funding.programme.v1');
    const duplicate = await funding.query(REGISTER_AGENCY, { input: { code: 'siva', name: 'Siva again', kind: 'SIVA' } }, admin);
    expect(duplicate.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'code' });
    const again = await funding.query(
      CREATE_PROGRAMME,
      { input: { code: 'NIC', name: 'Again', agencyCode: 'innovasjon-norge', periodStart: '2014-01-01' } },
      caseworker,
    );
    expect(again.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'code' });
    // Refused inside the transaction, after the programme is locked: its call is not announced either.
    const outside = await funding.query(
      OPEN_CALL,
      { input: { programmeCode: 'NIC', title: 'Too early', opensOn: '2013-01-01', closesAt: '2099-12-31T12:00:00Z' } },
      caseworker,
    );
    expect(outside.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'opensOn' });
    const later = await funding.query<{ openCall: { id: string } }>(
      OPEN_CALL,
      { input: { programmeCode: 'NIC', title: 'Later', opensOn: '2019-01-01', closesAt: '2099-12-31T12:00:00Z' } },
      caseworker,
    );

    // A programme's events share a partition, in order: the refusals before the last call published nothing.
    await waitFor('the programme events', () => eventTypes(programmeEvents, 'NIC').length === 3);
    const programme = programmeEvents.filter((m) => m.key === 'NIC').map((m) => JSON.parse(m.value) as { type: string; data: unknown });
    expect(programme.map((event) => event.type)).toEqual([
      'no.klynge.funding.ProgrammeCreated.v1',
      'no.klynge.funding.CallOpened.v1',
      'no.klynge.funding.CallOpened.v1',
    ]);
    expect(programme[0]!.data).toEqual({
      programmeCode: 'NIC',
      agencyCode: 'innovasjon-norge',
      name: 'Norwegian Innovation Clusters',
      purpose: null,
      eligibleClusterLevels: ['ARENA', 'ARENA_PRO', 'NCE'],
      eligibleOrganizationKinds: ['COMPANY'],
      periodStart: '2014-01-01',
      periodStartPrecision: 'DAY',
      periodEnd: null,
      periodEndPrecision: null,
    });
    expect(programme[1]!.data).toEqual({
      callId,
      programmeCode: 'NIC',
      agencyCode: 'innovasjon-norge',
      title: 'New cluster programmes 2019',
      targetLevel: 'NCE',
      opensOn: '2018-01-01',
      closesAt: '2099-12-31T11:00:00Z',
      decisionDate: '2019-12-15',
      projectStart: '2019-01-01',
    });
    expect(programme[2]!.data).toMatchObject({
      callId: later.data!.openCall.id,
      targetLevel: null,
      decisionDate: null,
      projectStart: null,
    });

    await waitFor('the agency events', () => agencyEvents.length === 2);
    await waitFor('the outbox to be empty', async () => (await funding.stillMoving()) === undefined);
    expect(Object.fromEntries(agencyEvents.map((m) => [m.key, (JSON.parse(m.value) as { data: unknown }).data]))).toEqual({
      'innovasjon-norge': { agencyCode: 'innovasjon-norge', name: 'Innovasjon Norge', kind: 'INNOVATION_NORWAY', orgNumber: '123456785' },
      siva: { agencyCode: 'siva', name: 'Siva', kind: 'SIVA', orgNumber: null },
    });
    expect(agencyEvents).toHaveLength(2);
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
    await waitFor('the application events', () => eventTypes(applicationEvents, id).length === 4);
    expect(eventTypes(applicationEvents, id)).toEqual([
      'no.klynge.funding.ApplicationCreated.v1',
      'no.klynge.funding.ApplicationSubmitted.v1',
      'no.klynge.funding.ApplicationReviewStarted.v1',
      'no.klynge.funding.ApplicationDecided.v1',
    ]);
    const [created, , reviewStarted] = applicationEvents.filter((m) => m.key === id).map((m) => JSON.parse(m.value) as { data: unknown });
    const about = { applicationId: id, callId, programmeCode: 'NIC', applicant: { type: 'CLUSTER', clusterId: arenaCluster } };
    expect(created!.data).toEqual({
      ...about,
      title: 'NCE status',
      requested: { amount: '5000000', currency: 'NOK' },
      ownFunding: { amount: '2500000', currency: 'NOK' },
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(reviewStarted!.data).toEqual({ ...about, startedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
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
    const applicationEvents = await funding.readTopic('funding.application.v1');
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
    expect((await funding.query(WITHDRAW, { id: draftId }, sivaCaseworker)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await funding.query(WITHDRAW, { id: draftId }, managerOf(arenaCluster))).data).toEqual({
      withdrawApplication: { status: 'WITHDRAWN' },
    });
    // An application's events share a partition, in order: the refused moves before the withdrawal published nothing.
    await waitFor('ApplicationWithdrawn', () => eventTypes(applicationEvents, draftId).length === 2);
    expect(eventTypes(applicationEvents, draftId)).toEqual([
      'no.klynge.funding.ApplicationCreated.v1',
      'no.klynge.funding.ApplicationWithdrawn.v1',
    ]);
    expect((JSON.parse(applicationEvents.filter((m) => m.key === draftId)[1]!.value) as { data: unknown }).data).toEqual({
      applicationId: draftId,
      callId,
      programmeCode: 'NIC',
      applicant: { type: 'CLUSTER', clusterId: arenaCluster },
      previousStatus: 'DRAFT',
      withdrawnAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
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
