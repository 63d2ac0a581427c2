import { waitFor } from '@klynge/test-infrastructure';
import {
  admin,
  type ClustersUnderTest,
  eventTypes,
  managerOf,
  REGISTER,
  registration,
  startClusters,
  viewer,
} from '../test-support/clusters-under-test';

// Organisation numbers with valid MOD11 check digits (123456785 is the domain notes' example).
const VALID = ['123456785', '987654325', '111111111', '222222222', '333333333'];

const REGISTER_ORGANIZATION = `mutation($input: RegisterOrganizationInput!) {
  registerOrganization(input: $input) { orgNumber name kind employees sizeClass } }`;
const ADD_MEMBER = `mutation($input: AddMemberInput!) { addMember(input: $input) { id role joinedOn leftOn active } }`;
const END_MEMBERSHIP = `mutation($id: ID!, $leftOn: String!) { endMembership(id: $id, leftOn: $leftOn) { id leftOn active } }`;

describe('organisations and memberships', () => {
  let clusters: ClustersUnderTest;
  let clusterId: string;
  let otherClusterId: string;

  beforeAll(async () => {
    clusters = await startClusters('memberships');
    const register = async (name: string, countyCode: string) =>
      (await clusters.query<{ registerCluster: { id: string } }>(REGISTER, { input: registration({ name, countyCode }) }, admin)).data!
        .registerCluster.id;
    clusterId = await register('NCE Systems Engineering', '33');
    otherClusterId = await register('NCE Raufoss', '34');
  });

  afterAll(async () => {
    await clusters?.close();
  });

  const registerOrganization = (orgNumber: string, overrides: Record<string, unknown> = {}) =>
    clusters.query<{ registerOrganization: Record<string, unknown> }>(
      REGISTER_ORGANIZATION,
      { input: { orgNumber, name: `Company ${orgNumber}`, kind: 'COMPANY', ...overrides } },
      admin,
    );

  it('registers an organisation with a valid organisation number, and publishes OrganizationRegistered', async () => {
    const events = await clusters.readTopic('clusters.organization.v1');
    const result = await registerOrganization(VALID[0]!, { name: 'Devotek AS', employees: 12, organizationForm: 'AS', naceCode: '62.010' });
    expect(result).toEqual({
      data: { registerOrganization: { orgNumber: VALID[0], name: 'Devotek AS', kind: 'COMPANY', employees: 12, sizeClass: 'SME' } },
    });
    const message = await waitFor('OrganizationRegistered', () => events.find((m) => m.key === VALID[0]));
    expect(JSON.parse(message.value)).toMatchObject({ data: { orgNumber: VALID[0], sizeClass: 'SME', naceCode: '62.010' } });
  });

  it('refuses an organisation number failing MOD11, a duplicate, and other bad input, writing nothing', async () => {
    const before = await clusters.db.query('SELECT org_number FROM organizations ORDER BY 1');
    expect((await registerOrganization('123456789')).errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'orgNumber' });
    expect((await registerOrganization('12345678')).errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'orgNumber' });
    expect((await registerOrganization(VALID[0]!)).errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'orgNumber' });
    expect((await registerOrganization(VALID[4]!, { naceCode: '62010' })).errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'naceCode',
    });
    expect((await registerOrganization(VALID[4]!, { employees: -1 })).errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'employees',
    });
    const byViewer = await clusters.query(REGISTER_ORGANIZATION, { input: { orgNumber: VALID[4], name: 'X', kind: 'OTHER' } }, viewer);
    expect(byViewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await clusters.db.query('SELECT org_number FROM organizations ORDER BY 1')).toEqual(before);
  });

  it('adds members, refuses an overlapping membership, ends one and keeps it as history', async () => {
    const events = await clusters.readTopic('clusters.membership.v1');
    await registerOrganization(VALID[1]!, { name: 'Big Industry ASA', employees: 1200 });
    await registerOrganization(VALID[2]!, { name: 'SINTEF', kind: 'RESEARCH_INSTITUTION' });

    const added = await clusters.query<{ addMember: { id: string } }>(
      ADD_MEMBER,
      { input: { clusterId, orgNumber: VALID[0], role: 'HOST', joinedOn: '2006-01-01' } },
      managerOf(clusterId),
    );
    expect(added.errors).toBeUndefined();
    await clusters.query(ADD_MEMBER, { input: { clusterId, orgNumber: VALID[1], joinedOn: '2010-03-01' } }, admin);
    await clusters.query(ADD_MEMBER, { input: { clusterId, orgNumber: VALID[2], role: 'PARTNER', joinedOn: '2012-01-01' } }, admin);
    const membershipId = added.data!.addMember.id;

    const overlapping = await clusters.query(ADD_MEMBER, { input: { clusterId, orgNumber: VALID[0], joinedOn: '2020-01-01' } }, admin);
    expect(overlapping.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'joinedOn' });
    const unknownCluster = await clusters.query(
      ADD_MEMBER,
      { input: { clusterId: '00000000-0000-4000-8000-000000000000', orgNumber: VALID[0], joinedOn: '2020-01-01' } },
      admin,
    );
    expect(unknownCluster.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'clusterId' });
    const unknownOrganization = await clusters.query(
      ADD_MEMBER,
      { input: { clusterId, orgNumber: VALID[3], joinedOn: '2020-01-01' } },
      admin,
    );
    expect(unknownOrganization.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'orgNumber' });
    const otherManager = await clusters.query(
      ADD_MEMBER,
      { input: { clusterId, orgNumber: VALID[2], joinedOn: '2030-01-01' } },
      managerOf(otherClusterId),
    );
    expect(otherManager.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const tooEarly = await clusters.query(END_MEMBERSHIP, { id: membershipId, leftOn: '2005-12-31' }, admin);
    expect(tooEarly.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'leftOn' });
    const ended = await clusters.query(END_MEMBERSHIP, { id: membershipId, leftOn: '2019-12-31' }, managerOf(clusterId));
    expect(ended.data).toEqual({ endMembership: { id: membershipId, leftOn: '2019-12-31', active: false } });
    const again = await clusters.query(END_MEMBERSHIP, { id: membershipId, leftOn: '2020-12-31' }, admin);
    expect(again.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'id' });
    // Once ended, the organisation may join again.
    const rejoined = await clusters.query(ADD_MEMBER, { input: { clusterId, orgNumber: VALID[0], joinedOn: '2021-01-01' } }, admin);
    expect(rejoined.errors).toBeUndefined();

    await waitFor('the membership events', () => eventTypes(events, membershipId).length === 2);
    expect(eventTypes(events, membershipId)).toEqual(['no.klynge.clusters.MembershipStarted.v1', 'no.klynge.clusters.MembershipEnded.v1']);
  });

  it("pages a cluster's members by name, with roles, dates, history on request, and the SME share", async () => {
    const query = `query($id: ID!, $includeEnded: Boolean!, $after: String) { cluster(id: $id) {
      memberStats { memberCount smeCount sizeKnownCount smeShare }
      members(first: 2, includeEnded: $includeEnded, after: $after) {
        totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
        edges { node { role joinedOn leftOn organization { name } } } } } }`;
    type Page = {
      cluster: {
        memberStats: Record<string, unknown>;
        members: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string };
          edges: { node: Record<string, unknown> }[];
        };
      };
    };
    const current = await clusters.query<Page>(query, { id: clusterId, includeEnded: false });
    expect(current.data!.cluster.memberStats).toEqual({ memberCount: 3, smeCount: 1, sizeKnownCount: 2, smeShare: 0.5 });
    expect(current.data!.cluster.members.totalCount).toBe(3);
    expect(current.data!.cluster.members.edges.map((edge) => edge.node)).toEqual([
      { role: 'MEMBER', joinedOn: '2010-03-01', leftOn: null, organization: { name: 'Big Industry ASA' } },
      { role: 'MEMBER', joinedOn: '2021-01-01', leftOn: null, organization: { name: 'Devotek AS' } },
    ]);
    const next = await clusters.query<Page>(query, {
      id: clusterId,
      includeEnded: false,
      after: current.data!.cluster.members.pageInfo.endCursor,
    });
    expect(next.data!.cluster.members.edges.map((edge) => edge.node.organization)).toEqual([{ name: 'SINTEF' }]);
    expect(current.data!.cluster.members.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(next.data!.cluster.members.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const all = await clusters.query<Page>(query, { id: clusterId, includeEnded: true });
    expect(all.data!.cluster.members.totalCount).toBe(4);

    const organization = await clusters.query(
      `query($orgNumber: String!) { organization(orgNumber: $orgNumber) { name memberships { role joinedOn leftOn cluster { name } } } }`,
      { orgNumber: VALID[0] },
    );
    expect(organization.data).toEqual({
      organization: {
        name: 'Devotek AS',
        memberships: [
          { role: 'MEMBER', joinedOn: '2021-01-01', leftOn: null, cluster: { name: 'NCE Systems Engineering' } },
          { role: 'HOST', joinedOn: '2006-01-01', leftOn: '2019-12-31', cluster: { name: 'NCE Systems Engineering' } },
        ],
      },
    });
  });

  it('lists organisations by name, filtered by kind and size class', async () => {
    const list = `query($filter: OrganizationFilter) { organizations(filter: $filter, first: 10) { totalCount edges { node { name } } } }`;
    const names = async (filter: Record<string, unknown>) =>
      (await clusters.query<{ organizations: { edges: { node: { name: string } }[] } }>(list, { filter })).data!.organizations.edges.map(
        (edge) => edge.node.name,
      );
    expect(await names({})).toEqual(['Big Industry ASA', 'Devotek AS', 'SINTEF']);
    expect(await names({ sizeClass: 'SME' })).toEqual(['Devotek AS']);
    expect(await names({ kind: 'RESEARCH_INSTITUTION' })).toEqual(['SINTEF']);
    expect(await names({ text: 'devo' })).toEqual(['Devotek AS']);
    const invalid = await clusters.query(`{ organization(orgNumber: "123456789") { name } }`);
    expect(invalid.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'orgNumber' });
  });
});
