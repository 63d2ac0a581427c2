import { waitFor } from '@klynge/async';

/**
 * Waits until the service process at `baseUrl` answers 200 on /ready. `exited` says how the
 * process ended (its exit and what it wrote on stderr) once it has, and undefined while it runs:
 * a process that ends before it is ready fails the wait at once, saying so, instead of at the
 * deadline.
 */
export async function waitUntilReady(
  name: string,
  baseUrl: string,
  exited: () => string | undefined,
  options: { readonly timeoutMs: number; readonly intervalMs: number },
): Promise<void> {
  const outcome = await waitFor(
    `${name} to be ready`,
    async () => {
      if (exited() !== undefined) return 'exited';
      try {
        return (await fetch(`${baseUrl}/ready`)).status === 200 && 'ready';
      } catch {
        return false; // not listening yet
      }
    },
    options,
  );
  if (outcome === 'exited') throw new Error(`${name} exited before it was ready: ${exited()}`);
}

/** A service's JSON log lines in `text`; a line cut off by a SIGKILL (or not JSON) is left out. */
export function parseLogLines(text: string): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // Cut off mid-line by the kill.
    }
  }
  return lines;
}
