import http from 'node:http';
import { type Caller, DEVELOPMENT_JWT_SECRET, signToken, SUBGRAPH_SECRET_HEADER } from '@klynge/platform';
import { loadSubgraphNamed } from '@klynge/subgraph-registry';
import { gatewayConfig } from './config';
import { subgraphSettings, SUBGRAPHS } from './subgraphs';
import { declaredMutations, subgraphSecret, TEST_JWT_SECRET } from './test-support/graph-under-test';
import { admin, enova, fingerprint, graphUnderAttack, innovasjonNorge, managerOf, siva } from './test-support/graph-under-attack';

// Who may do what: tokens, the owners of what a mutation changes, what a caller sees, the subgraph secret.
const attacked = graphUnderAttack('sec_auth', { world: true });

describe('tokens', () => {
  it('a gateway with a secret of its own refuses a token signed with the development secret', async () => {
    const forged = await signToken(admin, { secret: DEVELOPMENT_JWT_SECRET });
    const answer = await attacked.strictClient.post(
      { query: 'mutation { registerAgency(input: { code: "x", name: "X", kind: OTHER }) { code } }' },
      { authorization: `Bearer ${forged}` },
    );
    expect([answer.status, answer.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('neither the gateway nor a subgraph starts in production without a key, or with the development one', () => {
    const load = (config: { load(source: Record<string, string>): unknown }, source: Record<string, string>) => {
      try {
        config.load(source);
        return [];
      } catch (error) {
        return (error as { problems: { variable: string }[] }).problems.map((problem) => problem.variable);
      }
    };
    const subgraphs = subgraphSettings(
      () => 'http://127.0.0.1:1/graphql',
      (name) => `${name}-secret`.padEnd(32, '!'),
    );
    expect(load(gatewayConfig, { NODE_ENV: 'production', ...subgraphs })).toEqual(['JWT_SECRET']);
    expect(load(gatewayConfig, { NODE_ENV: 'production', ...subgraphs, JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toEqual(['JWT_SECRET']);
    const database = {
      DATABASE_URL: 'postgresql://127.0.0.1/clusters',
      KAFKA_BROKERS: '127.0.0.1:9092',
      KAFKA_USERNAME: 'clusters-service',
      KAFKA_PASSWORD: 'k'.repeat(48),
      SUBGRAPH_SECRET: 'd'.repeat(32),
    };
    expect(load(loadSubgraphNamed('clusters').config, { NODE_ENV: 'production', ...database })).toEqual(['JWT_SECRET']);
  });

  it('counts and logs a refused token (without the token), and takes only one spelling of a token', async () => {
    const { gatewayUrl, client } = attacked;
    const before = await (await fetch(gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();
    const unauthenticated = (text: string) => Number(/klynge_gateway_errors_total\{code="UNAUTHENTICATED"\} (\d+)/.exec(text)?.[1] ?? 0);
    const refused = await client.post({ query: '{ clusterCounts { total } }' }, { authorization: 'Bearer abc.def.ghi' });
    expect(refused.status).toBe(401);
    const after = await (await fetch(gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();
    expect(unauthenticated(after)).toBe(unauthenticated(before) + 1);
    const token = await signToken(admin, { secret: TEST_JWT_SECRET });
    for (const junk of [',', '!!', '=', '%%', ' extra']) {
      const answer = await client.post({ query: '{ clusterCounts { total } }' }, { authorization: `Bearer ${token}${junk}` });
      expect([junk, answer.status]).toEqual([junk, 401]);
    }
  });
});

describe('every mutation checks who owns what it changes', () => {
  /** Each mutation, what it is aimed at, and two callers who do not own it. */
  const table = (): {
    name: string;
    query: string;
    variables: Record<string, unknown>;
    wrongAgency: Caller;
    wrongCluster: Caller | 'any manager may';
  }[] => {
    const { world } = attacked;
    const otherManager = managerOf(world.clusterB);
    const ownManager = managerOf(world.clusterA);
    /** A mutation that takes the id of what it changes. */
    const byId = (name: string, id: string, extra = '') => ({
      name,
      query: `mutation($id: ID!) { ${name}(id: $id${extra}) { __typename } }`,
      variables: { id },
    });
    return [
      // The cluster registry belongs to the cluster programme's agencies.
      {
        name: 'registerCluster',
        query:
          'mutation { registerCluster(input: { name: "Intruder Cluster", level: ARENA, levelSince: "2020-01-01", countyCode: "03" }) { id } }',
        variables: {},
        wrongAgency: enova,
        wrongCluster: otherManager,
      },
      { ...byId('updateCluster', world.clusterA, ', input: { town: "Nowhere" }'), wrongAgency: enova, wrongCluster: otherManager },
      {
        ...byId('changeClusterLevel', world.clusterA, ', input: { level: GCE, effectiveFrom: "2020-01-01", reason: "Forged" }'),
        wrongAgency: enova,
        wrongCluster: ownManager,
      },
      {
        ...byId('endClusterLevel', world.clusterA, ', input: { effectiveFrom: "2020-01-01", reason: "Forged" }'),
        wrongAgency: enova,
        wrongCluster: ownManager,
      },
      {
        name: 'addMember',
        query: 'mutation($c: ID!) { addMember(input: { clusterId: $c, orgNumber: "123456785", joinedOn: "2030-01-01" }) { id } }',
        variables: { c: world.clusterA },
        wrongAgency: enova,
        wrongCluster: otherManager,
      },
      { ...byId('endMembership', world.membership, ', leftOn: "2030-01-01"'), wrongAgency: enova, wrongCluster: otherManager },
      // An organisation belongs to no cluster until it joins one, so any cluster's manager may register it.
      {
        name: 'registerOrganization',
        query: 'mutation { registerOrganization(input: { orgNumber: "000000000", name: "Intruder AS", kind: COMPANY }) { orgNumber } }',
        variables: {},
        wrongAgency: enova,
        wrongCluster: 'any manager may',
      },
      // Money belongs to the agency that owns the programme (Innovasjon Norge here).
      {
        name: 'registerAgency',
        query: 'mutation { registerAgency(input: { code: "intruder", name: "Intruder", kind: OTHER }) { code } }',
        variables: {},
        wrongAgency: innovasjonNorge,
        wrongCluster: ownManager,
      },
      {
        name: 'createProgramme',
        query:
          'mutation { createProgramme(input: { code: "INTRUDER", name: "Intruder", agencyCode: "innovasjon-norge", periodStart: "2020-01-01" }) { code } }',
        variables: {},
        wrongAgency: siva,
        wrongCluster: ownManager,
      },
      {
        name: 'allocateBudget',
        query: 'mutation { allocateBudget(input: { programmeCode: "OMSTILLINGSMOTOREN", year: 2018, amount: "1" }) { year } }',
        variables: {},
        wrongAgency: siva,
        wrongCluster: ownManager,
      },
      {
        name: 'openCall',
        query:
          'mutation { openCall(input: { programmeCode: "OMSTILLINGSMOTOREN", title: "Intruder call", opensOn: "2020-01-01", closesAt: "2099-01-01T00:00:00Z" }) { id } }',
        variables: {},
        wrongAgency: siva,
        wrongCluster: ownManager,
      },
      {
        name: 'createApplication',
        query: 'mutation($input: CreateApplicationInput!) { createApplication(input: $input) { id } }',
        variables: { input: { callId: world.callId, clusterId: world.clusterA, title: 'Intruder', requested: '1' } },
        wrongAgency: siva,
        wrongCluster: otherManager,
      },
      { ...byId('submitApplication', world.draft), wrongAgency: siva, wrongCluster: otherManager },
      { ...byId('withdrawApplication', world.submitted), wrongAgency: siva, wrongCluster: otherManager },
      { ...byId('startReview', world.submitted), wrongAgency: siva, wrongCluster: ownManager },
      { ...byId('decideApplication', world.underReview, ', input: { decision: REJECTED }'), wrongAgency: siva, wrongCluster: ownManager },
      {
        name: 'recordDisbursement',
        query: 'mutation($g: ID!) { recordDisbursement(input: { grantId: $g, amount: "1", paidOn: "2018-01-15" }) { paidOn } }',
        variables: { g: world.grantId },
        wrongAgency: siva,
        wrongCluster: ownManager,
      },
      {
        name: 'recordReportedGrant',
        query:
          'mutation { recordReportedGrant(input: { programmeCode: "OMSTILLINGSMOTOREN", budgetYear: 2017, amountAwarded: "1", awardDate: "2017-01-01", title: "Intruder grant", source: "Intruder", recipients: [{ name: "Intruder" }] }) { id } }',
        variables: {},
        wrongAgency: siva,
        wrongCluster: ownManager,
      },
      // A competence programme belongs to its funding programme's agency and its host clusters.
      {
        name: 'planProgramme',
        query: 'mutation($input: PlanProgrammeInput!) { planProgramme(input: $input) { id } }',
        variables: {
          input: {
            name: 'Intruder programme',
            hostClusterIds: [world.clusterA],
            periodStart: '2020-01-01',
            fundingProgrammeCode: 'OMSTILLINGSMOTOREN',
          },
        },
        wrongAgency: siva,
        wrongCluster: ownManager,
      },
      {
        name: 'addModule',
        query: 'mutation($p: ID!) { addModule(input: { programmeId: $p, title: "Intruder", theme: "x", format: COURSE }) { id } }',
        variables: { p: world.programmeId },
        wrongAgency: siva,
        wrongCluster: otherManager,
      },
      ...(['openProgramme', 'startProgramme', 'completeProgramme', 'cancelProgramme'] as const).map((name) => ({
        ...byId(name, world.programmeId),
        wrongAgency: siva,
        wrongCluster: otherManager,
      })),
      {
        name: 'enrolCompany',
        query: 'mutation($p: ID!) { enrolCompany(input: { programmeId: $p, orgNumber: "974760673" }) { id } }',
        variables: { p: world.programmeId },
        wrongAgency: siva,
        wrongCluster: otherManager,
      },
      {
        name: 'completeModule',
        query: 'mutation($e: ID!, $m: ID!) { completeModule(enrolmentId: $e, moduleId: $m, completedOn: "2018-02-01") { id } }',
        variables: { e: world.enrolmentId, m: world.moduleId },
        wrongAgency: siva,
        wrongCluster: otherManager,
      },
      { ...byId('completeEnrolment', world.enrolmentId, ', completedOn: "2018-03-01"'), wrongAgency: siva, wrongCluster: otherManager },
      { ...byId('dropEnrolment', world.enrolmentId, ', droppedOn: "2018-03-01"'), wrongAgency: siva, wrongCluster: otherManager },
    ];
  };

  it('names every mutation of the subgraphs it is about (a subgraph added later checks its own, as generated)', () => {
    // Every mutation of each subgraph the table speaks of: none of theirs may be left out.
    const named = new Set(table().map((row) => row.name));
    const expected = SUBGRAPHS.map((entry) => declaredMutations(entry.name)).filter((mutations) =>
      mutations.some((name) => named.has(name)),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect([...named].sort()).toEqual(expected.flat().sort());
  });

  it('refuses each with a token of the wrong agency and of the wrong cluster, and writes nothing', async () => {
    const { graph, client } = attacked;
    const before = await fingerprint(graph);
    const outcomes: string[] = [];
    for (const row of table()) {
      for (const [who, caller] of [
        ['wrong agency', row.wrongAgency],
        ['wrong cluster', row.wrongCluster],
      ] as const) {
        if (caller === 'any manager may') continue;
        const answer = await client.gq(row.query, row.variables, caller);
        outcomes.push(`${row.name} by ${who}: ${String(answer.errors?.[0]?.extensions?.code ?? 'done')}`);
      }
    }
    expect(outcomes).toEqual(outcomes.map((outcome) => outcome.replace(/: .*$/, ': FORBIDDEN')));
    expect(await fingerprint(graph)).toEqual(before);
  });

  it("lets the programme's own agency withdraw what another agency's caseworker could not", async () => {
    const { client, world } = attacked;
    const withdraw = 'mutation($id: ID!) { withdrawApplication(id: $id) { status } }';
    expect((await client.gq(withdraw, { id: world.submitted }, siva)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await client.gq(withdraw, { id: world.submitted }, innovasjonNorge)).data).toEqual({
      withdrawApplication: { status: 'WITHDRAWN' },
    });
  });
});

describe('what a caller sees', () => {
  it("shows who took an application's steps only to those who could take them", async () => {
    const { client, world } = attacked;
    const steps = 'query($id: ID!) { application(id: $id) { steps { status actor note } } }';
    const anonymous = await client.gq<{ application: { steps: { actor: string | null }[] } }>(steps, {
      id: world.underReview,
    });
    expect(anonymous.data!.application.steps.map((step) => step.actor)).toEqual([null, null, null]);
    const owner = await client.gq<{ application: { steps: { actor: string | null }[] } }>(
      steps,
      { id: world.underReview },
      innovasjonNorge,
    );
    expect(owner.data!.application.steps.every((step) => typeof step.actor === 'string')).toBe(true);
    const otherAgency = await client.gq<{ application: { steps: { actor: string | null }[] } }>(steps, { id: world.underReview }, siva);
    expect(otherAgency.data!.application.steps.map((step) => step.actor)).toEqual([null, null, null]);
  });
});

describe('the subgraph secret', () => {
  /** A request straight to the clusters subgraph with `secret` in the header, as raw bytes. */
  const direct = (secret: string) =>
    new Promise<number>((resolve, reject) => {
      const request = http.request(
        attacked.graph.clusters.url,
        { method: 'POST', headers: { 'content-type': 'application/json', [SUBGRAPH_SECRET_HEADER]: secret } },
        (response) => {
          response.resume();
          resolve(response.statusCode!);
        },
      );
      request.on('error', reject);
      request.end(JSON.stringify({ query: '{ clusterCounts { total } }' }));
    });

  it('answers 403 to every wrong secret, whatever its length or bytes, and lets the right one in', async () => {
    const length = subgraphSecret('clusters').length;
    const statuses = await Promise.all([
      direct('é'.repeat(length)),
      direct('x'.repeat(length - 1)),
      direct('x'.repeat(length)),
      direct('x'.repeat(length + 1)),
      direct(''),
    ]);
    expect(statuses).toEqual([403, 403, 403, 403, 403]);
    expect(await direct(subgraphSecret('clusters'))).toBe(200);
  });
});
