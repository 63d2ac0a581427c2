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

/**
 * Runs `write`; if it breaks one of the constraints named in `errors`, throws the error given for
 * that constraint instead (say a CONFLICT naming the input field). Checking in the database, not
 * before the write, holds also when two requests race.
 */
export async function translateConstraintErrors<T>(errors: Readonly<Record<string, () => Error>>, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const violation = constraintViolation(error);
    const translate = violation ? errors[violation.constraint] : undefined;
    throw translate ? translate() : error;
  }
}

/** The constraint `error` (a TypeORM QueryFailedError or a pg error) violated, if that is what it is. */
export function constraintViolation(error: unknown): ConstraintViolation | undefined {
  const driverError = (error as { driverError?: unknown })?.driverError ?? error;
  const { code, constraint } = (driverError ?? {}) as { code?: string; constraint?: string };
  const kind = code ? KINDS[code] : undefined;
  return kind ? { kind, constraint: constraint ?? '' } : undefined;
}
