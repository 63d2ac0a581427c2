import { GraphQLError } from 'graphql';

/**
 * The errors a resolver throws on purpose. Each carries `extensions.code`, and where one input
 * field is to blame, `extensions.field`, so a client can put the message next to that field.
 * A database that cannot be reached right now reaches them as SERVICE_UNAVAILABLE (try again
 * shortly); anything else thrown in a resolver as INTERNAL_SERVER_ERROR with no details.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export class BadUserInputError extends GraphQLError {
  constructor(field: string, message: string) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, field } });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(entity: string, id: string, field?: string) {
    super(`${entity} ${id} does not exist`, {
      extensions: { code: ErrorCode.NOT_FOUND, entity, id, ...(field ? { field } : {}) },
    });
  }
}

export class ConflictError extends GraphQLError {
  constructor(message: string, field?: string) {
    super(message, { extensions: { code: ErrorCode.CONFLICT, ...(field ? { field } : {}) } });
  }
}

export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'This operation needs a signed-in caller') {
    super(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.FORBIDDEN } });
  }
}

/** The service cannot answer for now (its database is away): the same request may work shortly. */
export class ServiceUnavailableError extends GraphQLError {
  constructor(message = 'The service cannot answer right now; try again shortly') {
    super(message, { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } });
  }
}
