import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { InFlight, SharingEpoch } from './sharing-epoch';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherRequestInit = NonNullable<Parameters<Fetcher>[1]>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/** Headers that name one request, not what is asked: requests differing only in these ask the same. */
const PER_REQUEST_HEADERS = new Set(['x-request-id', 'traceparent', 'tracestate']);

// The data source sends {"query": ...} first; a mutation's document starts with "mutation".
const QUERY_BODY = /^\{"query":"(?:query\b|\{)/;

/**
 * How the gateway reaches its subgraphs: Node's own fetch (undici: pooled keep-alive connections,
 * no cache layer; @apollo/gateway's default, make-fetch-happen, adds an HTTP cache the subgraphs'
 * POST answers never use), and one request for identical queries in flight at the same moment.
 *
 * When a dashboard is opened by many at once, the gateway's plans send each subgraph the same
 * query with the same variables and the same caller's headers. The first is sent; the others wait
 * for its answer, each then reading its own copy of the body (the gateway merges answers into
 * the result it builds, so they must not share objects). Only queries are shared, never
 * mutations, and only between requests with the same authorization and subgraph secret: everything
 * but the request id and trace context goes into the key. Hive Gateway's HTTP executor does the same
 * by default (deduplicateInflightRequests). Each caller's copy parses the answer's text straight
 * (AnswerCopy), not through a new Response, which would encode the text to a stream to decode it again.
 * A query sent before the data may have changed (`epoch`: a mutation through the gateway answered, or an
 * event came in) is not shared with a request that comes after: that one is sent afresh.
 *
 * Every request has a deadline (`timeoutMs`, the whole answer read): a subgraph that takes a
 * request and never answers costs its callers that long, then its fields are missing with
 * SUBGRAPH_UNAVAILABLE, instead of holding the gateway's request, and the caller's, forever.
 */
export function subgraphFetcher({
  timeoutMs,
  send = fetch,
  epoch = new SharingEpoch(),
}: {
  readonly timeoutMs: number;
  readonly send?: typeof fetch;
  readonly epoch?: SharingEpoch;
}): Fetcher {
  const inFlight = new InFlight<SharedAnswer>(epoch);
  const withDeadline = (init: FetcherRequestInit): RequestInit => ({ ...(init as RequestInit), signal: AbortSignal.timeout(timeoutMs) });
  return async (url, init = {}) => {
    const body = typeof init.body === 'string' ? init.body : undefined;
    if (body === undefined || (init.method ?? 'GET') !== 'POST' || !QUERY_BODY.test(body)) {
      return send(url, withDeadline(init));
    }
    const { work } = inFlight.share(requestKey(url, init, body), () => readWhole(send(url, withDeadline(init))));
    return new AnswerCopy(await work, url);
  };
}

interface SharedAnswer {
  readonly text: string;
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
}

async function readWhole(pending: Promise<Response>): Promise<SharedAnswer> {
  const response = await pending;
  return { text: await response.text(), status: response.status, statusText: response.statusText, headers: response.headers };
}

/**
 * One caller's copy of a shared answer: what @apollo/gateway reads of a response (status, headers,
 * the body as JSON or text), each call to json() a new object of its own, as the gateway merges
 * answers into the result it builds.
 */
class AnswerCopy implements FetcherResponse {
  readonly redirected = false;
  bodyUsed = false;

  constructor(
    private readonly answer: SharedAnswer,
    readonly url: string,
  ) {}

  get status() {
    return this.answer.status;
  }

  get statusText() {
    return this.answer.statusText;
  }

  get ok() {
    return this.answer.status >= 200 && this.answer.status < 300;
  }

  get headers() {
    return this.answer.headers;
  }

  text(): Promise<string> {
    if (this.bodyUsed) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
    this.bodyUsed = true;
    return Promise.resolve(this.answer.text);
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = new TextEncoder().encode(await this.text());
    return bytes.buffer;
  }

  clone(): AnswerCopy {
    return new AnswerCopy(this.answer, this.url);
  }
}

function requestKey(url: string, init: FetcherRequestInit, body: string): string {
  const headers = Object.entries(init.headers ?? {})
    .filter(([name]) => !PER_REQUEST_HEADERS.has(name.toLowerCase()))
    .map(([name, value]) => `${name.toLowerCase()}:${value}`)
    .sort();
  return JSON.stringify([url, headers, body]);
}
