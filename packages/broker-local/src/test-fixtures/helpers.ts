import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { partitionForKey } from '../partitioner';

/**
 * Waits until `probe` answers something other than undefined or false, and returns it. Tests
 * synchronise on conditions, never on fixed sleeps: the deadline only bounds a failure.
 */
export async function waitFor<T>(description: string, probe: () => T | undefined | false, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Lets everything already queued run: timers due now, I/O callbacks, promise reactions. */
export async function settle(rounds = 5): Promise<void> {
  for (let round = 0; round < rounds; round += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** A promise the test resolves or rejects when it chooses, e.g. to hold a handler mid-message. */
export class Gate {
  readonly opened: Promise<void>;
  open!: () => void;
  fail!: (error: Error) => void;

  constructor() {
    this.opened = new Promise<void>((resolve, reject) => {
      this.open = resolve;
      this.fail = reject;
    });
  }
}

export function uniqueTopic(label: string): string {
  return `${label}.${randomUUID().slice(0, 8)}`;
}

/** `count` keys that land in `count` different partitions of a topic with `partitions` partitions. */
export function keysInDistinctPartitions(count: number, partitions: number): string[] {
  const byPartition = new Map<number, string>();
  for (let index = 0; byPartition.size < count; index += 1) {
    const key = `key-${index}`;
    const partition = partitionForKey(key, partitions);
    if (!byPartition.has(partition)) byPartition.set(partition, key);
  }
  return [...byPartition.values()];
}

/** Temporary directories for one test file, removed with `removeAll` in its afterAll. */
export class TemporaryDirectories {
  private readonly root = mkdtempSync(join(tmpdir(), 'klynge-broker-local-'));

  create(label = 'broker'): string {
    return mkdtempSync(join(this.root, `${label}-`));
  }

  removeAll(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
