/** What a {@link PositionsWriter} writes, how soon, and whom it tells when writing fails. */
export interface PositionsWriterOptions {
  /** Writes the positions as they are at that moment. */
  write(): Promise<void>;
  delayMs: number;
  onError(error: unknown): void;
}

/**
 * Writes the groups' positions a little after they change rather than after every message: one
 * write covers every change of the last `delayMs`. A crash loses at most those changes, and the
 * groups then process a few messages again, which at-least-once delivery allows. One write at a
 * time; `close` writes whatever is still unwritten.
 */
export class PositionsWriter {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<boolean> | undefined;
  private unwritten = false;
  private closed = false;

  constructor(private readonly options: PositionsWriterOptions) {}

  /** Positions changed: write them within `delayMs` (or after the write under way). */
  schedule(): void {
    this.unwritten = true;
    if (!this.timer && !this.writing && !this.closed) this.arm();
  }

  /** Writes what is unwritten, if anything, and schedules nothing more. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.writing;
    if (this.unwritten) await this.writeNow();
  }

  private arm(): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.writeNow();
    }, this.options.delayMs);
  }

  /** Resolves true when the write succeeded; a failure is reported, and retried at the next change. */
  private writeNow(): Promise<boolean> {
    this.unwritten = false;
    const writing = this.options.write().then(
      () => true,
      (error: unknown) => {
        this.unwritten = true;
        this.options.onError(error);
        return false;
      },
    );
    this.writing = writing;
    void writing.then((written) => {
      this.writing = undefined;
      // Changes made during a successful write get a write of their own; after a failure the
      // next change schedules one, rather than retrying on a timer while the disk is unusable.
      if (written && this.unwritten && !this.closed) this.arm();
    });
    return writing;
  }
}
