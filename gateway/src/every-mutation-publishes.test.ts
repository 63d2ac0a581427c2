import { KafkaBroker } from '@klynge/broker-kafka';
import type { Caller } from '@klynge/platform';
import { loadSubgraphs } from '@klynge/subgraph-registry';
import { testCallers } from '@klynge/subgraph-under-test';
import { kafkaConnection, waitFor } from '@klynge/test-infrastructure';
import { Kind, OperationTypeNode, parse } from 'graphql';
import { SUBGRAPHS } from './subgraphs';
import {
  declaredMutations,
  GRAPH_SETUP_TIMEOUT_MS,
  gatewayClient,
  type GraphUnderTest,
  startGraphUnderTest,
} from './test-support/graph-under-test';
import { buildWorld, type World } from './test-support/world';

const { admin, managerOf, staffOf } = testCallers;
const innovasjonNorge = testCallers.caseworker('innovasjon-norge');
const siva = testCallers.caseworker('siva');
const forskningsradet = testCallers.caseworker('forskningsradet');

/** How long an event of a mutation may take to reach Kafka: the outbox relay is woken by the commit. */
const EVENT_DEADLINE_MS = 15_000;

/**
 * The subgraphs this file calls every mutation of. A subgraph added later (as generated) checks
 * its own mutations' events in its own tests, as the template's do.
 */
const SPOKEN_OF = ['clusters', 'funding', 'competence', 'catapult', 'research'];

/** Each subgraph's mutations, from its committed SDL: what every subgraph lets a caller change. */
const mutationOwners = new Map(
  SUBGRAPHS.filter((entry) => SPOKEN_OF.includes(entry.name)).flatMap((entry) =>
    declaredMutations(entry.name).map((mutation) => [mutation, entry.name] as const),
  ),
);

/** The root fields a document's mutation selects: what one request changes. */
function mutationsIn(query: string): string[] {
  return parse(query).definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.MUTATION
      ? definition.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []))
      : [],
  );
}

/**
 * The cache of answers (issue 30), read models and partners learn of a change only from its
 * event, so a write that publishes none leaves them stale. Every mutation of every subgraph is
 * called here by its rightful owner through the gateway, over the real subgraphs, PostgreSQL and
 * Kafka: first as the security suites' world is built, then the ones that world leaves out. Each
 * call that succeeds must put at least one event on its own subgraph's topics; one that stops
 * publishing, or a new mutation nobody calls here, fails the test.
 */
describe('every mutation publishes an event', () => {
  let graph: GraphUnderTest;
  let stop: () => Promise<void>;
  /** For each mutation, whether each successful call of it published (in call order). */
  const published = new Map<string, boolean[]>();
  let world: World;
  let gq: ReturnType<typeof gatewayClient>['gq'];
  let ok: ReturnType<typeof gatewayClient>['ok'];

  beforeAll(async () => {
    graph = await startGraphUnderTest('writes_publish');
    const gateway = await graph.gatewayOver({ RESPONSE_CACHE: 'off' });
    const client = gatewayClient(await gateway.start());
    const broker = new KafkaBroker({ ...kafkaConnection(), clientId: 'every-mutation-publishes' });
    stop = async () => {
      await broker.close();
      await gateway.stop();
      await graph.close();
    };
    const topicsOf = new Map(
      loadSubgraphs().map((subgraph) => {
        const prefix = graph.subgraphs.get(subgraph.name)!.topicPrefix;
        return [subgraph.name, [...new Set((subgraph.definition.publishes ?? []).map((contract) => `${prefix}${contract.topic}`))]];
      }),
    );
    /** How many messages the subgraph's topics hold: only its own outbox relay writes them. */
    const eventsOf = async (subgraph: string) => {
      const topics = topicsOf.get(subgraph) ?? [];
      return topics.length === 0 ? 0 : (await broker.groupProgress('every-mutation-publishes.nobody', topics)).total;
    };
    ok = client.ok;
    gq = async <T = Record<string, unknown>>(
      query: string,
      variables?: Record<string, unknown>,
      caller?: Caller,
      headers?: Record<string, string>,
    ) => {
      const [mutation, ...more] = mutationsIn(query);
      if (mutation === undefined) return client.gq<T>(query, variables, caller, headers);
      if (more.length > 0) throw new Error('One mutation per request here: an event could not be told apart');
      const owner = mutationOwners.get(mutation);
      if (!owner) throw new Error(`${mutation} is no mutation of ${SPOKEN_OF.join(', ')}`);
      // Nothing else on its way (an earlier call's event, a consumer's follow-up), so a new message is this call's.
      await graph.settled();
      const before = await eventsOf(owner);
      const answer = await client.gq<T>(query, variables, caller, headers);
      if (!answer.errors) {
        const arrived = await waitFor(`an event of ${mutation}`, async () => (await eventsOf(owner)) > before, {
          timeoutMs: EVENT_DEADLINE_MS,
          intervalMs: 100,
        }).catch(() => false);
        published.set(mutation, [...(published.get(mutation) ?? []), arrived]);
      }
      return answer;
    };
    world = await buildWorld(graph, { ...client, gq });
  }, GRAPH_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await stop?.();
  });

  it(
    'publishes on each successful call of each one',
    async () => {
      const call = async (caller: Caller, query: string, variables: Record<string, unknown> = {}) => ok(await gq(query, variables, caller));
      const programmeMove = (name: string, id: string) =>
        call(innovasjonNorge, `mutation($id: ID!) { ${name}(id: $id) { status } }`, { id });

      // The cluster registry.
      await call(admin, `mutation($id: ID!) { updateCluster(id: $id, input: { town: "Raufoss" }) { id } }`, { id: world.clusterA });
      await call(
        admin,
        `mutation($id: ID!) { changeClusterLevel(id: $id, input: { level: GCE, effectiveFrom: "2020-01-01", reason: "Promoted (generated)" }) { id } }`,
        { id: world.clusterA },
      );
      await call(
        admin,
        `mutation($id: ID!) { endClusterLevel(id: $id, input: { effectiveFrom: "2030-01-01", reason: "Left the programme (generated)" }) { id } }`,
        { id: world.clusterA },
      );
      await call(admin, `mutation($id: ID!) { endMembership(id: $id, leftOn: "2030-01-01") { id } }`, { id: world.membership });
      await call(
        admin,
        `mutation { registerOrganization(input: { orgNumber: "974760673", name: "Second AS (generated)", kind: COMPANY, employees: 12 }) { orgNumber } }`,
      );

      // Money.
      await call(managerOf(world.clusterA), `mutation($id: ID!) { withdrawApplication(id: $id) { status } }`, { id: world.submitted });
      const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
      await call(
        innovasjonNorge,
        `mutation($g: ID!, $on: String!) { recordDisbursement(input: { grantId: $g, amount: "1000", paidOn: $on }) { paidOn } }`,
        {
          g: world.grantId,
          on: today,
        },
      );
      await call(
        innovasjonNorge,
        'mutation { recordReportedGrant(input: { programmeCode: "OMSTILLINGSMOTOREN", budgetYear: 2017, amountAwarded: "1000", awardDate: "2017-06-01", title: "A reported grant (generated)", source: "A test", recipients: [{ name: "Someone (generated)" }] }) { id } }',
      );

      // Competence programmes: the world's one runs its course, a second one is cancelled.
      await programmeMove('startProgramme', world.programmeId);
      await call(
        managerOf(world.clusterA),
        `mutation($e: ID!, $m: ID!) { completeModule(enrolmentId: $e, moduleId: $m, completedOn: "2018-02-01") { id } }`,
        { e: world.enrolmentId, m: world.moduleId },
      );
      await call(managerOf(world.clusterA), `mutation($id: ID!) { completeEnrolment(id: $id, completedOn: "2018-03-01") { id } }`, {
        id: world.enrolmentId,
      });
      await graph.known(graph.competence, 'organization_directory', 'org_number', '974760673');
      const second = ok(
        await gq<{ enrolCompany: { id: string } }>(
          `mutation($p: ID!) { enrolCompany(input: { programmeId: $p, orgNumber: "974760673", enrolledOn: "2018-01-10" }) { id } }`,
          { p: world.programmeId },
          managerOf(world.clusterA),
        ),
      ).enrolCompany.id;
      await call(managerOf(world.clusterA), `mutation($id: ID!) { dropEnrolment(id: $id, droppedOn: "2018-03-01") { id } }`, {
        id: second,
      });
      await programmeMove('completeProgramme', world.programmeId);
      const cancelled = ok(
        await gq<{ planProgramme: { id: string } }>(
          `mutation { planProgramme(input: { name: "Cancelled (generated)", hostClusterIds: ["${world.clusterA}"], periodStart: "2020-01-01", fundingProgrammeCode: "OMSTILLINGSMOTOREN" }) { id } }`,
          {},
          innovasjonNorge,
        ),
      ).planProgramme.id;
      await programmeMove('cancelProgramme', cancelled);

      // Norsk katapult.
      const catapult = graph.subgraphs.get('catapult')!;
      await graph.known(catapult, 'cluster_directory', 'cluster_id', world.clusterA);
      await graph.known(catapult, 'organization_directory', 'org_number', '123456785');
      const centre = ok(
        await gq<{ designateCatapultCentre: { id: string } }>(
          `mutation($c: ID!) { designateCatapultCentre(input: { name: "Manufacturing (generated)", theme: MANUFACTURING_TECHNOLOGY, designatedOn: "2017-10-01", designatedOnPrecision: MONTH, locations: [{ place: "Raufoss", countyCode: "34" }], clusterIds: [$c] }) { id } }`,
          { c: world.clusterA },
          siva,
        ),
      ).designateCatapultCentre.id;
      await call(
        siva,
        `mutation($c: ID!) { selectCatapultNode(input: { name: "A node (generated)", host: { name: "A host (generated)" }, locations: [{ place: "Molde", countyCode: "15" }], centreIds: [$c], selectedOn: "2022-01-01", selectedOnPrecision: YEAR }) { id } }`,
        { c: centre },
      );
      const staff = staffOf(`catapult-centre:${centre}`);
      const project = ok(
        await gq<{ startCatapultProject: { id: string } }>(
          `mutation($c: ID!) { startCatapultProject(input: { centreId: $c, orgNumber: "123456785", title: "Testing an alloy (generated)", startedOn: "2018-03-01" }) { id } }`,
          { c: centre },
          staff,
        ),
      ).startCatapultProject.id;
      await call(staff, `mutation($p: ID!) { completeCatapultProject(input: { projectId: $p, endedOn: "2018-06-01" }) { id } }`, {
        p: project,
      });
      await call(
        siva,
        `mutation($c: ID!) { closeCatapultCentre(input: { centreId: $c, closedOn: "2021-01-01", closedOnPrecision: YEAR }) { id } }`,
        {
          c: centre,
        },
      );
      await call(
        siva,
        'mutation { recordCatapultAllocation(input: { year: 2018, amount: "125000000", recipient: SCHEME, purpose: "Granted to Norsk katapult (generated)" }) { id } }',
      );

      // Forskningsrådet.
      await call(forskningsradet, 'mutation { recordResearchCall(input: { title: "A call (generated)", continuousIntake: true }) { id } }');
      await call(forskningsradet, 'mutation($csv: String!) { importResearchProjects(input: { csv: $csv }) { granted } }', {
        csv: [
          'prosjektnummer,prosjekttittel,soknadstype,prosjektfase,prosjektstart,prosjektslutt,organisasjonsnummer,tildelt_belop,tildelt_2017,tildelt_2018',
          '399001,Member research (generated),Innovasjonsprosjekt i næringslivet,Avsluttet,2017,2018,123456785,3000000,1000000,2000000',
        ].join('\n'),
      });

      // Each mutation was called with success at least once, and each such call published.
      const outcome = (calls: readonly boolean[] = []) =>
        calls.length === 0
          ? 'never called with success'
          : calls.every(Boolean)
            ? 'published'
            : `no event from ${calls.filter((one) => !one).length} of ${calls.length} calls`;
      const outcomes = Object.fromEntries(
        [...mutationOwners.keys()].sort().map((mutation) => [mutation, outcome(published.get(mutation))]),
      );
      expect(outcomes).toEqual(Object.fromEntries(Object.keys(outcomes).map((mutation) => [mutation, 'published'])));
      expect(new Set(mutationOwners.values())).toEqual(new Set(SPOKEN_OF));
    },
    GRAPH_SETUP_TIMEOUT_MS,
  );
});
