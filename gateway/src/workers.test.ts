import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { waitFor } from '@klynge/test-infrastructure';
import { subgraphSettings } from './subgraphs';
import { startGatewayProcess } from './test-support/gateway-process';

describe('the gateway process', () => {
  it('runs the number of workers asked for on one port, and stops them all on SIGTERM', async () => {
    const { child, port, exited } = await startGatewayProcess({
      GATEWAY_WORKERS: '2',
      // Nothing listens there: this test needs no subgraph, only the processes.
      ...subgraphSettings(
        () => 'http://127.0.0.1:9/graphql',
        () => '',
      ),
      LOG_LEVEL: 'fatal',
    });
    try {
      await waitFor(
        'two worker processes, and the port answering',
        async () => childrenOf(child.pid!).length === 2 && (await healthOnNewConnection(port)).status === 'ok',
        {
          timeoutMs: 60_000,
        },
      );
      const workers = childrenOf(child.pid!);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(workers.filter(isRunning)).toEqual([]);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

/** The processes whose parent is `pid` (Linux, from /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return new RegExp(`^PPid:\\s+${pid}$`, 'm').test(readFileSync(`/proc/${entry}/status`, 'utf8'));
      } catch {
        return false; // ended while we looked
      }
    })
    .map(Number);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** /health on a connection of its own: workers share connections out, not requests. */
function healthOnNewConnection(port: number): Promise<{ status: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/health', agent: false }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve(JSON.parse(body) as { status: string }));
      })
      .on('error', reject);
  });
}
