import type { Wakeup } from '@klynge/async';
import { BrokerUnavailableError } from '@klynge/broker';
import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';

/** A message as a partition keeps it; its offset is its index in the partition. */
export interface StoredMessage {
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

interface QueuedAppend {
  readonly messages: readonly StoredMessage[];
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * One partition of a topic: its messages in offset order, held in memory for delivery. With a
 * file, a message is written (and synced) there before it is accepted, so what `publish` has
 * acknowledged survives the process; appends are written one batch at a time, in order.
 */
export class PartitionLog {
  private readonly listeners = new Set<Wakeup>();
  private queued: QueuedAppend[] = [];
  private writing = false;
  private writes: Promise<void> = Promise.resolve();
  /** Set when a failed write could not be undone: the file's end is unknown, so nothing more goes in. */
  private failure: BrokerUnavailableError | undefined;

  constructor(
    readonly topic: string,
    readonly partition: number,
    private readonly messages: StoredMessage[] = [],
    private readonly file?: PartitionFile,
  ) {}

  /** The number of messages, which is also the offset the next one gets. */
  get length(): number {
    return this.messages.length;
  }

  at(offset: number): StoredMessage | undefined {
    return this.messages[offset];
  }

  /** Why the partition takes no more messages, if it does not. */
  get brokenBy(): BrokerUnavailableError | undefined {
    return this.failure;
  }

  /** `wakeup` fires whenever messages are appended. */
  listen(wakeup: Wakeup): void {
    this.listeners.add(wakeup);
  }

  /** Resolves once the messages are written (with a file) and visible to consumers, in order. */
  append(messages: readonly StoredMessage[]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const file = this.file;
    if (!file) {
      this.accept(messages);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      this.queued.push({ messages, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        this.writes = this.writeQueued(file);
      }
    });
  }

  /** Waits for the writes under way and releases the file. */
  async close(): Promise<void> {
    await this.writes;
    await this.file?.close();
  }

  /**
   * Writes everything queued, then what was queued meanwhile: publishes arriving during a write
   * share the next one (and its sync) instead of each waiting for a sync of their own.
   */
  private async writeQueued(file: PartitionFile): Promise<void> {
    while (this.queued.length > 0) {
      const batch = this.queued;
      this.queued = [];
      const messages = batch.flatMap((append) => append.messages);
      try {
        if (this.failure) throw this.failure;
        await file.append(messages.map(toLine).join(''));
        this.accept(messages);
        for (const append of batch) append.resolve();
      } catch (error) {
        const unavailable = toUnavailable(`could not write to ${file.path}`, error);
        if (error instanceof UndoFailedError) this.failure = unavailable;
        for (const append of batch) append.reject(unavailable);
      }
    }
    this.writing = false;
  }

  private accept(messages: readonly StoredMessage[]): void {
    for (const message of messages) this.messages.push(message);
    for (const listener of this.listeners) listener.fire();
  }
}

/** Raised when a failed append could not be cut off the file again. */
class UndoFailedError extends Error {
  override readonly name = 'UndoFailedError';
}

/**
 * A partition's file: one JSON object per line, `{"key","value","headers"}`, the line number
 * (from 0) being the offset. Opened for appending on the first write.
 */
export class PartitionFile {
  private handle: Promise<FileHandle> | undefined;

  /** `size`: the bytes of complete lines, where the next append starts. */
  constructor(
    readonly path: string,
    private size: number,
  ) {}

  /** Appends and syncs `lines`; on failure cuts the file back to where it was, so no torn line stays. */
  async append(lines: string): Promise<void> {
    const data = Buffer.from(lines, 'utf8');
    const handle = await this.open();
    try {
      await handle.appendFile(data);
      await handle.datasync();
      this.size += data.length;
    } catch (error) {
      try {
        await handle.truncate(this.size);
      } catch (undoError) {
        throw new UndoFailedError(`${errorMessage(error)}; cutting off the partial write failed too: ${errorMessage(undoError)}`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await (await handle?.catch(() => undefined))?.close();
  }

  private open(): Promise<FileHandle> {
    this.handle ??= open(this.path, 'a').catch((error: unknown) => {
      this.handle = undefined; // try again at the next append
      throw error;
    });
    return this.handle;
  }
}

/** What a partition file holds: its messages, and how many bytes of complete lines that took. */
export interface PartitionFileContents {
  readonly messages: StoredMessage[];
  readonly completeBytes: number;
  /** Bytes after the last complete line: a write the process did not finish, never acknowledged. */
  readonly tornBytes: number;
}

/** Reads a partition file in chunks (it may be large); a missing file is an empty partition. */
export async function readPartitionFile(path: string): Promise<PartitionFileContents> {
  const messages: StoredMessage[] = [];
  let completeBytes = 0;
  let partialLine: Buffer[] = [];
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      let start = 0;
      // A newline byte never occurs inside a multi-byte UTF-8 character, nor (escaped by JSON)
      // inside a line, so splitting the bytes on it is safe.
      for (let end = chunk.indexOf(0x0a); end !== -1; end = chunk.indexOf(0x0a, start)) {
        const line = Buffer.concat([...partialLine, chunk.subarray(start, end)]);
        partialLine = [];
        messages.push(parseLine(line.toString('utf8'), path, messages.length));
        completeBytes += line.length + 1;
        start = end + 1;
      }
      if (start < chunk.length) partialLine.push(chunk.subarray(start));
    }
  } catch (error) {
    if (isMissingFile(error)) return { messages: [], completeBytes: 0, tornBytes: 0 };
    throw error;
  }
  const tornBytes = partialLine.reduce((total, part) => total + part.length, 0);
  return { messages, completeBytes, tornBytes };
}

function toLine({ key, value, headers }: StoredMessage): string {
  return `${JSON.stringify({ key, value, headers })}\n`;
}

function parseLine(line: string, path: string, offset: number): StoredMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    throw new Error(`${path}: offset ${offset} is not a JSON line: ${errorMessage(error)}`, { cause: error });
  }
  if (isStoredMessage(parsed)) return { key: parsed.key, value: parsed.value, headers: parsed.headers };
  throw new Error(`${path}: offset ${offset} is not a message (key, value, headers)`);
}

function isStoredMessage(candidate: unknown): candidate is StoredMessage {
  if (typeof candidate !== 'object' || candidate === null) return false;
  const { key, value, headers } = candidate as Record<string, unknown>;
  return (
    typeof key === 'string' &&
    typeof value === 'string' &&
    typeof headers === 'object' &&
    headers !== null &&
    Object.values(headers).every((header) => typeof header === 'string')
  );
}

/** Whether a file system error says the file does not exist. */
export function isMissingFile(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/** The message of an error, or the thrown value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The error callers of the broker expect when it cannot do its work, keeping the cause. */
export function toUnavailable(action: string, error: unknown): BrokerUnavailableError {
  if (error instanceof BrokerUnavailableError) return error;
  return new BrokerUnavailableError(`In-process broker: ${action}: ${errorMessage(error)}`, { cause: error });
}
