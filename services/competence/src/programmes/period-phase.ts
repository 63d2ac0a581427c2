import type { DatePrecision } from '@klynge/contracts';
import type { PeriodPhase } from './programme.types';

/**
 * Where `today` (YYYY-MM-DD) falls against a programme's period. The period's start and end are
 * stored as days; one known to the month or year covers all of it (the end as stored is the last
 * day of its month or year already).
 */
export function periodPhaseOf(
  period: { periodStart: string; periodEnd: string | null; periodEndPrecision: DatePrecision | null },
  today: string,
): PeriodPhase {
  if (today < period.periodStart) return 'BEFORE';
  if (period.periodEnd === null) return 'NOT_KNOWN';
  return today <= period.periodEnd ? 'DURING' : 'AFTER';
}
