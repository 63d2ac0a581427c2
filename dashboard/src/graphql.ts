import { type Operation, operationName } from './operations';

/** What the gateway answered: data, or why not. */
export type Outcome<T> =
  | { readonly state: 'ready'; readonly data: T }
  | { readonly state: 'unavailable'; readonly subgraphs: readonly string[]; readonly message: string }
  | { readonly state: 'failed'; readonly failure: Failure };

/** Why an operation has no answer, for the page to say in its language (the graph's own message as it came). */
export type Failure =
  | { readonly reason: 'unreachable' }
  | { readonly reason: 'status'; readonly status: number }
  | { readonly reason: 'error'; readonly message: string };

interface GraphQLError {
  readonly message: string;
  readonly extensions?: { readonly code?: string; readonly subgraph?: string };
}

/**
 * Runs one of the dashboard's operations through the gateway, by its registered hash only (the
 * gateway knows the document: production lets anonymous callers send nothing else). A subgraph
 * that is down answers SUBGRAPH_UNAVAILABLE: the panels that need it say so; the others are not
 * affected.
 */
export async function runOperation<Result, Variables>(
  document: Operation<Result, Variables>,
  variables: Variables,
): Promise<Outcome<Result>> {
  const hash = document.__meta__?.hash?.replace(/^sha256:/, '');
  if (!hash) throw new Error(`${operationName(document)} has no registered hash: run npm run codegen --workspace @klynge/dashboard`);
  let response: Response;
  try {
    response = await fetch(`${import.meta.env.BASE_URL.replace(/dashboard\/$/, '')}graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        operationName: operationName(document),
        variables,
        extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
      }),
    });
  } catch {
    return { state: 'failed', failure: { reason: 'unreachable' } };
  }
  const body = (await response.json().catch(() => ({}))) as { data?: Result | null; errors?: GraphQLError[] };
  const errors = body.errors ?? [];
  const unavailable = errors.filter((error) => error.extensions?.code === 'SUBGRAPH_UNAVAILABLE');
  if (unavailable.length > 0) {
    return {
      state: 'unavailable',
      subgraphs: [...new Set(unavailable.map((error) => error.extensions?.subgraph).filter((name) => name !== undefined))],
      message: unavailable[0]!.message,
    };
  }
  if (errors[0]) return { state: 'failed', failure: { reason: 'error', message: errors[0].message } };
  if (!body.data) return { state: 'failed', failure: { reason: 'status', status: response.status } };
  return { state: 'ready', data: body.data };
}
