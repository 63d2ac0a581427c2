import { subgraphRegistry } from '@klynge/schemas';
import type { EventContract } from './event-contract';

/** The CloudEvents `source` of everything a service publishes (its outbox stamps it). */
export function sourceOfService(service: string): string {
  return `/klynge/${service}`;
}

/**
 * The one source an event of `contract` may come from: the service that owns its domain in the
 * subgraph registry (`publishes`). A domain no registered subgraph owns (a test's own) is owned by
 * the service of the same name.
 */
export function ownerSourceOf(contract: EventContract): string {
  const domain = contract.stream.domain;
  const owner = subgraphRegistry().find((entry) => (entry.publishes ?? []).includes(domain));
  return sourceOfService(owner?.name ?? domain);
}

/** An event of a type its source does not own: a client that may write to the topic is not thereby its owner. */
export class UntrustedEventSourceError extends Error {
  constructor(type: string, source: string, owner: string) {
    super(`${type} is published by ${owner} only; this one came from ${source}`);
    this.name = 'UntrustedEventSourceError';
  }
}
