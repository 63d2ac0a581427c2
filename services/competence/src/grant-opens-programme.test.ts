import { ClusterRegistered } from '@klynge/contracts';
import { fundingConfig } from '@klynge/funding/config';
import { createFundingService } from '@klynge/funding/server';
import { type ServiceUnderTest, startServiceUnderTest, testCallers } from '@klynge/service-testing';
import { waitFor } from '@klynge/testing';
import { randomUUID } from 'node:crypto';
import { admin, caseworker, PLAN, startCompetence } from './test-support/competence-harness';

/**
 * GrantAwarded -> the programme opens, across services over real Kafka: funding grants the
 * application the competence programme names, and competence opens it.
 */
describe('a competence programme opens when the funding service awards its grant', () => {
  let funding: ServiceUnderTest;
  let competence: ServiceUnderTest;

  beforeAll(async () => {
    funding = await startServiceUnderTest({ label: 'grant_flow_funding', config: fundingConfig, create: createFundingService });
    competence = await startCompetence('grant_flow_competence', funding.topicPrefix);
  });

  afterAll(async () => {
    await competence?.close();
    await funding?.close();
  });

  it('opens the planned programme, and only that one', async () => {
    // The clusters service's word that the host exists reaches both services.
    const clusterId = randomUUID();
    await funding.publishEvent(ClusterRegistered, clusterId, {
      clusterId,
      name: 'NCE Raufoss',
      slug: 'nce-raufoss',
      shortName: null,
      level: 'NCE',
      countyCode: '34',
      municipalityCode: null,
      town: 'Raufoss',
      sectors: [],
      programmeStart: null,
      programmeEnd: null,
      levelSince: '2006-01-01',
    });
    const known = (harness: ServiceUnderTest) => async () =>
      (await harness.db.query('SELECT 1 FROM cluster_directory WHERE cluster_id = $1', [clusterId])).length === 1;
    await waitFor('funding to know the cluster', known(funding));
    await waitFor('competence to know the cluster', known(competence));

    const ok = <T>(result: { data?: T; errors?: unknown[] }) => {
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!;
    };
    const inCaseworker = testCallers.caseworker();
    ok(await funding.query(`mutation { registerAgency(input: { code: "innovasjon-norge", name: "Innovasjon Norge", kind: INNOVATION_NORWAY }) { code } }`, {}, admin));
    ok(
      await funding.query(
        `mutation { createProgramme(input: { code: "OMSTILLINGSMOTOREN", name: "The Conversion Engine", agencyCode: "innovasjon-norge",
           eligibleClusterLevels: [NCE, GCE], periodStart: "2017-01-01" }) { code } }`,
        {},
        inCaseworker,
      ),
    );
    ok(await funding.query(`mutation { allocateBudget(input: { programmeCode: "OMSTILLINGSMOTOREN", year: 2017, amount: "30000000" }) { year } }`, {}, inCaseworker));
    const call = ok(
      await funding.query<{ openCall: { id: string } }>(
        `mutation { openCall(input: { programmeCode: "OMSTILLINGSMOTOREN", title: "The Conversion Engine", opensOn: "2017-07-10",
           closesAt: "2099-01-01T12:00:00Z", projectStart: "2017-11-01" }) { id } }`,
        {},
        inCaseworker,
      ),
    );
    const application = ok(
      await funding.query<{ createApplication: { id: string } }>(
        `mutation($input: CreateApplicationInput!) { createApplication(input: $input) { id } }`,
        { input: { callId: call.openCall.id, clusterId, title: 'Competence programme', requested: '8000000' } },
        admin,
      ),
    ).createApplication.id;

    const planned = (name: string, fundingApplicationId: string) =>
      competence.query<{ planProgramme: { id: string } }>(
        PLAN,
        { input: { name, hostClusterIds: [clusterId], capacity: 60, targetCompanies: 300, periodStart: '2017-11-01', fundingProgrammeCode: 'OMSTILLINGSMOTOREN', fundingApplicationId } },
        caseworker,
      );
    const programmeId = ok(await planned('Omstillingsmotoren: NCE Raufoss', application)).planProgramme.id;
    const otherId = ok(await planned('Waiting for another grant', randomUUID())).planProgramme.id;

    ok(await funding.query(`mutation($id: ID!) { submitApplication(id: $id) { status } }`, { id: application }, admin));
    ok(await funding.query(`mutation($id: ID!) { startReview(id: $id) { status } }`, { id: application }, inCaseworker));
    const grantId = ok(
      await funding.query<{ decideApplication: { grant: { id: string } } }>(
        `mutation($id: ID!) { decideApplication(id: $id, input: { decision: GRANTED, awardDate: "2017-10-15", plannedEnd: "2019-10-31" }) { grant { id } } }`,
        { id: application },
        inCaseworker,
      ),
    ).decideApplication.grant.id;

    const status = async (id: string) =>
      (await competence.query<{ competenceProgramme: { status: string; grant: { id: string } | null } }>(
        `query($id: ID!) { competenceProgramme(id: $id) { status grant { id } } }`,
        { id },
      )).data!.competenceProgramme;
    await waitFor('the programme to open', async () => (await status(programmeId)).status === 'OPEN');
    expect(await status(programmeId)).toEqual({ status: 'OPEN', grant: { id: grantId } });
    expect(await status(otherId)).toEqual({ status: 'PLANNED', grant: null });
  });
});
