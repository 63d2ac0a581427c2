import { BudgetAllocated, GrantAwarded, GrantReported, MembershipEnded, MembershipStarted } from '@klynge/contracts';
import type { EntityManager } from 'typeorm';
import { eventConsumer } from '@klynge/platform';
import type { ProgrammeService } from '../programmes/programme.service';

/**
 * Memberships, for "member of a cluster" at enrolment (the cluster and organisation directories
 * come from @klynge/read-models), and the funding service's grants, which open the programmes
 * waiting for them.
 */
export const membershipDirectory = eventConsumer('membership-directory')
  .readModel('membership_directory')
  .on(MembershipStarted, async (event, { manager }) => {
    const { membershipId, clusterId, orgNumber, joinedOn } = event.data;
    await manager.query(
      `INSERT INTO membership_directory (membership_id, cluster_id, org_number, joined_on) VALUES ($1, $2, $3, $4)
       ON CONFLICT (membership_id) DO NOTHING`,
      [membershipId, clusterId, orgNumber, joinedOn],
    );
  })
  .on(MembershipEnded, async (event, { manager }) => {
    await manager.query('UPDATE membership_directory SET left_on = $2 WHERE membership_id = $1', [
      event.data.membershipId,
      event.data.leftOn,
    ]);
  });

/** Which agency owns each funding programme: every budget and grant event names both. */
export const fundingProgrammeDirectory = eventConsumer('funding-programme-directory')
  .readModel('funding_programme_directory')
  .on(BudgetAllocated, (event, { manager }) => recordProgramme(manager, event.data.programmeCode, event.data.agencyCode))
  .on(GrantAwarded, (event, { manager }) => recordProgramme(manager, event.data.programmeCode, event.data.agencyCode))
  .on(GrantReported, (event, { manager }) => recordProgramme(manager, event.data.programmeCode, event.data.agencyCode));

async function recordProgramme(manager: EntityManager, programmeCode: string, agencyCode: string): Promise<void> {
  await manager.query(
    `INSERT INTO funding_programme_directory (programme_code, agency_code) VALUES ($1, $2)
     ON CONFLICT (programme_code) DO UPDATE SET agency_code = EXCLUDED.agency_code`,
    [programmeCode, agencyCode],
  );
}

export function grantsConsumer(programmes: ProgrammeService) {
  return eventConsumer('grants')
    .on(GrantAwarded, (event, transaction) => programmes.recordGrant(transaction, event.data))
    .on(GrantReported, (event, { manager }) => programmes.recordReportedGrant(manager, event.data));
}
