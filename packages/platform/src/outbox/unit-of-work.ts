import { type DataSource, type EntityManager, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
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
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

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
      return await queryRunner.manager.transaction(isolation, (manager) => work(this.bind(manager)));
    } catch (error) {
      const released = error instanceof QueryRunnerAlreadyReleasedError || error instanceof QueryRunnerProviderAlreadyReleasedError;
      if (released && lost !== undefined) throw new DatabaseConnectionLostError(lost);
      throw error;
    } finally {
      unwatch?.();
      await queryRunner.release();
    }
  }

  /** The {@link Transaction} view of a transaction someone else opened (an event handler's). */
  bind(manager: EntityManager): Transaction {
    return { manager, publish: (contract, input) => this.outbox.add(manager, contract, input) };
  }
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
