import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * At most `max` errors in one answer: the first `max - 1` as they are, then one saying how many
 * more there were. A small document that fails on every item of a long list, or on every field
 * of every fragment, would otherwise answer with many times its own size in errors.
 * (Validation stops at `max` by itself: Apollo Server's `validationOptions.maxErrors`.)
 */
export function errorCap<TContext extends object>(max: number): ApolloServerPlugin<TContext> {
  return {
    // eslint-disable-next-line @typescript-eslint/require-await -- Apollo's hook is async by contract
    async requestDidStart() {
      return {
        // eslint-disable-next-line @typescript-eslint/require-await
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { singleResult } = response.body;
          const errors = singleResult.errors;
          if (!errors || errors.length <= max) return;
          const left = errors.length - (max - 1);
          singleResult.errors = [
            ...errors.slice(0, max - 1),
            new GraphQLError(`${left} more errors are left out of this answer`, { extensions: { code: 'TOO_MANY_ERRORS', left } }),
          ];
        },
      };
    },
  };
}
