import { BudgetAllocated, GrantAwarded, GrantReported } from '@klynge/contracts';
import type { EntityManager } from 'typeorm';
import { eventConsumer } from '@klynge/platform';

// A competence programme under a funding programme belongs to (among others) that programme's
// agency: this read model keeps which agency that is. (Clusters, organisations and memberships come from @klynge/read-models;
// the grants themselves from programmes/grants.consumer.ts.)

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
