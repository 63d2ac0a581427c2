import type { DataSource, EntityManager } from 'typeorm';
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

  run<T>(work: (tx: Transaction) => Promise<T>, isolation: IsolationLevel = 'READ COMMITTED'): Promise<T> {
    return this.dataSource.transaction(isolation, (manager) => work(this.bind(manager)));
  }

  /** The {@link Transaction} view of a transaction someone else opened (an event handler's). */
  bind(manager: EntityManager): Transaction {
    return { manager, publish: (contract, input) => this.outbox.add(manager, contract, input) };
  }
}
