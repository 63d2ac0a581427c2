import { randomUUID } from 'node:crypto';
import {
  type ClusterLevel,
  ClusterLevelEnded,
  ClusterRegistered,
  MembershipEnded,
  MembershipStarted,
  OrganizationRegistered,
  type OrganizationRegisteredData,
  sizeClassOf,
} from '@klynge/contracts';
import { waitFor } from '@klynge/test-infrastructure';
import type { ServiceUnderTest } from './service-under-test';

/**
 * Other subgraphs' facts, told to a service under test as their owners would tell it: their
 * events, published on its topics. Each waits until the service's read model
 * (@klynge/read-models) has taken the fact in.
 */

const until = (service: ServiceUnderTest, what: string, sql: string, key: string) =>
  waitFor(what, async () => (await service.db.query(sql, [key])).length === 1);

/** A cluster, registered as the clusters subgraph would announce it; answers its id. */
export async function announceCluster(
  service: ServiceUnderTest,
  cluster: { name: string; level: ClusterLevel; countyCode: string; levelSince?: string },
): Promise<string> {
  const clusterId = randomUUID();
  await service.publishEvent(ClusterRegistered, clusterId, {
    clusterId,
    name: cluster.name,
    slug: cluster.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    shortName: null,
    level: cluster.level,
    countyCode: cluster.countyCode,
    municipalityCode: null,
    town: null,
    sectors: [],
    programmeStart: null,
    programmeEnd: null,
    levelSince: cluster.levelSince ?? '2015-01-01',
  });
  await until(service, `${cluster.name} in the read model`, 'SELECT 1 FROM cluster_directory WHERE cluster_id = $1', clusterId);
  return clusterId;
}

/** A cluster's level ended with no next level known (NCE after 2018), as the clusters subgraph would announce it. */
export async function announceLevelEnded(
  service: ServiceUnderTest,
  clusterId: string,
  level: ClusterLevel,
  effectiveFrom: string,
): Promise<void> {
  await service.publishEvent(ClusterLevelEnded, clusterId, { clusterId, level, effectiveFrom, reason: `${level} ended as a level` });
  await until(
    service,
    'the end in the read model',
    'SELECT 1 FROM cluster_directory WHERE cluster_id = $1 AND level_until IS NOT NULL',
    clusterId,
  );
}

/** An organisation, registered as the clusters subgraph would announce it. */
export async function announceOrganization(
  service: ServiceUnderTest,
  organization: {
    orgNumber: string;
    name: string;
    kind?: OrganizationRegisteredData['kind'];
    municipalityCode?: string | null;
    /** Its head count (20 unless given; null: not known): the size class follows from it. */
    employees?: number | null;
  },
): Promise<void> {
  const employees = organization.employees === undefined ? 20 : organization.employees;
  await service.publishEvent(OrganizationRegistered, organization.orgNumber, {
    orgNumber: organization.orgNumber,
    name: organization.name,
    kind: organization.kind ?? 'COMPANY',
    organizationForm: 'AS',
    naceCode: null,
    municipalityCode: organization.municipalityCode ?? null,
    employees,
    sizeClass: sizeClassOf(employees),
  });
  await until(
    service,
    `${organization.name} in the read model`,
    'SELECT 1 FROM organization_directory WHERE org_number = $1',
    organization.orgNumber,
  );
}

/** An organisation joining a cluster, as the clusters subgraph would announce it; answers the membership's id. */
export async function announceMembership(
  service: ServiceUnderTest,
  membership: { clusterId: string; orgNumber: string; joinedOn?: string },
): Promise<string> {
  const membershipId = randomUUID();
  await service.publishEvent(MembershipStarted, membershipId, {
    membershipId,
    clusterId: membership.clusterId,
    orgNumber: membership.orgNumber,
    role: 'MEMBER',
    joinedOn: membership.joinedOn ?? '2015-01-01',
  });
  await until(service, 'the membership in the read model', 'SELECT 1 FROM membership_directory WHERE membership_id = $1', membershipId);
  return membershipId;
}

/** A membership ended, as the clusters subgraph would announce it. */
export async function announceMembershipEnded(
  service: ServiceUnderTest,
  membership: { membershipId: string; clusterId: string; orgNumber: string; leftOn: string },
): Promise<void> {
  await service.publishEvent(MembershipEnded, membership.membershipId, membership);
  await until(
    service,
    'the end of the membership in the read model',
    'SELECT 1 FROM membership_directory WHERE membership_id = $1 AND left_on IS NOT NULL',
    membership.membershipId,
  );
}
