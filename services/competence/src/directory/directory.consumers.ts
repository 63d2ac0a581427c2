import { BudgetAllocated, GrantAwarded, GrantReported } from '@klynge/contracts';
import type { EntityManager } from 'typeorm';
import { eventConsumer } from '@klynge/platform';
import type { ProgrammeService } from '../programmes/programme.service';

// The funding service's grants, which open the programmes waiting for them, and which agency owns
// each funding programme. (Clusters, organisations and memberships come from @klynge/read-models.)

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
