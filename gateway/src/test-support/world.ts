import type { Caller } from '@klynge/platform';
import { testCallers } from '@klynge/subgraph-under-test';
import type { gatewayClient } from './graph-under-test';

const { admin, managerOf } = testCallers;
const innovasjonNorge = testCallers.caseworker('innovasjon-norge');

/** One of everything the graph holds, made through the gateway by its rightful owners. */
export interface World {
  /** NCE Raufoss, with a member; its manager applies. */
  readonly clusterA: string;
  /** Another cluster: its manager owns nothing of A's. */
  readonly clusterB: string;
  readonly membership: string;
  /** A call in Innovasjon Norge's Conversion Engine programme. */
  readonly callId: string;
  /** Applications of cluster A in three states. */
  readonly draft: string;
  readonly submitted: string;
  readonly underReview: string;
  readonly grantId: string;
  /** An OPEN competence programme under the Conversion Engine, hosted by A, with a module and an enrolment. */
  readonly programmeId: string;
  readonly moduleId: string;
  readonly enrolmentId: string;
}

/**
 * What making the world needs of the graph besides the gateway: to wait until the funding and
 * competence subgraphs have heard of what it made (a GraphUnderTest, or processes' databases).
 */
export interface WorldGraph<Service> {
  readonly funding: Service;
  readonly competence: Service;
  /** Waits until `service`'s `table` has a row whose `key` is `value`. */
  known(service: Service, table: string, key: string, value: string): Promise<void>;
}

export async function buildWorld<Service>(graph: WorldGraph<Service>, client: ReturnType<typeof gatewayClient>): Promise<World> {
  const world = {} as { -readonly [K in keyof World]: World[K] };
  const { gq, ok } = client;

  const register = async (name: string, countyCode: string) =>
    ok(
      await gq<{ registerCluster: { id: string } }>(
        `mutation($input: RegisterClusterInput!) { registerCluster(input: $input) { id } }`,
        { input: { name, level: 'NCE', levelSince: '2006-01-01', countyCode } },
        admin,
      ),
    ).registerCluster.id;
  world.clusterA = await register('NCE Raufoss', '34');
  world.clusterB = await register('NCE Systems Engineering', '33');
  ok(
    await gq(
      `mutation { registerOrganization(input: { orgNumber: "123456785", name: "Member AS (generated)", kind: COMPANY, employees: 40 }) { orgNumber } }`,
      {},
      admin,
    ),
  );
  world.membership = ok(
    await gq<{ addMember: { id: string } }>(
      `mutation($c: ID!) { addMember(input: { clusterId: $c, orgNumber: "123456785", joinedOn: "2010-01-01" }) { id } }`,
      { c: world.clusterA },
      admin,
    ),
  ).addMember.id;
  await graph.known(graph.funding, 'cluster_directory', 'cluster_id', world.clusterA);
  await graph.known(graph.competence, 'cluster_directory', 'cluster_id', world.clusterA);

  for (const [code, name, kind] of [
    ['innovasjon-norge', 'Innovasjon Norge', 'INNOVATION_NORWAY'],
    ['siva', 'Siva', 'SIVA'],
  ]) {
    ok(
      await gq(`mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { code } }`, { input: { code, name, kind } }, admin),
    );
  }
  ok(
    await gq(
      `mutation { createProgramme(input: { code: "OMSTILLINGSMOTOREN", name: "The Conversion Engine", agencyCode: "innovasjon-norge", eligibleClusterLevels: [NCE], periodStart: "2017-01-01" }) { code } }`,
      {},
      innovasjonNorge,
    ),
  );
  ok(
    await gq(
      `mutation { allocateBudget(input: { programmeCode: "OMSTILLINGSMOTOREN", year: 2017, amount: "30000000" }) { year } }`,
      {},
      innovasjonNorge,
    ),
  );
  world.callId = ok(
    await gq<{ openCall: { id: string } }>(
      `mutation { openCall(input: { programmeCode: "OMSTILLINGSMOTOREN", title: "The Conversion Engine", opensOn: "2017-07-10", closesAt: "2099-01-01T00:00:00Z", decisionDate: "2017-10-15", projectStart: "2017-11-01" }) { id } }`,
      {},
      innovasjonNorge,
    ),
  ).openCall.id;
  const apply = async (title: string) =>
    ok(
      await gq<{ createApplication: { id: string } }>(
        `mutation($input: CreateApplicationInput!) { createApplication(input: $input) { id } }`,
        { input: { callId: world.callId, clusterId: world.clusterA, title, requested: '8000000' } },
        managerOf(world.clusterA),
      ),
    ).createApplication.id;
  const move = async (mutation: string, id: string, caller: Caller) =>
    ok(await gq(`mutation($id: ID!) { ${mutation}(id: $id) { status } }`, { id }, caller));
  world.draft = await apply('Still a draft');
  world.submitted = await apply('Submitted');
  await move('submitApplication', world.submitted, managerOf(world.clusterA));
  world.underReview = await apply('Under review');
  await move('submitApplication', world.underReview, managerOf(world.clusterA));
  await move('startReview', world.underReview, innovasjonNorge);
  const granted = await apply('Granted');
  await move('submitApplication', granted, managerOf(world.clusterA));
  await move('startReview', granted, innovasjonNorge);
  world.grantId = ok(
    await gq<{ decideApplication: { grant: { id: string } } }>(
      `mutation($id: ID!) { decideApplication(id: $id, input: { decision: GRANTED, plannedEnd: "2019-10-31" }) { grant { id } } }`,
      { id: granted },
      innovasjonNorge,
    ),
  ).decideApplication.grant.id;

  // Competence learns which agency owns the funding programme from the budget's event, and
  // of the grant from its own; a programme planned for a grant already awarded is then opened.
  await graph.known(graph.competence, 'funding_programme_directory', 'programme_code', 'OMSTILLINGSMOTOREN');
  await graph.known(graph.competence, 'awarded_grants', 'grant_id', world.grantId);
  world.programmeId = ok(
    await gq<{ planProgramme: { id: string } }>(
      `mutation($input: PlanProgrammeInput!) { planProgramme(input: $input) { id } }`,
      {
        input: {
          name: 'The Conversion Engine (Omstillingsmotoren)',
          hostClusterIds: [world.clusterA],
          periodStart: '2017-11-01',
          fundingProgrammeCode: 'OMSTILLINGSMOTOREN',
          fundingApplicationId: granted,
        },
      },
      innovasjonNorge,
    ),
  ).planProgramme.id;
  await move('openProgramme', world.programmeId, innovasjonNorge);
  await graph.known(graph.competence, 'organization_directory', 'org_number', '123456785');
  await graph.known(graph.competence, 'membership_directory', 'membership_id', world.membership);
  world.moduleId = ok(
    await gq<{ addModule: { id: string } }>(
      `mutation($p: ID!) { addModule(input: { programmeId: $p, title: "Lean", theme: "productivity", format: WORKSHOP }) { id } }`,
      { p: world.programmeId },
      managerOf(world.clusterA),
    ),
  ).addModule.id;
  world.enrolmentId = ok(
    await gq<{ enrolCompany: { id: string } }>(
      `mutation($p: ID!) { enrolCompany(input: { programmeId: $p, orgNumber: "123456785", enrolledOn: "2018-01-10" }) { id } }`,
      { p: world.programmeId },
      managerOf(world.clusterA),
    ),
  ).enrolCompany.id;
  return world;
}

/** Awards `clusterId` a grant in the world's call, as its manager and a caseworker would: its events go through the broker. */
export async function awardGrant(client: ReturnType<typeof gatewayClient>, world: World, clusterId: string): Promise<string> {
  const { gq, ok } = client;
  const applicationId = ok(
    await gq<{ createApplication: { id: string } }>(
      `mutation($input: CreateApplicationInput!) { createApplication(input: $input) { id } }`,
      { input: { callId: world.callId, clusterId, title: 'A grant to cache', requested: '1000000' } },
      managerOf(clusterId),
    ),
  ).createApplication.id;
  const move = async (mutation: string, caller: Caller) =>
    ok(await gq(`mutation($id: ID!) { ${mutation}(id: $id) { status } }`, { id: applicationId }, caller));
  await move('submitApplication', managerOf(clusterId));
  await move('startReview', innovasjonNorge);
  return ok(
    await gq<{ decideApplication: { grant: { id: string } } }>(
      `mutation($id: ID!) { decideApplication(id: $id, input: { decision: GRANTED, plannedEnd: "2019-10-31" }) { grant { id } } }`,
      { id: applicationId },
      innovasjonNorge,
    ),
  ).decideApplication.grant.id;
}

/** The world's clusters A and B with the slugs the clusters subgraph gave them, as queries ask for them. */
export async function worldClusters(
  client: ReturnType<typeof gatewayClient>,
  world: World,
): Promise<ReadonlyMap<'A' | 'B', { id: string; slug: string }>> {
  const { edges } = client.ok(
    await client.gq<{ clusters: { edges: { node: { id: string; slug: string } }[] } }>(
      '{ clusters(first: 100) { edges { node { id slug } } } }',
    ),
  ).clusters;
  const named = (id: string) => ({ id, slug: edges.find(({ node }) => node.id === id)!.node.slug });
  return new Map([
    ['A', named(world.clusterA)],
    ['B', named(world.clusterB)],
  ]);
}
