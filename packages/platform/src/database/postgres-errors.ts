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

/**
 * A transaction's connection failed between two statements: `cause` is the connection's error
 * (TypeORM then only says that its query runner was released). Nothing of it was committed.
 */
export class DatabaseConnectionLostError extends Error {
  constructor(cause: unknown) {
    super('The database connection was lost during the transaction', { cause });
    this.name = 'DatabaseConnectionLostError';
  }
}

/**
 * SQLSTATEs that say the server (or the connection to it) is away for now, not that the
 * statement is wrong: connection exceptions (class 08), the server shutting down or starting up
 * (57P01-57P03), and too many connections (53300).
 */
const UNAVAILABLE_SQLSTATES = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
/** How Node.js says a connection could not be made or was lost. */
const UNAVAILABLE_SYSTEM_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** What node-postgres says, without a code, of a connection that ended or never came. */
const UNAVAILABLE_MESSAGES =
  /^(Connection terminated( unexpectedly| due to connection timeout)?|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable|Connection ended unexpectedly)$/;

/**
 * Whether `error` (a TypeORM QueryFailedError, a pg error, a socket error, or one wrapping
 * them) says the database cannot be reached right now: a restart, a failover, a network blip.
 * Trying the same thing again later may well work, so such a failure is neither the caller's
 * fault nor a bug: a request gets SERVICE_UNAVAILABLE, an event is tried again, never parked.
 * (A write whose connection broke during COMMIT may have committed: its caller learns that it
 * should try again, which an idempotent write makes safe.)
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (candidate: unknown): boolean => {
    if (candidate === null || typeof candidate !== 'object' || seen.has(candidate)) return false;
    seen.add(candidate);
    if (candidate instanceof DatabaseConnectionLostError) return true;
    const { code, syscall, message, driverError, cause, errors } = candidate as {
      code?: unknown;
      syscall?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string') {
      if (UNAVAILABLE_SQLSTATES.test(code) || UNAVAILABLE_SYSTEM_CODES.has(code)) return true;
      // A Unix socket that is not there (yet): the server is not running.
      if (code === 'ENOENT' && syscall === 'connect') return true;
    }
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    return visit(driverError) || visit(cause) || (Array.isArray(errors) && errors.some(visit));
  };
  return visit(error);
}
