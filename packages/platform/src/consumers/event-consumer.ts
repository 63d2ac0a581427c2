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
