import { GrantAwarded, GrantReported } from '@klynge/contracts';
import { eventConsumer } from '@klynge/platform';
import type { ProgrammeService } from './programme.service';

/**
 * The funding service's grants: an awarded grant opens the programmes planned for it, and a
 * reported one is kept for the programmes planned for it by its id.
 */
export function grantsConsumer(programmes: ProgrammeService) {
  return eventConsumer('grants')
    .on(GrantAwarded, (event, transaction) => programmes.recordGrant(transaction, event.data))
    .on(GrantReported, (event, { manager }) => programmes.recordReportedGrant(manager, event.data));
}
