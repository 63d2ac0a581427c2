import type { ApolloServerOptions } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from '../logging';

/**
 * "Did you mean ...?" in an error message: graphql-js suggests names of the schema in validation
 * errors and in variable coercion errors (`Value "COUNT" does not exist in "FundingDimension" enum.
 * Did you mean the enum value "COUNTY"?`). Apollo Server's hideSchemaDetailsFromClientErrors
 * removes them from validation errors only.
 */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/** `formatted` without schema suggestions: production errors name nothing the caller did not send. */
export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = formatted.message.replace(SUGGESTION, '');
  return message === formatted.message ? formatted : { ...formatted, message };
}

type ApolloLogger = NonNullable<ApolloServerOptions<object>['logger']>;

/**
 * Apollo Server's own messages (an unexpected error processing a request, among them) as lines of
 * the process's JSON log, with the request id of the context they are written in, instead of the
 * console's raw stderr.
 */
export function apolloLogger(logger: Logger): ApolloLogger {
  const apollo = logger.child({ component: 'apollo-server' });
  const text = (message: unknown) => (message instanceof Error ? `${message.name}: ${message.message}` : String(message));
  return {
    debug: (message: unknown) => apollo.debug(text(message)),
    info: (message: unknown) => apollo.info(text(message)),
    warn: (message: unknown) => apollo.warn(text(message)),
    error: (message: unknown) => apollo.error(text(message)),
  };
}
