import { randomUUID } from 'node:crypto';
import { GrantAwarded, GrantReported } from '@klynge/contracts';
import { announceCluster, type ServiceUnderTest, testCallers } from '@klynge/subgraph-under-test';
import { waitFor } from '@klynge/test-infrastructure';
import { announceFundingProgramme, caseworker, PLAN, startCompetence } from './test-support/competence-under-test';

/**
 * GrantAwarded -> the programme opens: the funding subgraph's event, published here as funding
 * publishes it (the contract in @klynge/contracts and schemas/events/funding.grant.v1), opens the
 * competence programme that names the application, and only that one.
 */
describe('a competence programme opens when its grant is awarded', () => {
  let competence: ServiceUnderTest;

  beforeAll(async () => {
    competence = await startCompetence('grant_flow');
  });

  afterAll(async () => {
    await competence?.close();
  });

  it('opens the planned programme, and only that one', async () => {
    const clusterId = await announceCluster(competence, { name: 'NCE Raufoss', level: 'NCE', countyCode: '34' });
    await announceFundingProgramme(competence, 'OMSTILLINGSMOTOREN');
    const ok = <T>(result: { data?: T; errors?: unknown[] }) => {
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!;
    };
    const planned = (name: string, fundingApplicationId: string) =>
      competence.query<{ planProgramme: { id: string } }>(
        PLAN,
        {
          input: {
            name,
            hostClusterIds: [clusterId],
            capacity: 60,
            targetCompanies: 300,
            periodStart: '2017-11-01',
            fundingProgrammeCode: 'OMSTILLINGSMOTOREN',
            fundingApplicationId,
          },
        },
        caseworker,
      );
    const applicationId = randomUUID();
    const programmeId = ok(await planned('Omstillingsmotoren: NCE Raufoss', applicationId)).planProgramme.id;
    const otherId = ok(await planned('Waiting for another grant', randomUUID())).planProgramme.id;

    const grantId = randomUUID();
    const awarded = {
      grantId,
      applicationId,
      programmeCode: 'OMSTILLINGSMOTOREN',
      agencyCode: 'innovasjon-norge',
      recipient: { type: 'CLUSTER' as const, clusterId },
      amountAwarded: { amount: '8000000', currency: 'NOK' },
      awardDate: '2017-10-15',
      plannedStart: '2017-11-01',
      plannedEnd: '2019-10-31',
      clusterLevel: null,
    };
    await competence.publishEvent(GrantAwarded, grantId, awarded);

    const status = async (id: string) =>
      (
        await competence.query<{ competenceProgramme: { status: string; grant: { id: string } | null } }>(
          `query($id: ID!) { competenceProgramme(id: $id) { status grant { id } } }`,
          { id },
        )
      ).data!.competenceProgramme;
    await waitFor('the programme to open', async () => (await status(programmeId)).status === 'OPEN');
    expect(await status(programmeId)).toEqual({ status: 'OPEN', grant: { id: grantId } });
    expect(await status(otherId)).toEqual({ status: 'PLANNED', grant: null });
  });

  it("takes no grant of another funding programme, so no agency can open its programme with another's grant", async () => {
    const clusterId = await announceCluster(competence, { name: 'NCE Eyde', level: 'NCE', countyCode: '42' });
    await announceFundingProgramme(competence, 'KATAPULT', 'siva');
    const applicationId = randomUUID();
    // Siva's caseworker plans under Siva's own programme, naming Innovasjon Norge's application.
    const planned = await competence.query<{ planProgramme: { id: string } }>(
      PLAN,
      {
        input: {
          name: 'Borrowed grant',
          hostClusterIds: [clusterId],
          periodStart: '2017-11-01',
          fundingProgrammeCode: 'KATAPULT',
          fundingApplicationId: applicationId,
        },
      },
      testCallers.caseworker('siva'),
    );
    const programmeId = planned.data!.planProgramme.id;
    const grantId = randomUUID();
    await competence.publishEvent(GrantAwarded, grantId, {
      grantId,
      applicationId,
      programmeCode: 'OMSTILLINGSMOTOREN',
      agencyCode: 'innovasjon-norge',
      recipient: { type: 'CLUSTER' as const, clusterId },
      amountAwarded: { amount: '8000000', currency: 'NOK' },
      awardDate: '2017-10-15',
      plannedStart: '2017-11-01',
      plannedEnd: '2019-10-31',
      clusterLevel: null,
    });
    await waitFor(
      'the grant to reach competence',
      async () => (await competence.db.query('SELECT 1 FROM awarded_grants WHERE grant_id = $1', [grantId])).length === 1,
    );
    const { data } = await competence.query<{ competenceProgramme: unknown }>(
      `query($id: ID!) { competenceProgramme(id: $id) { status grant { id } } }`,
      { id: programmeId },
    );
    expect(data!.competenceProgramme).toEqual({ status: 'PLANNED', grant: null });
    // And once granted, the application cannot be named under another programme either.
    const again = await competence.query(
      PLAN,
      {
        input: {
          name: 'Borrowed again',
          hostClusterIds: [clusterId],
          periodStart: '2017-11-01',
          fundingProgrammeCode: 'KATAPULT',
          fundingApplicationId: applicationId,
        },
      },
      testCallers.caseworker('siva'),
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fundingApplicationId' });
  });

  it('links a programme to a grant reported before it was planned, which then opens it; an unknown or foreign grant is refused', async () => {
    const clusterId = await announceCluster(competence, { name: 'NCE Systems Engineering', level: 'NCE', countyCode: '33' });
    await announceFundingProgramme(competence, 'OMSTILLINGSMOTOREN');
    const grantId = randomUUID();
    await competence.publishEvent(GrantReported, grantId, {
      grantId,
      programmeCode: 'OMSTILLINGSMOTOREN',
      agencyCode: 'innovasjon-norge',
      recipients: [
        { name: 'NCE Systems Engineering', clusterId, orgNumber: null },
        { name: 'Digital Norway', clusterId: null, orgNumber: null },
      ],
      amountAwarded: { amount: '14000000', currency: 'NOK' },
      awardDate: '2017-01-01',
      awardDatePrecision: 'YEAR',
      budgetYear: 2017,
      source: 'SINTEF news, 2017',
    });
    await waitFor(
      'the reported grant to reach competence',
      async () =>
        (await competence.db.query<{ cluster_ids: string[] }>('SELECT cluster_ids FROM awarded_grants WHERE grant_id = $1', [grantId]))[0]
          ?.cluster_ids[0] === clusterId,
    );
    const plan = (name: string, overrides: Record<string, unknown>) =>
      competence.query<{ planProgramme: { id: string; status: string } }>(
        PLAN,
        {
          input: {
            name,
            hostClusterIds: [clusterId],
            periodStart: '2017-11-01',
            fundingProgrammeCode: 'OMSTILLINGSMOTOREN',
            ...overrides,
          },
        },
        caseworker,
      );
    const unknown = await plan('For a grant nobody made', { grantId: randomUUID() });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'grantId' });
    const both = await plan('Both ways at once', { grantId, fundingApplicationId: randomUUID() });
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'grantId' });
    await announceFundingProgramme(competence, 'KATAPULT', 'siva');
    const foreign = await competence.query(
      PLAN,
      {
        input: {
          name: 'Borrowing a reported grant',
          hostClusterIds: [clusterId],
          periodStart: '2017-11-01',
          fundingProgrammeCode: 'KATAPULT',
          grantId,
        },
      },
      testCallers.caseworker('siva'),
    );
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'grantId' });

    const planned = await plan('The Conversion Engine: the consortium', { grantId });
    expect(planned.errors).toBeUndefined();
    const id = planned.data!.planProgramme.id;
    const opened = await competence.query<{ openProgramme: { status: string; grant: { id: string } } }>(
      `mutation($id: ID!) { openProgramme(id: $id) { status grant { id } } }`,
      { id },
      caseworker,
    );
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.openProgramme).toEqual({ status: 'OPEN', grant: { id: grantId } });
  });
});
