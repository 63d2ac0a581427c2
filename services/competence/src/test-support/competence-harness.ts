import { randomUUID } from 'node:crypto';
import { type ClusterLevel, ClusterRegistered, MembershipStarted, OrganizationRegistered } from '@klynge/contracts';
import { type ServiceUnderTest, startServiceUnderTest, testCallers } from '@klynge/service-testing';
import { waitFor } from '@klynge/testing';
import { competenceConfig } from '../config';
import { createCompetenceService } from '../server';

export const { admin, managerOf } = testCallers;
export const caseworker = testCallers.caseworker();

export function startCompetence(label: string, topicPrefix?: string): Promise<ServiceUnderTest> {
  return startServiceUnderTest({ label, config: competenceConfig, create: createCompetenceService, ...(topicPrefix ? { topicPrefix } : {}) });
}

const until = (harness: ServiceUnderTest, what: string, sql: string, params: unknown[]) =>
  waitFor(what, async () => (await harness.db.query(sql, params)).length === 1);

/** Tells competence about a cluster, as the clusters service would, and waits until it knows. */
export async function announceCluster(harness: ServiceUnderTest, cluster: { name: string; level: ClusterLevel; countyCode: string }) {
  const clusterId = randomUUID();
  await harness.publishEvent(ClusterRegistered, clusterId, {
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
    levelSince: '2015-01-01',
  });
  await until(harness, `${cluster.name} in competence`, 'SELECT 1 FROM cluster_directory WHERE cluster_id = $1', [clusterId]);
  return clusterId;
}

export async function announceMembership(harness: ServiceUnderTest, clusterId: string, orgNumber: string, joinedOn: string) {
  const membershipId = randomUUID();
  await harness.publishEvent(MembershipStarted, membershipId, { membershipId, clusterId, orgNumber, role: 'MEMBER', joinedOn });
  await until(harness, 'the membership in competence', 'SELECT 1 FROM membership_directory WHERE membership_id = $1', [membershipId]);
}

export async function announceOrganization(harness: ServiceUnderTest, orgNumber: string, name: string, municipalityCode: string) {
  await harness.publishEvent(OrganizationRegistered, orgNumber, {
    orgNumber,
    name,
    kind: 'COMPANY',
    organizationForm: 'AS',
    naceCode: null,
    municipalityCode,
    employees: 20,
    sizeClass: 'SME',
  });
  await until(harness, `${name} in competence`, 'SELECT 1 FROM organization_directory WHERE org_number = $1', [orgNumber]);
}

export const PLAN = `mutation($input: PlanProgrammeInput!) { planProgramme(input: $input) { id status } }`;
export const ENROL = `mutation($input: EnrolCompanyInput!) { enrolCompany(input: $input) { id status memberOfCluster } }`;

/**
 * Organisation numbers with valid MOD11 check digits, made up for tests (synthetic, not real
 * companies): eight-digit bases with their computed check digit.
 */
export function syntheticOrgNumbers(count: number, start = 90_000_000): string[] {
  const numbers: string[] = [];
  for (let base = start; numbers.length < count; base += 1) {
    const digits = String(base).split('').map(Number);
    const remainder = [3, 2, 7, 6, 5, 4, 3, 2].reduce((sum, weight, index) => sum + weight * digits[index]!, 0) % 11;
    if (remainder === 1) continue;
    numbers.push(`${base}${remainder === 0 ? 0 : 11 - remainder}`);
  }
  return numbers;
}
