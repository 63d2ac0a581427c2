/** What the gateway answered: data, or why not. */
export type Outcome<T> =
  | { readonly state: 'ready'; readonly data: T }
  | { readonly state: 'unavailable'; readonly subgraphs: readonly string[]; readonly message: string }
  | { readonly state: 'failed'; readonly message: string };

interface GraphQLError {
  readonly message: string;
  readonly extensions?: { readonly code?: string; readonly subgraph?: string };
}

/** The operation's name, from its document (`query SupportByYear { ... }`). */
export function operationName(document: string): string {
  const name = /\b(?:query|mutation)\s+(\w+)/.exec(document)?.[1];
  if (!name) throw new Error('Every dashboard operation is named');
  return name;
}

/**
 * Runs one of the dashboard's operations through the gateway. A subgraph that is down answers
 * SUBGRAPH_UNAVAILABLE: the panels that need it say so; the others are not affected.
 */
export async function runOperation<T>(document: string, variables: Record<string, unknown> = {}): Promise<Outcome<T>> {
  let response: Response;
  try {
    response = await fetch(`${import.meta.env.BASE_URL.replace(/dashboard\/$/, '')}graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: document, operationName: operationName(document), variables }),
    });
  } catch {
    return { state: 'failed', message: 'The graph could not be reached.' };
  }
  const body = (await response.json().catch(() => ({}))) as { data?: T | null; errors?: GraphQLError[] };
  const errors = body.errors ?? [];
  const unavailable = errors.filter((error) => error.extensions?.code === 'SUBGRAPH_UNAVAILABLE');
  if (unavailable.length > 0) {
    return {
      state: 'unavailable',
      subgraphs: [...new Set(unavailable.map((error) => error.extensions?.subgraph ?? 'a'))],
      message: unavailable[0]!.message,
    };
  }
  if (errors.length > 0 || !body.data) return { state: 'failed', message: errors[0]?.message ?? `The graph answered ${response.status}.` };
  return { state: 'ready', data: body.data };
}
