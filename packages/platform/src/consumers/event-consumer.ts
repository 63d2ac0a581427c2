import type { EventContract, EventEnvelope } from '../events';
import type { Logger } from '../logging';
import type { Transaction } from '../outbox';

export interface EventHandlerContext extends Transaction {
  readonly logger: Logger;
}

export type EventHandler<TData extends object> = (event: EventEnvelope<TData>, context: EventHandlerContext) => Promise<void>;

interface Registration {
  readonly contract: EventContract;
  readonly handle: EventHandler<object>;
}

/**
 * A named reaction to other services' events, for example a local read model. Each handler runs
 * inside a transaction that also records the event as consumed, so it takes effect exactly once
 * however often the event is delivered; events it publishes go through the same transaction.
 *
 *   export const clusterDirectory = eventConsumer('cluster-directory')
 *     .on(ClusterRegistered, async (event, { manager }) => { ... });
 */
export class EventConsumer {
  private readonly registrations = new Map<string, Registration>();
  private tables: readonly string[] = [];

  constructor(readonly name: string) {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`Consumer name "${name}" must be kebab-case`);
  }

  on<TData extends object>(contract: EventContract<TData>, handle: EventHandler<TData>): this {
    if (this.registrations.has(contract.type)) {
      throw new Error(`Consumer "${this.name}" already handles ${contract.type}`);
    }
    this.registrations.set(contract.type, { contract, handle: handle as EventHandler<object> });
    return this;
  }

  /**
   * Declares the read model this consumer alone keeps: tables it fills from events and nothing
   * else writes. `npm run replay` may then empty them and rebuild them from the start of the log.
   */
  readModel(...tables: string[]): this {
    const bad = tables.find((table) => !/^[a-z_][a-z0-9_]*$/.test(table));
    if (bad !== undefined) throw new Error(`Read model table "${bad}" must be a plain lower-case table name`);
    this.tables = [...new Set([...this.tables, ...tables])];
    return this;
  }

  /** The tables of its read model; none for a consumer whose events change a service's own data. */
  get readModelTables(): readonly string[] {
    return this.tables;
  }

  /** The event types this consumer handles. */
  get contracts(): EventContract[] {
    return [...this.registrations.values()].map(({ contract }) => contract);
  }

  /** The logical topics this consumer reads. */
  get topics(): string[] {
    return [...new Set([...this.registrations.values()].map(({ contract }) => contract.topic))];
  }

  /** The registration for an event type, or undefined: a topic may carry types this consumer ignores. */
  handlerFor(type: string): Registration | undefined {
    return this.registrations.get(type);
  }
}

export function eventConsumer(name: string): EventConsumer {
  return new EventConsumer(name);
}
