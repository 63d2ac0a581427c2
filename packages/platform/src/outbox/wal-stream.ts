import { LogicalReplicationService, type Pgoutput, PgoutputPlugin } from 'pg-logical-replication';
import type { OutboxMessage } from './outbox';
import { WAL_OUTBOX_PREFIX } from './outbox-storage';

/** Events read from the outbox, oldest first, and how to let them go once the broker has them. */
export interface OutboxBatch {
  readonly messages: readonly OutboxMessage[];
  acknowledge(): Promise<void>;
}

/**
 * How long a position published may wait before the slot is told: one status message for many
 * batches, not one each. A relay that crashes meanwhile publishes those events again (consumers
 * deduplicate); a relay that stops tells the slot first.
 */
const CONFIRM_AFTER_MS = 100;

interface CommittedTransaction {
  readonly messages: readonly OutboxMessage[];
  /** Where the transaction's commit record ends: the slot's position once it is published. */
  readonly endLsn: bigint;
}

/**
 * The WAL outbox's events as PostgreSQL decodes them: a logical replication stream (the
 * replication protocol, through pg-logical-replication) from the outbox's slot, with pgoutput
 * sending the transactional messages of committed transactions, whole and in commit order. One
 * decoding session for as long as the relay leads: each WAL record is decoded once (asking the
 * slot through SQL functions decodes again, each time, all the WAL since its restart point).
 *
 * The slot's confirmed position is moved by this stream only: past a batch once the broker has
 * acknowledged it ({@link OutboxBatch.acknowledge}), and, when every event read has been let go,
 * to where the server says it has decoded (its keepalives), so that the WAL of writes without
 * events is not kept. A stream that starts again (a relay restart, another instance leading)
 * starts from the confirmed position: whatever was read but not acknowledged is read again.
 */
export class WalStream {
  private readonly service: LogicalReplicationService;
  private readonly committed: CommittedTransaction[] = [];
  /** The messages of the transaction being received (between its begin and its commit). */
  private receiving: OutboxMessage[] | undefined;
  /** Read but not yet acknowledged. */
  private inFlight = 0;
  /** Published (or passed over, with nothing of ours in it) up to here; the slot is told within CONFIRM_AFTER_MS. */
  private done: bigint | undefined;
  private confirmed: bigint | undefined;
  private confirmTimer: NodeJS.Timeout | undefined;
  private failure: Error | undefined;
  private stopped = false;

  constructor(
    private readonly options: {
      readonly databaseUrl: string;
      readonly applicationName: string;
      readonly slot: string;
      readonly publication: string;
      /** Told when transactions with events arrived, and when the stream failed. */
      readonly onChange: () => void;
    },
  ) {
    this.service = new LogicalReplicationService(
      { connectionString: options.databaseUrl, application_name: options.applicationName },
      // Never on its own: the library would confirm what was received, not what the broker has.
      { acknowledge: { auto: false, timeoutSeconds: 0 } },
    );
    this.service.on('data', (_lsn: string, message: Pgoutput.Message) => this.receive(message));
    this.service.on('heartbeat', (lsn: string, _timestamp: number, shouldRespond: boolean) => void this.keepalive(lsn, shouldRespond));
    this.service.on('error', (error: unknown) => this.fail(error));
  }

  /** Starts streaming from the slot's confirmed position; failures come later, through {@link read}. */
  start(): void {
    this.service
      .subscribe(new PgoutputPlugin({ protoVersion: 1, publicationNames: [this.options.publication], messages: true }), this.options.slot)
      .then(
        () => this.fail(new Error('The WAL outbox stream ended')),
        (error: unknown) => this.fail(error),
      );
  }

  /** The oldest committed transactions' events, at least one transaction's and about `limit`; nothing when none are waiting. */
  read(limit: number): OutboxBatch | undefined {
    if (this.failure !== undefined) throw this.failure;
    if (this.committed.length === 0) return undefined;
    const taken: CommittedTransaction[] = [];
    let count = 0;
    while (this.committed.length > 0 && (taken.length === 0 || count + this.committed[0]!.messages.length <= limit)) {
      const transaction = this.committed.shift()!;
      taken.push(transaction);
      count += transaction.messages.length;
    }
    this.inFlight += taken.length;
    const endLsn = taken.at(-1)!.endLsn;
    return {
      messages: taken.flatMap((transaction) => transaction.messages),
      acknowledge: () => {
        this.inFlight -= taken.length;
        this.completed(endLsn);
        return Promise.resolve();
      },
    };
  }

  async stop(): Promise<void> {
    clearTimeout(this.confirmTimer);
    if (this.done !== undefined && this.failure === undefined) await this.confirm(this.done).catch(() => undefined);
    this.stopped = true;
    await this.service.destroy();
  }

  private receive(message: Pgoutput.Message): void {
    if (message.tag === 'begin') {
      this.receiving = [];
    } else if (message.tag === 'message') {
      if (message.transactional && message.prefix === WAL_OUTBOX_PREFIX) {
        this.receiving?.push(JSON.parse(Buffer.from(message.content).toString('utf8')) as OutboxMessage);
      }
    } else if (message.tag === 'commit') {
      const messages = this.receiving ?? [];
      this.receiving = undefined;
      if (messages.length === 0 || message.commitEndLsn === null) return;
      this.committed.push({ messages, endLsn: parseLsn(message.commitEndLsn) });
      this.options.onChange();
    }
  }

  /**
   * The server has sent everything it decoded up to `lsn`. With nothing read and not yet let go,
   * and no transaction half received, the slot may move there (a transaction in progress whose
   * commit comes later is decoded all the same: the slot keeps its start). Otherwise the answer,
   * when one is asked for, repeats the position confirmed last.
   */
  private async keepalive(lsn: string, shouldRespond: boolean): Promise<void> {
    const idle = this.committed.length === 0 && this.inFlight === 0 && this.receiving === undefined;
    if (idle) this.completed(parseLsn(lsn));
    const position = this.done ?? this.confirmed;
    if (shouldRespond && position !== undefined) await this.confirm(position);
  }

  /** Everything up to `lsn` is published: the slot is told soon, with whatever follows meanwhile. */
  private completed(lsn: bigint): void {
    if (this.done === undefined || lsn > this.done) this.done = lsn;
    this.confirmTimer ??= setTimeout(() => {
      this.confirmTimer = undefined;
      if (this.done !== undefined) this.confirm(this.done).catch((error: unknown) => this.fail(error));
    }, CONFIRM_AFTER_MS);
  }

  private async confirm(lsn: bigint): Promise<void> {
    if (this.stopped || (this.confirmed !== undefined && lsn < this.confirmed)) return;
    this.confirmed = lsn;
    // The library reports the position it is given plus one byte ("the last byte received, plus
    // one"); the slot must confirm exactly the end of the last transaction published: a commit
    // record starting there is of a transaction not yet published.
    await this.service.acknowledge(formatLsn(lsn - 1n));
  }

  private fail(error: unknown): void {
    if (this.stopped) return;
    this.failure ??= error instanceof Error ? error : new Error(String(error));
    this.options.onChange();
  }
}

function parseLsn(lsn: string): bigint {
  const [high, low] = lsn.split('/') as [string, string];
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
}

function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}
