import { randomUUID } from 'node:crypto';
import { BudgetAllocated, MembershipStarted } from '@klynge/contracts';
import { type ServiceUnderTest, startServiceUnderTest, testCallers } from '@klynge/subgraph-under-test';
import { waitFor } from '@klynge/test-infrastructure';
import { subgraph } from '../subgraph';

export { announceCluster, announceOrganization } from '@klynge/subgraph-under-test';

export const { admin, managerOf } = testCallers;
export const caseworker = testCallers.caseworker();

export function startCompetence(label: string, topicPrefix?: string): Promise<ServiceUnderTest> {
  return startServiceUnderTest({ label, subgraph, ...(topicPrefix ? { topicPrefix } : {}) });
}

const until = (competence: ServiceUnderTest, what: string, sql: string, params: unknown[]) =>
  waitFor(what, async () => (await competence.db.query(sql, params)).length === 1);

/** Tells competence about a funding programme and its agency, as the funding service's budget event would. */
export async function announceFundingProgramme(competence: ServiceUnderTest, programmeCode: string, agencyCode = 'innovasjon-norge') {
  await competence.publishEvent(BudgetAllocated, `${programmeCode}:2017`, {
    programmeCode,
    agencyCode,
    year: 2017,
    amount: { amount: '30000000', currency: 'NOK' },
    cofunders: [],
  });
  await until(competence, `${programmeCode} in competence`, 'SELECT 1 FROM funding_programme_directory WHERE programme_code = $1', [
    programmeCode,
  ]);
}

export async function announceMembership(competence: ServiceUnderTest, clusterId: string, orgNumber: string, joinedOn: string) {
  const membershipId = randomUUID();
  await competence.publishEvent(MembershipStarted, membershipId, { membershipId, clusterId, orgNumber, role: 'MEMBER', joinedOn });
  await until(competence, 'the membership in competence', 'SELECT 1 FROM membership_directory WHERE membership_id = $1', [membershipId]);
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
