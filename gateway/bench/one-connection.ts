import http from 'node:http';
import { percentile } from '@klynge/test-infrastructure';

export interface HttpAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/**
 * A client on one keep-alive connection of its own, as one browser tab or one script is: its
 * requests wait for each other and for nothing else (no socket pool shared with other clients),
 * so its latencies are the server's.
 */
export function oneConnection(url: string) {
  const { hostname, port } = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const request = (method: 'GET' | 'POST', path: string, headers: Record<string, string> = {}, body?: string) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      const sent = body === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
      const outgoing = http.request({ hostname, port, path, method, agent, headers: { ...sent, ...headers } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.once('error', reject);
      });
      outgoing.once('error', reject);
      outgoing.end(body);
    });
  return { request, close: () => agent.destroy() };
}

/** What a client's latencies come to, in ms, and how many requests it completed. */
export interface LatencyFigures {
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly requests: number;
}

export function latencyFigures(latencies: readonly number[]): LatencyFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p90: percentile(sorted, 0.9), p99: percentile(sorted, 0.99), requests: sorted.length };
}
