import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePorts } from '@klynge/test-infrastructure';

export interface GatewayProcess {
  readonly child: ChildProcess;
  readonly port: number;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with its exit code once it has exited. */
  readonly exited: Promise<number | null>;
}

/** The gateway's folder, where its process runs. */
export const gatewayDirectory = path.join(__dirname, '..', '..');
/** Node's arguments for the gateway's own process from its TypeScript (src/index.ts, as `npm start` runs it built). */
export const gatewayProcessArgs = ['-r', '@klynge/jest-config/register', path.join(__dirname, '..', 'index.ts')];

/**
 * The gateway as its own process (src/index.ts, as `npm start` runs it), on a free port, with
 * `env` and nothing else from this process's environment but PATH.
 */
export async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const [port] = await freePorts(1);
  const child = spawn(process.execPath, gatewayProcessArgs, {
    cwd: gatewayDirectory,
    env: { PATH: process.env.PATH, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, port: port!, output: () => output, exited };
}
