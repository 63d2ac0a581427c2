import {
  type DataSource,
  type EntityManager,
  type QueryRunner,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';
import { DatabaseConnectionLostError } from '../database/postgres-errors';
import type { EventContract, EventEnvelope } from '../events';
import type { Outbox, PublishInput } from './outbox';

/** One transaction: the writes made through `manager` and the events published through `publish`. */
export interface Transaction {
  readonly manager: EntityManager;
  /** A bound function, safe to destructure: `async ({ manager, publish }) => ...`. */
  readonly publish: <TData extends object>(contract: EventContract<TData>, input: PublishInput<TData>) => Promise<EventEnvelope<TData>>;
}

export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/**
 * How domain code changes state: everything inside `run` commits together, events included, or
 * nothing does.
 *
 *   await unitOfWork.run(async ({ manager, publish }) => {
 *     await manager.save(cluster);
 *     await publish(ClusterRegistered, { subject: cluster.id, data: { ... } });
 *   });
 */
export class UnitOfWork {
  private readonly announcer: CommitAnnouncer;

  /** `relay`: this process's outbox relay, woken directly when it is the one publishing. */
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    options: { readonly relay?: LocalRelay } = {},
  ) {
    this.announcer = new CommitAnnouncer(dataSource, options.relay);
  }

  async run<T>(work: (tx: Transaction) => Promise<T>, isolation: IsolationLevel = 'READ COMMITTED'): Promise<T> {
    // When the connection fails between two statements (the server shuts down, the network
    // drops), TypeORM releases the transaction's query runner, and the next statement (or the
    // COMMIT, which is then never sent) throws "Query runner already released", which says
    // nothing of why. The connection is watched from before the transaction starts, so that
    // such a failure reads as what it is.
    const queryRunner = this.dataSource.createQueryRunner();
    let lost: unknown;
    let unwatch: (() => void) | undefined;
    try {
      unwatch = watchConnection(await queryRunner.connect(), (error) => (lost ??= error));
      let published = false;
      const beforeCommit: string[] = [];
      sendWithCommit(queryRunner, beforeCommit);
      const inTransaction = (manager: EntityManager) => work(this.bind(manager, () => (published = true), beforeCommit));
      // READ COMMITTED is PostgreSQL's default: no SET TRANSACTION round trip for it.
      const result = await (isolation === 'READ COMMITTED'
        ? queryRunner.manager.transaction(inTransaction)
        : queryRunner.manager.transaction(isolation, inTransaction));
      if (published) this.announcer.announce();
      return result;
    } catch (error) {
      const released = error instanceof QueryRunnerAlreadyReleasedError || error instanceof QueryRunnerProviderAlreadyReleasedError;
      if (released && lost !== undefined) throw new DatabaseConnectionLostError(lost);
      throw error;
    } finally {
      unwatch?.();
      await queryRunner.release();
    }
  }

  /**
   * The {@link Transaction} view of a transaction someone else opened (an event handler's).
   * `beforeCommit`: statements collected for this unit of work's own COMMIT (see sendWithCommit).
   */
  bind(manager: EntityManager, onPublish?: () => void, beforeCommit?: string[]): Transaction {
    return {
      manager,
      publish: (contract, input) => {
        onPublish?.();
        return this.outbox.add(manager, contract, input, beforeCommit);
      },
    };
  }
}

/** What a unit of work needs of the outbox relay in its own process. */
export interface LocalRelay {
  /** Wakes the relay if it is the one publishing for the database; answers whether it was. */
  wakeIfLeading(): boolean;
}

/**
 * Tells the outbox relay that events were committed, after the commit: directly when the relay
 * publishing is this process's, otherwise with a NOTIFY its connection listens for, one at a time
 * (commits meanwhile share the next one). The NOTIFY is deliberately not part of the writing
 * transaction: PostgreSQL serialises the commits of transactions that NOTIFY (a database-wide lock
 * held through the commit's disk flush), which held concurrent writers to one commit per flush
 * (~300 events/s here, npm run bench:events). A NOTIFY lost to a failure leaves the events to the
 * relay's fallback poll.
 */
class CommitAnnouncer {
  private sending = false;
  private again = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: LocalRelay | undefined,
  ) {}

  announce(): void {
    if (this.relay?.wakeIfLeading()) return;
    if (this.sending) {
      this.again = true;
      return;
    }
    this.sending = true;
    void this.send();
  }

  private async send(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.dataSource.query('NOTIFY outbox_events');
      } while (this.again);
    } catch {
      // The relay's fallback poll finds the events.
    } finally {
      this.sending = false;
    }
  }
}

/**
 * Sends `statements` (the WAL outbox's messages, see Outbox.add) in the round trip of the
 * transaction's COMMIT, as one simple query, instead of one round trip each before it: that
 * round trip was most of what an event added to its write (~0.2 of ~0.3 ms on a 1.3 ms write
 * here). TypeORM commits with the statement `COMMIT` through the query runner, which is this
 * unit of work's own and released after it; a failing statement fails the COMMIT with it, and
 * the transaction rolls back. A rollback never sends them.
 */
function sendWithCommit(queryRunner: QueryRunner, statements: string[]): void {
  const query = queryRunner.query.bind(queryRunner) as (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;
  const withStatements = (sql: string, parameters?: unknown[], structured?: boolean) =>
    query(sql === 'COMMIT' && statements.length > 0 ? `${statements.splice(0).join('; ')}; COMMIT` : sql, parameters, structured);
  queryRunner.query = withStatements as QueryRunner['query'];
}

/** Calls `onError` when `connection` (a pg client) fails; answers how to stop watching. */
function watchConnection(connection: unknown, onError: (error: unknown) => void): (() => void) | undefined {
  const events = connection as { on?: unknown; off?: unknown } | undefined;
  if (typeof events?.on !== 'function' || typeof events.off !== 'function') return undefined;
  const emitter = connection as {
    on(event: 'error', listener: (error: unknown) => void): void;
    off(event: 'error', listener: (error: unknown) => void): void;
  };
  emitter.on('error', onError);
  return () => emitter.off('error', onError);
}
