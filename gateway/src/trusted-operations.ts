import type express from 'express';
import { sha256 } from './registered-operations';

/** Who may send a document of their own: anyone, or (`registered`) only callers with a token. */
export const ANONYMOUS_OPERATIONS = ['registered', 'any'] as const;
export type AnonymousOperations = (typeof ANONYMOUS_OPERATIONS)[number];

/** Why a request was refused here, as its error's `extensions.code`. */
export type TrustRefusal = 'PERSISTED_QUERY_NOT_IN_LIST' | 'PERSISTED_QUERY_HASH_MISMATCH' | 'PERSISTED_QUERY_ID_REQUIRED';

const HASH = /^[0-9a-f]{64}$/;

interface OperationRequest {
  query?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } & Record<string, unknown> } & Record<string, unknown>;
}

/**
 * Registered operations sent by hash, Apollo's persisted-query protocol on the wire
 * (`extensions.persistedQuery.sha256Hash`), from a fixed list (schemas/operations) rather than a
 * cache any caller can fill: a known hash becomes its document before Apollo Server reads the
 * request; an unknown one is refused. With `anonymous: 'registered'` (production's default), a
 * caller without a token may send nothing else, so the public can run exactly what the
 * dashboard runs; token holders may send any document, within the query limits.
 */
export function trustedOperations(options: {
  readonly documents: ReadonlyMap<string, string>;
  readonly anonymous: AnonymousOperations;
  readonly onRefused: (code: TrustRefusal) => void;
}): express.RequestHandler {
  const { documents, anonymous, onRefused } = options;

  /** Puts the registered document in place of its hash; says why not when it cannot. */
  const resolve = (operation: OperationRequest, signedIn: boolean): { code: TrustRefusal; message: string } | undefined => {
    const persisted = operation.extensions?.persistedQuery;
    if (persisted === undefined || persisted === null) {
      if (anonymous === 'registered' && !signedIn)
        return {
          code: 'PERSISTED_QUERY_ID_REQUIRED',
          message:
            'Without a token only registered operations may be sent, by hash (extensions.persistedQuery.sha256Hash); send a bearer token to run a document of your own',
        };
      return undefined;
    }
    const hash = persisted.sha256Hash;
    const document = typeof hash === 'string' && HASH.test(hash) ? documents.get(hash) : undefined;
    if (document === undefined)
      return {
        code: 'PERSISTED_QUERY_NOT_IN_LIST',
        message: 'No registered operation has this hash (extensions.persistedQuery.sha256Hash)',
      };
    if (operation.query !== undefined && (typeof operation.query !== 'string' || sha256(operation.query) !== hash))
      return { code: 'PERSISTED_QUERY_HASH_MISMATCH', message: 'The query sent is not the registered operation its hash names' };
    operation.query = document;
    // Resolved here: Apollo Server's own (cache-filling) persisted queries stay off.
    const { persistedQuery: _resolved, ...extensions } = operation.extensions!;
    operation.extensions = extensions;
    return undefined;
  };

  return (request, response, next) => {
    if (request.method !== 'GET' && request.method !== 'POST') return next();
    // As the authenticator sees it: a non-empty Authorization header is verified (401 when it is
    // not a valid bearer token); an empty one (Node trims blanks away) is no token at all.
    const signedIn = Boolean(request.headers.authorization);
    let refusal: ReturnType<typeof resolve>;
    if (request.method === 'GET') {
      const url = new URL(request.url, 'http://gateway');
      const operation: OperationRequest = { query: url.searchParams.get('query') ?? undefined };
      try {
        const extensions: unknown = JSON.parse(url.searchParams.get('extensions') ?? '{}');
        if (extensions && typeof extensions === 'object') operation.extensions = extensions as OperationRequest['extensions'];
      } catch {
        // Apollo Server answers a malformed extensions parameter itself (400).
        return next();
      }
      refusal = resolve(operation, signedIn);
      if (!refusal) {
        if (typeof operation.query === 'string') url.searchParams.set('query', operation.query);
        if (operation.extensions) url.searchParams.set('extensions', JSON.stringify(operation.extensions));
        request.url = `${url.pathname}${url.search}`;
      }
    } else if (request.body && typeof request.body === 'object') {
      // One operation, or a batch (when allowed): every one of them must pass.
      const operations = (Array.isArray(request.body) ? request.body : [request.body]) as unknown[];
      for (const operation of operations) {
        if (!operation || typeof operation !== 'object') continue;
        refusal = resolve(operation, signedIn);
        if (refusal) break;
      }
    } else {
      // No JSON body: Apollo Server answers (400) unless production needs a registered operation.
      if (anonymous === 'registered' && !signedIn) refusal = resolve({}, false);
    }
    if (!refusal) return next();
    onRefused(refusal.code);
    response.status(400).json({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
  };
}
