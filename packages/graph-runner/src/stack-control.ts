import { chmod, unlink } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { repoRoot } from './config';
import type { SupervisedProcess } from './supervised-process';

/**
 * How another shell talks to a running `npm run stack`: a unix socket, readable only by its user,
 * in the infra state (`infra/.state/stack-<gateway port>.sock`), one request a connection (a line
 * of JSON) and one reply (a line of JSON). The gateway's port tells stacks apart, as it does on
 * the network; the socket goes with the stack.
 */
export const STACK_COMMANDS = ['status', 'stop', 'start', 'restart'] as const;
export type StackCommand = (typeof STACK_COMMANDS)[number];

export interface StackRequest {
  readonly command: StackCommand;
  readonly service?: string;
}

export interface StackReply {
  readonly ok: boolean;
  readonly message: string;
}

export const stackControlSocket = (gatewayPort: number): string =>
  path.join(process.env.KLYNGE_STATE_DIR ?? path.join(repoRoot, 'infra', '.state'), `stack-${gatewayPort}.sock`);

export interface StackControl {
  /** From now on commands are carried out (before, the stack is still starting and says so). */
  open(): void;
  close(): Promise<void>;
}

/**
 * Serves `npm run stack:service` for the stack's `processes`, one command at a time. Refuses to
 * start when another stack answers on the socket; a socket left by a stack that died is replaced.
 */
export async function serveStackControl(socket: string, processes: ReadonlyMap<string, SupervisedProcess>): Promise<StackControl> {
  if ((await ask(socket, { command: 'status' }).catch(() => undefined)) !== undefined)
    throw new Error(`Another stack with its gateway on this port already runs (it answers on ${socket})`);
  await unlink(socket).catch(() => undefined);
  let open = false;
  let queue: Promise<unknown> = Promise.resolve();
  const carryOut = (request: StackRequest): Promise<StackReply> => {
    if (!open) return Promise.resolve({ ok: false, message: 'The stack is still starting; ask again once it says it is ready' });
    const done = queue.then(() => handle(request, processes));
    queue = done.catch(() => undefined);
    return done;
  };
  const server = net.createServer((connection) => {
    let received = '';
    connection.setEncoding('utf8');
    connection.on('data', (chunk: string) => {
      received += chunk;
      if (!received.includes('\n')) return;
      const line = received.slice(0, received.indexOf('\n'));
      void Promise.resolve()
        .then(() => carryOut(JSON.parse(line) as StackRequest))
        .catch((error: unknown) => ({ ok: false, message: error instanceof Error ? error.message : String(error) }))
        .then((reply) => connection.end(`${JSON.stringify(reply)}\n`));
    });
    connection.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, resolve);
  });
  await chmod(socket, 0o600);
  return {
    open: () => (open = true),
    async close() {
      open = false;
      await new Promise((resolve) => server.close(resolve));
      await unlink(socket).catch(() => undefined);
    },
  };
}

async function handle({ command, service }: StackRequest, processes: ReadonlyMap<string, SupervisedProcess>): Promise<StackReply> {
  if (command === 'status') return { ok: true, message: [...processes.values()].map((each) => each.describe()).join('\n') };
  const supervised = service === undefined ? undefined : processes.get(service);
  if (!supervised) return { ok: false, message: `No service ${service ?? ''} in this stack: ${[...processes.keys()].join(', ')}` };
  if (command === 'stop') {
    const pid = supervised.pid;
    await supervised.stop();
    return { ok: true, message: pid === undefined ? `${supervised.name} was not running` : `${supervised.name} (pid ${pid}) has stopped` };
  }
  await (command === 'start' ? supervised.start() : supervised.restart());
  return { ok: true, message: `${supervised.name} is running (pid ${supervised.pid})` };
}

/** Sends one request to the stack serving on `socket`; rejects when none answers there. */
export function ask(socket: string, request: StackRequest): Promise<StackReply> {
  return new Promise((resolve, reject) => {
    let received = '';
    const connection = net.connect(socket, () => connection.write(`${JSON.stringify(request)}\n`));
    connection.setEncoding('utf8');
    connection.on('data', (chunk: string) => (received += chunk));
    connection.once('error', reject);
    connection.once('end', () => {
      try {
        resolve(JSON.parse(received) as StackReply);
      } catch {
        reject(new Error(`The stack on ${socket} gave no answer`));
      }
    });
  });
}
