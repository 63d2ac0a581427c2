import { randomUUID } from 'node:crypto';
import type { DeliveredMessage } from '@klynge/broker';
import { KafkaBroker } from '@klynge/broker-kafka';
import { type ClusterLevel, ClusterRegistered, OrganizationRegistered } from '@klynge/contracts';
import { type Caller, CLOUDEVENTS_CONTENT_TYPE, createEnvelope, type Service } from '@klynge/platform';
import {
  authenticateFromTestHeader,
  callerHeaders,
  createTestDatabase,
  freePorts,
  kafkaBrokers,
  type TestDatabase,
  uniqueName,
  uniqueTopicPrefix,
  waitFor,
} from '@klynge/testing';
import { fundingConfig } from '../config';
import { createFundingService } from '../server';

export const admin: Caller = { subject: 'admin-1', roles: ['admin'] };
export const caseworker: Caller = { subject: 'cw-in', roles: ['caseworker'], agency: 'innovasjon-norge' };
export const sivaCaseworker: Caller = { subject: 'cw-siva', roles: ['caseworker'], agency: 'siva' };
export const managerOf = (clusterId: string): Caller => ({ subject: `manager-${clusterId}`, roles: ['cluster-manager'], clusterId });

export interface GraphQLResult<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

export interface FundingHarness {
  readonly db: TestDatabase;
  readonly service: Service;
  readonly url: string;
  readonly topicPrefix: string;
  readonly broker: KafkaBroker;
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLResult<T>>;
  /** Publishes ClusterRegistered as the clusters service would, and waits for funding's read model. */
  announceCluster(cluster: { name: string; level: ClusterLevel; countyCode: string }): Promise<string>;
  announceOrganization(organization: { orgNumber: string; name: string; kind: string; municipalityCode?: string }): Promise<void>;
  readTopic(topic: string): Promise<DeliveredMessage[]>;
  close(): Promise<void>;
}

/** The funding service in this process, on a database and topic prefix of the test file's own. */
export async function startFunding(label: string, options: { topicPrefix?: string } = {}): Promise<FundingHarness> {
  const db = await createTestDatabase(label);
  const topicPrefix = options.topicPrefix ?? uniqueTopicPrefix(label);
  const [port] = await freePorts(1);
  const config = fundingConfig.load({
    DATABASE_URL: db.url,
    KAFKA_BROKERS: kafkaBrokers().join(','),
    KAFKA_TOPIC_PREFIX: topicPrefix,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'fatal',
  });
  const service = createFundingService(config, { authenticate: (request) => authenticateFromTestHeader<Caller>(request) });
  const url = await service.start();
  const broker = new KafkaBroker({ brokers: kafkaBrokers(), clientId: `${label}-test` });
  const subscriptions: { close(): Promise<void> }[] = [];
  const publish = (topic: string, key: string, event: object) =>
    broker.publish([{ topic: `${topicPrefix}${topic}`, key, value: JSON.stringify(event), headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE } }]);

  return {
    db,
    service,
    url,
    topicPrefix,
    broker,
    async query(query, variables = {}, caller) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(caller ? callerHeaders({ ...caller, roles: [...caller.roles] }) : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as never;
    },
    async announceCluster({ name, level, countyCode }) {
      const clusterId = randomUUID();
      const data = {
        clusterId,
        name,
        slug: uniqueName('cluster').replace(/_/g, '-'),
        shortName: null,
        level,
        countyCode,
        municipalityCode: null,
        town: null,
        sectors: [],
        programmeStart: null,
        programmeEnd: null,
        levelSince: '2015-01-01',
      };
      await publish('clusters.cluster.v1', clusterId, createEnvelope(ClusterRegistered, { source: '/klynge/clusters', subject: clusterId, data }));
      await waitFor(`${name} in funding's cluster directory`, async () =>
        (await db.query('SELECT 1 FROM cluster_directory WHERE cluster_id = $1', [clusterId])).length === 1,
      );
      return clusterId;
    },
    async announceOrganization({ orgNumber, name, kind, municipalityCode }) {
      const data = {
        orgNumber,
        name,
        kind: kind as 'COMPANY',
        organizationForm: null,
        naceCode: null,
        municipalityCode: municipalityCode ?? null,
        employees: null,
        sizeClass: null,
      };
      await publish('clusters.organization.v1', orgNumber, createEnvelope(OrganizationRegistered, { source: '/klynge/clusters', subject: orgNumber, data }));
      await waitFor(`${name} in funding's organisation directory`, async () =>
        (await db.query('SELECT 1 FROM organization_directory WHERE org_number = $1', [orgNumber])).length === 1,
      );
    },
    async readTopic(topic) {
      const messages: DeliveredMessage[] = [];
      subscriptions.push(
        await broker.subscribe({
          groupId: `${topicPrefix}reader.${uniqueName('reader')}`,
          topics: [`${topicPrefix}${topic}`],
          handle: (message) => {
            messages.push(message);
            return Promise.resolve();
          },
        }),
      );
      return messages;
    },
    async close() {
      await Promise.all(subscriptions.map((subscription) => subscription.close()));
      await broker.close();
      await service.stop();
      await db.drop();
    },
  };
}

/** Innovasjon Norge and Norwegian Innovation Clusters, with a budget and an open call for `level`. */
export async function setUpProgramme(
  harness: FundingHarness,
  options: { budget?: string; year?: number; targetLevel?: ClusterLevel; closesAt?: string; code?: string } = {},
) {
  const code = options.code ?? 'NIC';
  const ok = (result: GraphQLResult<unknown>) => {
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result;
  };
  const agency = await harness.query(`{ agencies { code } }`);
  if (!(agency.data as { agencies: { code: string }[] }).agencies.some((a) => a.code === 'innovasjon-norge')) {
    ok(await harness.query(REGISTER_AGENCY, { input: { code: 'innovasjon-norge', name: 'Innovasjon Norge', kind: 'INNOVATION_NORWAY', orgNumber: '123456785' } }, admin));
    ok(await harness.query(REGISTER_AGENCY, { input: { code: 'siva', name: 'Siva', kind: 'SIVA' } }, admin));
  }
  ok(
    await harness.query(
      CREATE_PROGRAMME,
      {
        input: {
          code,
          name: 'Norwegian Innovation Clusters',
          agencyCode: 'innovasjon-norge',
          eligibleClusterLevels: ['ARENA', 'ARENA_PRO', 'NCE'],
          eligibleOrganizationKinds: ['COMPANY'],
          periodStart: '2014-01-01',
        },
      },
      caseworker,
    ),
  );
  ok(await harness.query(ALLOCATE_BUDGET, { input: { programmeCode: code, year: options.year ?? 2019, amount: options.budget ?? '137000000' } }, caseworker));
  const call = ok(
    await harness.query<{ openCall: { id: string } }>(
      OPEN_CALL,
      {
        input: {
          programmeCode: code,
          title: 'New cluster programmes 2019',
          targetLevel: options.targetLevel ?? 'NCE',
          opensOn: '2018-01-01',
          closesAt: options.closesAt ?? '2099-12-31T12:00:00+01:00',
          projectStart: '2019-01-01',
        },
      },
      caseworker,
    ),
  );
  return { programmeCode: code, callId: (call.data as { openCall: { id: string } }).openCall.id };
}

/** Creates, submits and starts reviewing an application; answers its id. */
export async function applicationUnderReview(harness: FundingHarness, callId: string, clusterId: string, requested = '5000000') {
  const created = await harness.query<{ createApplication: { id: string } }>(
    CREATE_APPLICATION,
    { input: { callId, clusterId, title: 'NCE status', requested, ownFunding: '2500000' } },
    managerOf(clusterId),
  );
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const id = created.data!.createApplication.id;
  await harness.query(SUBMIT, { id }, managerOf(clusterId));
  await harness.query(START_REVIEW, { id }, caseworker);
  return id;
}

export const REGISTER_AGENCY = `mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { code } }`;
export const CREATE_PROGRAMME = `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { code } }`;
export const ALLOCATE_BUDGET = `mutation($input: AllocateBudgetInput!) {
  allocateBudget(input: $input) { year amount { amount currency } cofunders { name amount { amount } share } granted { amount } remaining { amount } } }`;
export const OPEN_CALL = `mutation($input: OpenCallInput!) { openCall(input: $input) { id title closesAt targetLevel } }`;
export const CREATE_APPLICATION = `mutation($input: CreateApplicationInput!) { createApplication(input: $input) { id status } }`;
export const SUBMIT = `mutation($id: ID!) { submitApplication(id: $id) { status } }`;
export const START_REVIEW = `mutation($id: ID!) { startReview(id: $id) { status } }`;
export const DECIDE = `mutation($id: ID!, $input: DecideApplicationInput!) {
  decideApplication(id: $id, input: $input) { status grant { id amountAwarded { amount currency } plannedStart plannedEnd budgetYear } } }`;
export const WITHDRAW = `mutation($id: ID!) { withdrawApplication(id: $id) { status } }`;
export const DISBURSE = `mutation($input: RecordDisbursementInput!) { recordDisbursement(input: $input) { amount { amount } paidOn } }`;
