import { readFileSync } from 'node:fs';
import { norwegianDate, signToken, SUBGRAPH_SECRET_HEADER } from '@klynge/platform';
import { type GraphQLResult, type ServiceUnderTest, testCallers } from '@klynge/subgraph-under-test';
import { callerHeaders, startCountingProxy, waitFor } from '@klynge/test-infrastructure';
import { getIntrospectionQuery } from 'graphql';
import { registeredOperation } from './registered-operations';
import type { Gateway } from './server';
import { supergraphFile } from './subgraphs';
import { supergraphHash } from './supergraph-source';
import {
  GRAPH_SETUP_TIMEOUT_MS,
  gatewayClient,
  type GraphUnderTest,
  startGraphUnderTest,
  subgraphSecret,
  TEST_JWT_SECRET,
} from './test-support/graph-under-test';

/** Today in Norway: the day grants made by these tests are awarded and paid. */
const today = norwegianDate(new Date());

const { admin, viewer, managerOf } = testCallers;
const caseworker = testCallers.caseworker('innovasjon-norge');
const sivaCaseworker = testCallers.caseworker('siva');

/**
 * The gateway over the three real subgraphs (each on its own database, all on one set of Kafka
 * topics): a dashboard query that needs all three is answered in one request.
 */
describe('the gateway over the three subgraphs', () => {
  let graph: GraphUnderTest;
  let clusters: ServiceUnderTest;
  let funding: ServiceUnderTest;
  let competence: ServiceUnderTest;
  let gateway: Gateway;
  let url: string;
  let clusterId: string;
  let client: ReturnType<typeof gatewayClient>;

  const gatewayOverSubgraphs = (settings: Record<string, string> = {}) => graph.gatewayOver(settings);
  const gq: ReturnType<typeof gatewayClient>['gq'] = (...args) => client.gq(...args);
  const ok = <T>(result: GraphQLResult<T>): T => client.ok(result);
  const known = (service: ServiceUnderTest, table: string, key: string, value: string) => graph.known(service, table, key, value);

  beforeAll(async () => {
    graph = await startGraphUnderTest('gw');
    ({ clusters, funding, competence } = graph);
    gateway = await gatewayOverSubgraphs();
    url = await gateway.start();
    client = gatewayClient(url);

    // A cluster with a member, a grant and a competence programme, set up in the three services.
    clusterId = ok(
      await gq<{ registerCluster: { id: string } }>(
        `mutation { registerCluster(input: { name: "NCE Raufoss", level: NCE, levelSince: "2006-01-01", countyCode: "34", town: "Raufoss" }) { id } }`,
        {},
        admin,
      ),
    ).registerCluster.id;
    ok(
      await gq(
        `mutation { registerOrganization(input: { orgNumber: "123456785", name: "Member AS (synthetic)", kind: COMPANY, employees: 40 }) { orgNumber } }`,
        {},
        admin,
      ),
    );
    ok(
      await gq(
        `mutation($c: ID!) { addMember(input: { clusterId: $c, orgNumber: "123456785", joinedOn: "2010-01-01" }) { id } }`,
        { c: clusterId },
        admin,
      ),
    );
    await known(funding, 'cluster_directory', 'cluster_id', clusterId);
    await known(competence, 'cluster_directory', 'cluster_id', clusterId);

    ok(
      await gq(
        `mutation { registerAgency(input: { code: "innovasjon-norge", name: "Innovasjon Norge", kind: INNOVATION_NORWAY }) { code } }`,
        {},
        admin,
      ),
    );
    ok(
      await gq(
        `mutation { createProgramme(input: { code: "OMSTILLINGSMOTOREN", name: "The Conversion Engine", agencyCode: "innovasjon-norge", eligibleClusterLevels: [NCE], periodStart: "2017-01-01" }) { code } }`,
        {},
        caseworker,
      ),
    );
    ok(
      await gq(
        `mutation { allocateBudget(input: { programmeCode: "OMSTILLINGSMOTOREN", year: 2017, amount: "30000000" }) { year } }`,
        {},
        caseworker,
      ),
    );
    const callId = ok(
      await gq<{ openCall: { id: string } }>(
        `mutation { openCall(input: { programmeCode: "OMSTILLINGSMOTOREN", title: "The Conversion Engine", opensOn: "2017-07-10", closesAt: "2099-01-01T00:00:00Z", decisionDate: "2017-10-15", projectStart: "2017-11-01" }) { id } }`,
        {},
        caseworker,
      ),
    ).openCall.id;
    const applicationId = ok(
      await gq<{ createApplication: { id: string } }>(
        `mutation($input: CreateApplicationInput!) { createApplication(input: $input) { id } }`,
        { input: { callId, clusterId, title: 'Competence programme', requested: '8000000' } },
        admin,
      ),
    ).createApplication.id;
    // Competence hears from the budget's event whose programme the Conversion Engine is.
    await known(competence, 'funding_programme_directory', 'programme_code', 'OMSTILLINGSMOTOREN');
    ok(
      await gq(
        `mutation($input: PlanProgrammeInput!) { planProgramme(input: $input) { id } }`,
        {
          input: {
            name: 'The Conversion Engine (Omstillingsmotoren)',
            hostClusterIds: [clusterId],
            targetCompanies: 300,
            periodStart: '2017-11-01',
            fundingProgrammeCode: 'OMSTILLINGSMOTOREN',
            fundingApplicationId: applicationId,
          },
        },
        caseworker,
      ),
    );
    ok(await gq(`mutation($id: ID!) { submitApplication(id: $id) { status } }`, { id: applicationId }, admin));
    ok(await gq(`mutation($id: ID!) { startReview(id: $id) { status } }`, { id: applicationId }, caseworker));
    const grantId = ok(
      await gq<{ decideApplication: { grant: { id: string } } }>(
        `mutation($id: ID!) { decideApplication(id: $id, input: { decision: GRANTED, plannedEnd: "2019-10-31" }) { grant { id } } }`,
        { id: applicationId },
        caseworker,
      ),
    ).decideApplication.grant.id;
    ok(
      await gq(
        `mutation($g: ID!) { recordDisbursement(input: { grantId: $g, amount: "2000000", paidOn: "${today}" }) { paidOn } }`,
        { g: grantId },
        caseworker,
      ),
    );
    await waitFor(
      'the programme to open',
      async () => (await competence.db.query(`SELECT 1 FROM competence_programmes WHERE status = 'OPEN'`)).length === 1,
    );
  }, GRAPH_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await gateway?.stop();
    await graph?.close();
  });

  it('answers the dashboard query from all three subgraphs at once', async () => {
    const body = await gq(
      `{ clusters(filter: { level: NCE }) { edges { node {
          name county { name } levelHistory { level from }
          memberStats { memberCount smeShare }
          fundingTotal { amount currency }
          fundingByYear { year granted { amount } paid { amount } }
          grants { amountAwarded { amount } amountPaid { amount } programme { name agency { name } } }
          hostedProgrammes { name status reach { companiesReached targetCompanies } grant { amountAwarded { amount } } }
        } } } }`,
      {},
      undefined,
      { 'x-request-id': 'dashboard-1' },
    );
    expect(body.headers.get('x-request-id')).toBe('dashboard-1');
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      clusters: {
        edges: [
          {
            node: {
              name: 'NCE Raufoss',
              county: { name: 'Innlandet' },
              levelHistory: [{ level: 'NCE', from: '2006-01-01' }],
              memberStats: { memberCount: 1, smeShare: 1 },
              fundingTotal: { amount: '8000000', currency: 'NOK' },
              // Granted from the 2017 budget (its call was decided then), awarded and paid today.
              fundingByYear: [
                { year: 2017, granted: { amount: '8000000' }, paid: { amount: '0' } },
                { year: Number(today.slice(0, 4)), granted: { amount: '0' }, paid: { amount: '2000000' } },
              ],
              grants: [
                {
                  amountAwarded: { amount: '8000000' },
                  amountPaid: { amount: '2000000' },
                  programme: { name: 'The Conversion Engine', agency: { name: 'Innovasjon Norge' } },
                },
              ],
              hostedProgrammes: [
                {
                  name: 'The Conversion Engine (Omstillingsmotoren)',
                  status: 'OPEN',
                  reach: { companiesReached: 0, targetCompanies: 300 },
                  grant: { amountAwarded: { amount: '8000000' } },
                },
              ],
            },
          },
        ],
      },
    });
  });

  it('refuses what a caller may not do, through the root fields and around them', async () => {
    const edit = `mutation($id: ID!) { updateCluster(id: $id, input: { town: "Gjøvik" }) { town } }`;
    // No token; a client's own identity header; a token signed with another key.
    expect((await gq(edit, { id: clusterId })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const spoofed = await gq(edit, { id: clusterId }, undefined, callerHeaders({ subject: 'x', roles: ['admin'] }));
    expect(spoofed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await signToken(admin, { secret: 'not-the-secret' })}` },
      body: JSON.stringify({ query: edit, variables: { id: clusterId } }),
    });
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as GraphQLResult<unknown>).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // A cluster manager edits only their own cluster.
    expect((await gq(edit, { id: clusterId }, managerOf('00000000-0000-4000-8000-000000000000'))).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await gq(edit, { id: clusterId }, managerOf(clusterId))).data).toEqual({ updateCluster: { town: 'Gjøvik' } });
    // Only a caseworker of the programme's agency decides its applications.
    const { data } = await gq<{ applications: { edges: { node: { id: string } }[] } }>(
      `{ applications(first: 1) { edges { node { id } } } }`,
    );
    const decide = `mutation($id: ID!) { decideApplication(id: $id, input: { decision: REJECTED }) { status } }`;
    expect((await gq(decide, { id: data!.applications.edges[0]!.node.id }, sivaCaseworker)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    // Personal data needs a role, through a root field and through an entity reference alike.
    const contact = `query($id: ID!) { cluster(id: $id) { managerContact { name } } }`;
    expect((await gq(contact, { id: clusterId }, viewer)).data).toEqual({ cluster: { managerContact: null } });
  });

  it('lets only the gateway reach a subgraph: _entities and _service are not open around it', async () => {
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Cluster { managerContact { name } } } }`;
    const direct = (headers: Record<string, string>) =>
      fetch(clusters.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: entities, variables: { r: [{ __typename: 'Cluster', id: clusterId }] } }),
      });
    const withoutSecret = await direct({ authorization: `Bearer ${await signToken(admin, { secret: TEST_JWT_SECRET })}` });
    expect(withoutSecret.status).toBe(403);
    expect(await withoutSecret.json()).toEqual({
      errors: [{ message: 'Only the gateway may query this subgraph', extensions: { code: 'FORBIDDEN' } }],
    });
    const sdl = await fetch(funding.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });
    expect(sdl.status).toBe(403);
    // With the gateway's secret but an anonymous caller, the subgraph still applies its own rules.
    const asGateway = await direct({ [SUBGRAPH_SECRET_HEADER]: subgraphSecret('clusters') });
    expect(await asGateway.json()).toEqual({ data: { _entities: [{ managerContact: null }] } });
  });

  it('answers what the others can when a subgraph is down, names what is missing, and recovers by itself', async () => {
    const dashboard = `{ clusters(filter: { level: NCE }) { edges { node { name fundingTotal { amount } hostedProgrammes { name } } } } }`;
    await competence.service.stop();
    const degraded = await gq<{ clusters: { edges: { node: Record<string, unknown> }[] } }>(dashboard);
    expect(degraded.data!.clusters.edges[0]!.node).toEqual({
      name: 'NCE Raufoss',
      fundingTotal: { amount: '8000000' },
      hostedProgrammes: null,
    });
    expect(degraded.errors).toEqual([
      expect.objectContaining({
        message: 'The competence subgraph could not answer; its fields are missing from this result',
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'competence' },
      }),
    ]);
    expect(JSON.stringify(degraded.errors)).not.toContain('127.0.0.1');

    await competence.restart();
    const recovered = await waitFor('the gateway to reach competence again', async () => {
      const result = await gq<{ clusters: { edges: { node: { hostedProgrammes: unknown } }[] } }>(dashboard);
      return !result.errors && result.data;
    });
    expect(recovered.clusters.edges[0]!.node.hostedProgrammes).toEqual([{ name: 'The Conversion Engine (Omstillingsmotoren)' }]);
  });

  it("shows a cluster's research projects next to its grants, and every agency's support to it per year in one shape", async () => {
    const research = graph.subgraphs.get('research')!;
    // Forskningsrådet loads its projects as Prosjektbanken exports them (synthetic rows).
    const imported = await gq<{ importResearchProjects: { granted: number } }>(
      `mutation($csv: String!) { importResearchProjects(input: { csv: $csv }) { granted } }`,
      {
        csv: [
          'prosjektnummer,prosjekttittel,soknadstype,prosjektfase,prosjektstart,prosjektslutt,organisasjonsnummer,tildelt_belop,tildelt_2017,tildelt_2018',
          '399001,Member research (generated),Innovasjonsprosjekt i næringslivet,Avsluttet,2017,2018,123456785,3000000,1000000,2000000',
        ].join('\n'),
      },
      testCallers.caseworker('forskningsradet'),
    );
    expect(ok(imported).importResearchProjects.granted).toBe(1);
    // The member joined through the clusters subgraph; research knows it from the membership event.
    await waitFor(
      'the membership in research',
      async () => (await research.db.query("SELECT 1 FROM membership_directory WHERE org_number = '123456785'")).length === 1,
    );
    const body = await gq<{ cluster: Record<string, unknown> }>(
      `query($id: ID!) { cluster(id: $id) {
        grants { amountAwarded { amount } budgetYear }
        researchProjects { projectNumber owner { orgNumber name } allocations { year amount { amount } } total { amount } }
        fundingSupportByYear { agencyCode year amount { amount } }
        researchSupportByYear { agencyCode year amount { amount } } } }`,
      { id: clusterId },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.cluster).toEqual({
      grants: [{ amountAwarded: { amount: '8000000' }, budgetYear: 2017 }],
      researchProjects: [
        {
          projectNumber: '399001',
          // The owner's name comes from the clusters subgraph, the project from research.
          owner: { orgNumber: '123456785', name: 'Member AS (synthetic)' },
          allocations: [
            { year: 2017, amount: { amount: '1000000' } },
            { year: 2018, amount: { amount: '2000000' } },
          ],
          total: { amount: '3000000' },
        },
      ],
      fundingSupportByYear: [{ agencyCode: 'innovasjon-norge', year: 2017, amount: { amount: '8000000' } }],
      researchSupportByYear: [
        { agencyCode: 'forskningsradet', year: 2017, amount: { amount: '1000000' } },
        { agencyCode: 'forskningsradet', year: 2018, amount: { amount: '2000000' } },
      ],
    });
  });

  it('carries a cluster from application to grant to its new level, and a company into the programme the grant opened', async () => {
    const rooms = ok(
      await gq<{ registerCluster: { id: string } }>(
        `mutation { registerCluster(input: { name: "Norwegian Rooms", level: ARENA, levelSince: "2013-01-01", countyCode: "15" }) { id } }`,
        {},
        admin,
      ),
    ).registerCluster.id;
    await known(funding, 'cluster_directory', 'cluster_id', rooms);
    ok(
      await gq(
        `mutation { createProgramme(input: { code: "NIC", name: "Norwegian Innovation Clusters", agencyCode: "innovasjon-norge", eligibleClusterLevels: [ARENA, NCE], periodStart: "2014-01-01" }) { code } }`,
        {},
        caseworker,
      ),
    );
    ok(await gq(`mutation { allocateBudget(input: { programmeCode: "NIC", year: 2018, amount: "137000000" }) { year } }`, {}, caseworker));
    const callId = ok(
      await gq<{ openCall: { id: string } }>(
        `mutation { openCall(input: { programmeCode: "NIC", title: "New cluster programmes", targetLevel: NCE, opensOn: "2018-01-01", closesAt: "2099-01-01T00:00:00Z", decisionDate: "2018-11-07", projectStart: "2019-01-01" }) { id } }`,
        {},
        caseworker,
      ),
    ).openCall.id;
    const manager = managerOf(rooms);
    const applicationId = ok(
      await gq<{ createApplication: { id: string } }>(
        `mutation($input: CreateApplicationInput!) { createApplication(input: $input) { id } }`,
        { input: { callId, clusterId: rooms, title: 'NCE status', requested: '5000000' } },
        manager,
      ),
    ).createApplication.id;
    ok(await gq(`mutation($id: ID!) { submitApplication(id: $id) { status } }`, { id: applicationId }, manager));
    ok(await gq(`mutation($id: ID!) { startReview(id: $id) { status } }`, { id: applicationId }, caseworker));
    ok(
      await gq(
        `mutation($id: ID!) { decideApplication(id: $id, input: { decision: GRANTED, plannedEnd: "2023-12-31" }) { status } }`,
        { id: applicationId },
        caseworker,
      ),
    );
    const raised = await waitFor('the new level', async () => {
      const { data } = await gq<{ cluster: { level: string; programmePeriod: unknown; applications: { status: string }[] } }>(
        `query($id: ID!) { cluster(id: $id) { level programmePeriod { start end } applications { status } } }`,
        { id: rooms },
      );
      // Both come from the same transaction, but a request reads the cluster and its level history
      // in separate statements: under load the commit can fall between them.
      return data?.cluster.level === 'NCE' && data.cluster.programmePeriod !== null && data.cluster;
    });
    expect(raised).toEqual({
      level: 'NCE',
      programmePeriod: { start: '2019-01-01', end: '2023-12-31' },
      applications: [{ status: 'GRANTED' }],
    });

    // The programme the first grant opened takes a company, and the cluster's reach shows it.
    await known(competence, 'organization_directory', 'org_number', '123456785');
    const programmeId = (await competence.db.query<{ id: string }>(`SELECT id FROM competence_programmes WHERE status = 'OPEN'`))[0]!.id;
    const enrolled = await gq(
      `mutation($input: EnrolCompanyInput!) { enrolCompany(input: $input) { status memberOfCluster } }`,
      {
        input: { programmeId, orgNumber: '123456785', enrolledOn: '2018-02-01' },
      },
      managerOf(clusterId),
    );
    expect(enrolled.data).toEqual({ enrolCompany: { status: 'ENROLLED', memberOfCluster: true } });
    const reach = await gq<{ cluster: { hostedProgrammes: unknown } }>(
      `query($id: ID!) { cluster(id: $id) { hostedProgrammes { reach { companiesReached targetCompanies outsideClusters } } } }`,
      { id: clusterId },
    );
    expect(reach.data!.cluster.hostedProgrammes).toEqual([{ reach: { companiesReached: 1, targetCompanies: 300, outsideClusters: 0 } }]);
  });

  it('asks each subgraph a fixed number of times for the dashboard, whether it shows 10 clusters or 1,000', async () => {
    // Synthetic clusters, generated here and labelled as such: no real cluster has these facts.
    const generate = (from: number, to: number) =>
      clusters.db.query(
        `INSERT INTO clusters (id, slug, name, level, county_code)
         SELECT gen_random_uuid(), 'synthetic-' || i, 'Synthetic cluster ' || lpad(i::text, 4, '0') || ' (generated)', 'GCE', '46'
         FROM generate_series($1::int, $2::int) AS i`,
        [from, to],
      );
    const subgraphRequests = async () => (await gateway.metrics.subgraphRequests.get()).values.reduce((sum, value) => sum + value.value, 0);
    const dashboard = async () => {
      const before = await subgraphRequests();
      // Rows written behind the service's back make no event, so the response cache cannot know of them: asked fresh.
      const result = await gq<{ clusters: { edges: unknown[] } }>(
        `{ clusters(filter: { level: GCE }, first: 1000) { edges { node {
        name county { name } levelHistory { level } memberStats { memberCount smeShare }
        fundingByYear { year granted { amount } paid { amount } } hostedProgrammes { name reach { companiesReached } } } } } }`,
        {},
        undefined,
        { 'cache-control': 'no-cache' },
      );
      expect(result.errors).toBeUndefined();
      return { clusters: result.data!.clusters.edges.length, subgraphRequests: (await subgraphRequests()) - before };
    };

    await generate(1, 10);
    const ten = await dashboard();
    await generate(11, 1000);
    const thousand = await dashboard();

    expect([ten.clusters, thousand.clusters]).toEqual([10, 1000]);
    expect(thousand.subgraphRequests).toBe(ten.subgraphRequests);
    // The clusters list, then one batch of references each for funding and competence.
    expect(ten.subgraphRequests).toBe(3);
  });

  it('never blanks an answer silently: an enrolment of an organisation the registry does not know is null with an error naming it', async () => {
    // Enrolling such an organisation is refused now; one from before that rule is still in the data.
    const programmeId = (await competence.db.query<{ id: string }>(`SELECT id FROM competence_programmes WHERE status = 'OPEN'`))[0]!.id;
    await competence.db.query(
      `INSERT INTO enrolments (id, programme_id, org_number, member_of_cluster, status, enrolled_on)
       VALUES (gen_random_uuid(), $1, '974760673', false, 'ENROLLED', '2018-03-01')`,
      [programmeId],
    );
    const errorsBefore = await requestsCounted('error');
    const answer = await gq<{ competenceProgramme: { enrolments: { orgNumber: string; organization: { name: string } | null }[] } }>(
      `query($id: ID!) { competenceProgramme(id: $id) { name enrolments { orgNumber organization { name } } } }`,
      { id: programmeId },
    );
    expect(answer.data!.competenceProgramme.enrolments).toEqual(
      expect.arrayContaining([
        { orgNumber: '974760673', organization: null },
        { orgNumber: '123456785', organization: { name: 'Member AS (synthetic)' } },
      ]),
    );
    expect(answer.errors).toEqual([
      expect.objectContaining({
        message: 'Organization 974760673 does not exist',
        path: ['competenceProgramme', 'enrolments', expect.any(Number), 'organization'],
        extensions: expect.objectContaining({ code: 'NOT_FOUND', field: 'orgNumber' }),
      }),
    ]);
    expect(await requestsCounted('error')).toBe(errorsBefore + 1);
  });

  /** Requests the gateway's metrics count with `outcome`, over every operation label. */
  const requestsCounted = async (outcome: 'ok' | 'error') =>
    (await gateway.metrics.requests.get()).values
      .filter((value) => value.labels.outcome === outcome)
      .reduce((sum, value) => sum + value.value, 0);

  it('exposes Prometheus metrics per registered operation, per subgraph and per error code', async () => {
    await gq(registeredOperation('NceDashboard').text);
    await gq('query MadeUpByTheClient { clusterCounts { total } }');
    const text = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
    expect(text).toMatch(/klynge_gateway_requests_total\{operation="NceDashboard",outcome="ok"\} [1-9]/);
    // A name the client made up is counted, but not as a label of its own.
    expect(text).not.toContain('MadeUpByTheClient');
    expect(text).toMatch(/klynge_gateway_requests_total\{operation="other",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/klynge_gateway_subgraph_requests_total\{subgraph="clusters",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/klynge_gateway_subgraph_request_duration_seconds_bucket\{le="0.1",subgraph="funding"\}/);
    expect(text).toMatch(/klynge_gateway_errors_total\{code="UNAUTHENTICATED"\} [1-9]/);
  });

  it('plans an operation once and keeps its connections to a subgraph alive', async () => {
    // The clusters subgraph behind a proxy that counts the connections the gateway opens to it.
    const proxy = await startCountingProxy(clusters.url);
    // The path an answer is computed on: without the response cache, which would answer nine of the eleven itself.
    const own = await gatewayOverSubgraphs({ CLUSTERS_URL: proxy.url, RESPONSE_CACHE: 'off' });
    try {
      const ownUrl = await own.start();
      const ask = async (query: string) => {
        const response = await fetch(ownUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
        expect(((await response.json()) as GraphQLResult<unknown>).errors).toBeUndefined();
      };
      for (let round = 0; round < 10; round += 1) await ask('query Counts { clusterCounts { total } }');
      await ask('query Names { clusters(first: 5) { edges { node { name } } } }');

      const plans = await own.metrics.queryPlans.get();
      const count = (cache: string) => plans.values.find((value) => value.labels.cache === cache)?.value ?? 0;
      expect({ hits: count('hit'), misses: count('miss') }).toEqual({ hits: 9, misses: 2 });
      // Eleven requests one after the other, over the one connection kept alive.
      expect(proxy.connections()).toBe(1);
    } finally {
      await own.stop();
      await proxy.close();
    }
  });

  describe('in production mode, with small limits', () => {
    let strict: Gateway;
    let strictUrl: string;

    beforeAll(async () => {
      strict = await gatewayOverSubgraphs({
        NODE_ENV: 'production',
        // Anonymous documents of their own, so that the limits are what refuses them.
        ANONYMOUS_OPERATIONS: 'any',
        MAX_QUERY_DEPTH: '5',
        MAX_QUERY_ALIASES: '2',
        MAX_QUERY_COST: '500',
        MAX_QUERY_TOKENS: '100',
        MAX_BODY_SIZE: '2kb',
      });
      strictUrl = await strict.start();
    });

    afterAll(async () => {
      await strict?.stop();
    });

    const post = async (body: unknown) => {
      const response = await fetch(strictUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      return {
        status: response.status,
        text,
        json: (text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : undefined) as GraphQLResult<unknown> | undefined,
      };
    };
    const code = (result: { json?: GraphQLResult<unknown> }) => result.json?.errors?.[0]?.extensions?.code;

    it('answers a query within the limits', async () => {
      const result = await post({ query: '{ clusters(first: 5) { totalCount edges { node { name } } } }' });
      expect(result.json?.errors).toBeUndefined();
      expect(result.status).toBe(200);
    });

    it('refuses queries too deep, too aliased, too costly or too long, saying which', async () => {
      const deep = await post({ query: '{ clusters { edges { node { hostedProgrammes { hostClusters { id } } } } } }' });
      expect([deep.status, code(deep)]).toEqual([400, 'QUERY_TOO_DEEP']);
      const aliased = await post({ query: '{ a: clusterCounts { total } b: clusterCounts { total } c: clusterCounts { total } }' });
      expect([aliased.status, code(aliased)]).toEqual([400, 'TOO_MANY_ALIASES']);
      // 100 clusters, each with its level history (a list of up to 20): well over 500.
      const costly = await post({ query: '{ clusters(first: 100) { edges { node { name levelHistory { level from } } } } }' });
      expect([costly.status, code(costly)]).toEqual([400, 'QUERY_TOO_COSTLY']);
      const long = await post({ query: `{ ${Array.from({ length: 60 }, () => 'agencies { code }').join(' ')} }` });
      expect(code(long)).toBe('GRAPHQL_PARSE_FAILED');
      expect(long.json?.errors?.[0]?.message).toContain('tokens');
    });

    it('refuses large bodies and batched operations', async () => {
      const large = await post({ query: '{ clusterCounts { total } }', variables: { padding: 'x'.repeat(3_000) } });
      expect(large.status).toBe(413);
      const batched = await post([{ query: '{ clusterCounts { total } }' }, { query: '{ agencies { code } }' }]);
      expect(batched.status).toBe(400);
      expect(batched.text).toContain('batch');
    });

    it('hides the schema: no introspection, no field suggestions', async () => {
      const introspection = await post({ query: '{ __schema { queryType { name } } }' });
      expect(code(introspection)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(introspection.json?.errors?.[0]?.message).toContain('introspection');
      const misspelt = await post({ query: '{ clusterz { totalCount } }' });
      expect(misspelt.json?.errors?.[0]?.message).not.toContain('Did you mean');
      const development = await gq('{ clusterz { totalCount } }');
      expect(development.errors?.[0]?.message).toContain('Did you mean');
    });

    it('serves no IDE', async () => {
      const page = await fetch(strictUrl, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toContain('GraphiQL');
      expect((await fetch(strictUrl.replace(/\/graphql$/, '/graphiql/graphiql.js'))).status).toBe(404);
      expect((await fetch(strictUrl.replace(/\/graphql$/, '/catalogue'))).status).toBe(404);
    });
  });

  it('serves the event catalogue in development, next to GraphiQL: every topic, its events and their fields', async () => {
    const page = await fetch(url.replace(/\/graphql$/, '/catalogue'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    for (const topic of ['clusters.cluster.v1', 'funding.grant.v1', 'catapult.project.v1', 'research.project.v1'])
      expect(html).toContain(`<code>${topic}</code>`);
    expect(html).toContain('no.klynge.funding.GrantAwarded.v1');
    expect(html).toContain('<code>clusterLevel</code>');
    const yaml = await fetch(url.replace(/\/graphql$/, '/catalogue/asyncapi.yaml'));
    expect(await yaml.text()).toContain('asyncapi: 3.0.0');
  });

  it('serves GraphiQL to a browser in development, with everything it loads coming from the gateway itself', async () => {
    const page = await fetch(url, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    // Offline: no address outside the gateway, and every script and stylesheet answers.
    expect(html).not.toMatch(/https?:\/\//);
    const assets = [...html.matchAll(/(?:src|href)="(\/graphiql\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets.sort()).toEqual([
      '/graphiql/graphiql.css',
      '/graphiql/graphiql.js',
      '/graphiql/klynge.css',
      '/graphiql/react-dom.js',
      '/graphiql/react.js',
      '/graphiql/start.js',
    ]);
    for (const asset of assets) {
      const response = await fetch(new URL(asset, url));
      expect([asset, response.status]).toEqual([asset, 200]);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(200);
    }
    // No inline script, so the Content-Security-Policy lets scripts come only from the gateway.
    expect(html).not.toMatch(/<script>/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    // GraphiQL's first request: the schema, by the standard introspection query (14 levels deep).
    const schema = await gq<{ __schema: { queryType: { name: string } } }>(getIntrospectionQuery());
    expect(schema.errors).toBeUndefined();
    expect(schema.data?.__schema.queryType.name).toBe('Query');
    // A client asking for JSON still gets GraphQL on GET.
    const get = await fetch(`${url}?query=${encodeURIComponent('{ clusterCounts { total } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(((await get.json()) as GraphQLResult<unknown>).data).toEqual({ clusterCounts: { total: expect.any(Number) } });
  });

  it('answers /health and /ready', async () => {
    const base = url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect(await (await fetch(`${base}/ready`)).json()).toEqual({
      status: 'ready',
      supergraph: { hash: supergraphHash(readFileSync(supergraphFile, 'utf8')), loadedAt: expect.any(String) },
    });
  });
});
