/**
 * PostgreSQL's own verdicts on a write, for turning them into GraphQL errors: a unique or
 * exclusion constraint that fired (CONFLICT), a foreign key that found nothing (NOT_FOUND).
 */
export interface ConstraintViolation {
  readonly kind: 'unique' | 'exclusion' | 'foreign-key' | 'check';
  readonly constraint: string;
}

const KINDS: Record<string, ConstraintViolation['kind']> = {
  '23505': 'unique',
  '23P01': 'exclusion',
  '23503': 'foreign-key',
  '23514': 'check',
};

/** The constraint `error` (a TypeORM QueryFailedError or a pg error) violated, if that is what it is. */
export function constraintViolation(error: unknown): ConstraintViolation | undefined {
  const driverError = (error as { driverError?: unknown })?.driverError ?? error;
  const { code, constraint } = (driverError ?? {}) as { code?: string; constraint?: string };
  const kind = code ? KINDS[code] : undefined;
  return kind ? { kind, constraint: constraint ?? '' } : undefined;
}
