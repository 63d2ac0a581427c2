/**
 * The hostile clients of `npm run bench:hostile`, in a worker thread of their own: reading their
 * answers (up to 180 KB of errors each before issue 26's fix) must not hold up the honest clients'
 * event loop, whose latencies are the figures.
 *
 * Each client has a token of its own and one connection, and sends the documents in turn, one at
 * a time, from the moment it is told the deadline until it passes; then the worker posts what the
 * gateway answered, per document.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { percentile } from '@klynge/test-infrastructure';
import { latencyFigures, type LatencyFigures, oneConnection } from './one-connection';

export interface HostileClientsSetup {
  readonly url: string;
  /** One per client: the bearer token it sends. */
  readonly tokens: readonly string[];
  readonly documents: readonly { readonly name: string; readonly body: string }[];
}

/** What the main thread sends to start the clients: until when they send (Date.now() milliseconds). */
export interface HostileClientsStart {
  readonly deadline: number;
}

export interface HostileOutcome {
  readonly name: string;
  /** Latency of the hostile requests themselves. */
  readonly latency: LatencyFigures;
  /** Requests per HTTP status (`no answer` when the connection failed). */
  readonly statuses: Readonly<Record<string, number>>;
  /** Requests per `errors[0].extensions.code` (`(none)` when the answer has no errors, `not JSON` when it is something else). */
  readonly codes: Readonly<Record<string, number>>;
  /** The median answer's size. */
  readonly answerBytesP50: number;
}

export type HostileClientsMessage = { readonly kind: 'ready' } | { readonly kind: 'done'; readonly outcomes: readonly HostileOutcome[] };

/** Counts one more `key` in `counts`. */
const tally = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** The code an answer's first error carries. */
function firstErrorCode(body: string): string {
  try {
    const { errors } = JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] };
    if (!errors?.length) return '(none)';
    const code = errors[0]!.extensions?.code;
    return typeof code === 'string' ? code : '(no code)';
  } catch {
    return 'not JSON';
  }
}

async function attack({ url, tokens, documents }: HostileClientsSetup, { deadline }: HostileClientsStart): Promise<HostileOutcome[]> {
  const { pathname } = new URL(url);
  const seen: { latencies: number[]; sizes: number[]; statuses: Record<string, number>; codes: Record<string, number> }[] = documents.map(
    () => ({ latencies: [], sizes: [], statuses: {}, codes: {} }),
  );
  await Promise.all(
    tokens.map(async (token, client) => {
      const connection = oneConnection(url);
      // Each client starts at another document, so that all of them are being sent at any moment.
      for (let next = client % documents.length; Date.now() < deadline; next = (next + 1) % documents.length) {
        const record = seen[next]!;
        const started = performance.now();
        try {
          const answer = await connection.request('POST', pathname, { authorization: `Bearer ${token}` }, documents[next]!.body);
          record.latencies.push(performance.now() - started);
          record.sizes.push(Buffer.byteLength(answer.body));
          tally(record.statuses, String(answer.status));
          tally(record.codes, firstErrorCode(answer.body));
        } catch (error) {
          tally(record.statuses, 'no answer');
          tally(record.codes, (error as NodeJS.ErrnoException).code ?? 'no answer');
        }
      }
      connection.close();
    }),
  );
  return documents.map(({ name }, index) => {
    const { latencies, sizes, statuses, codes } = seen[index]!;
    return {
      name,
      latency: latencyFigures(latencies),
      statuses,
      codes,
      answerBytesP50: percentile(
        sizes.sort((a, b) => a - b),
        0.5,
      ),
    };
  });
}

const port = parentPort!;
port.once('message', (start: HostileClientsStart) => {
  void attack(workerData as HostileClientsSetup, start).then((outcomes) =>
    port.postMessage({ kind: 'done', outcomes } satisfies HostileClientsMessage),
  );
});
port.postMessage({ kind: 'ready' } satisfies HostileClientsMessage);
