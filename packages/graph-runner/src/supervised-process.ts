import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { waitFor } from '@klynge/async';

/** Where a process of the stack is: `died` is an end the stack did not ask for. */
export type ProcessState = 'starting' | 'running' | 'stopping' | 'stopped' | 'died';

/** How long a process may take to answer on its readiness URL, and to stop on SIGTERM. */
const START_DEADLINE_MS = 60_000;
const STOP_DEADLINE_MS = 30_000;
/** How much of what a process wrote on stderr a report of its death shows. */
const LAST_LINES = 10;
const LINE_LENGTH = 400;

/** How a process ended, in words: `exit code 1`, `SIGKILL`. */
const endOf = (code: number | null, signal: NodeJS.Signals | null) => (signal ? signal : `exit code ${code}`);

/**
 * One long-running process of the stack (a subgraph, the gateway), which another shell may stop
 * and start again while the others run (`npm run stack:service`), and which, when it dies on its
 * own, is reported: which it was, its pid, how it ended and the last lines it wrote on stderr.
 * Its stderr still reaches the stack's, as it comes.
 */
export class SupervisedProcess {
  private child: ChildProcess | undefined;
  private state: ProcessState = 'stopped';
  /** How the last process ended, when it died. */
  private death = '';
  private lastLines: string[] = [];
  private partialLine = '';

  constructor(
    readonly name: string,
    private readonly args: readonly string[],
    private readonly env: NodeJS.ProcessEnv,
    /** Answers 2xx once the process serves. */
    private readonly readyUrl: string,
    private readonly report: (text: string) => void,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** One line: name, state, pid (`funding      running  pid 4242  http://127.0.0.1:4002/ready`). */
  describe(): string {
    const detail = this.child ? `pid ${this.child.pid}  ${this.readyUrl}` : this.death;
    return `${this.name.padEnd(12)} ${this.state.padEnd(8)} ${detail}`.trimEnd();
  }

  /** Starts it unless it runs; resolves once it answers, and rejects, saying how, when it ends first. */
  async start(): Promise<void> {
    if (this.child) return;
    const child = spawn(process.execPath, this.args, { env: this.env, stdio: ['ignore', 'inherit', 'pipe'] });
    this.child = child;
    this.state = 'starting';
    this.lastLines = [];
    this.partialLine = '';
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      this.remember(chunk.toString());
    });
    child.once('exit', (code, signal) => this.exited(child, code, signal));
    const outcome = await waitFor(
      `${this.name} to answer on ${this.readyUrl}`,
      async () => (this.child !== child ? 'ended' : (await answers(this.readyUrl)) && 'ready'),
      { timeoutMs: START_DEADLINE_MS, intervalMs: 100 },
    );
    if (outcome === 'ended') throw new Error(`${this.name} (pid ${child.pid}) ended while starting: ${this.death}`);
    this.state = 'running';
  }

  /** Stops it (SIGTERM, SIGKILL after a deadline) unless it is not running; resolves once it has exited. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.state = 'stopping';
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const deadline = setTimeout(() => child.kill('SIGKILL'), STOP_DEADLINE_MS);
    await exited;
    clearTimeout(deadline);
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  private exited(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== child) return;
    this.child = undefined;
    if (this.state === 'stopping') {
      this.state = 'stopped';
      this.death = '';
      return;
    }
    this.state = 'died';
    this.death = `(pid ${child.pid}, ${endOf(code, signal)})`;
    const lines = [...this.lastLines, ...(this.partialLine ? [this.partialLine] : [])];
    this.report(
      `[stack] ${this.name} (pid ${child.pid}) died on its own: ${endOf(code, signal)}; the others keep running ` +
        `(npm run stack:service -- start ${this.name} starts it again). ` +
        (lines.length > 0
          ? `Its last lines on stderr:\n${lines.map((line) => `[stack]   ${line}`).join('\n')}\n`
          : 'It wrote nothing on stderr.\n'),
    );
  }

  private remember(text: string): void {
    const lines = (this.partialLine + text).split('\n');
    this.partialLine = lines.pop()!.slice(0, LINE_LENGTH);
    this.lastLines = [...this.lastLines, ...lines.filter((line) => line.trim() !== '').map((line) => line.slice(0, LINE_LENGTH))].slice(
      -LAST_LINES,
    );
  }
}

const answers = (url: string) =>
  fetch(url).then(
    (response) => response.ok,
    () => false,
  );
