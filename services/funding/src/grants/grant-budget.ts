import { ConflictError } from '@klynge/platform';
import type { EntityManager } from 'typeorm';

/**
 * Charges a grant to its programme's budget for `year`, refusing what the budget cannot hold. Every
 * grant goes through here (awarded in the workflow or reported), so the grants of a budget year
 * never add up to more than its budget. The budget row lock makes concurrent grants from one
 * programme-year take turns; the sum is read by a later statement, whose fresh snapshot sees the
 * grants committed while we waited.
 */
export async function chargeBudget(manager: EntityManager, programmeCode: string, year: number, amount: bigint): Promise<void> {
  const [budget] = await manager.query<{ amount: string }[]>(
    'SELECT amount_nok::text AS amount FROM budgets WHERE programme_code = $1 AND year = $2 FOR UPDATE',
    [programmeCode, year],
  );
  if (!budget) throw new ConflictError(`Programme ${programmeCode} has no budget for ${year}`, 'id');
  const [{ granted }] = await manager.query<[{ granted: string }]>(
    `SELECT COALESCE(sum(amount_nok), 0)::text AS granted FROM grants
     WHERE programme_code = $1 AND budget_year = $2 AND status <> 'CANCELLED'`,
    [programmeCode, year],
  );
  const remaining = BigInt(budget.amount) - BigInt(granted);
  if (amount > remaining) {
    throw new ConflictError(
      `NOK ${amount} exceeds what remains of the ${year} budget of ${programmeCode}: NOK ${remaining}`,
      'amountAwarded',
    );
  }
}
