import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, OperationTypeNode } from 'graphql';

/**
 * Refuses, as the client's mistake (400), a request whose operation cannot be run: none picked
 * out of several, a name the document does not hold, or a subscription (the graph has none).
 * Without this the gateway's executor fails on them and Apollo answers 500.
 */
export function operationGuard<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    // eslint-disable-next-line @typescript-eslint/require-await -- Apollo's hook is async by contract
    async requestDidStart() {
      return {
        // eslint-disable-next-line @typescript-eslint/require-await
        async didResolveOperation({ operation, document, request }) {
          if (!operation) {
            const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION).length;
            throw refused(
              'OPERATION_RESOLUTION_FAILURE',
              request.operationName
                ? `The document has no operation named ${JSON.stringify(request.operationName).slice(0, 120)}`
                : `The document has ${operations} operations; say which to run with operationName`,
            );
          }
          if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
            throw refused('OPERATION_NOT_SUPPORTED', 'This graph has no subscriptions; use a query or a mutation');
          }
        },
      };
    },
  };
}

function refused(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}
