import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { freePorts, waitFor } from '@klynge/testing';

describe('the gateway process', () => {
  it('runs the number of workers asked for on one port, and stops them all on SIGTERM', async () => {
    const [port] = await freePorts(1);
    const child = spawn(process.execPath, ['-r', '@klynge/jest-config/register', path.join(__dirname, 'index.ts')], {
      cwd: path.join(__dirname, '..'),
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        HOST: '127.0.0.1',
        GATEWAY_WORKERS: '2',
        // Nothing listens there: this test needs no subgraph, only the processes.
        CLUSTERS_URL: 'http://127.0.0.1:9/graphql',
        FUNDING_URL: 'http://127.0.0.1:9/graphql',
        COMPETENCE_URL: 'http://127.0.0.1:9/graphql',
        LOG_LEVEL: 'fatal',
      },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const pids = new Set<number>();
      await waitFor(
        'answers from two worker processes',
        async () => {
          pids.add((await healthOnNewConnection(port!)).pid);
          return pids.size === 2;
        },
        { timeoutMs: 60_000 },
      );
      expect(pids.has(child.pid!)).toBe(false);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

/** /health on a connection of its own: workers share connections out, not requests. */
function healthOnNewConnection(port: number): Promise<{ pid: number }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/health', agent: false }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve(JSON.parse(body) as { pid: number }));
      })
      .on('error', reject);
  });
}
