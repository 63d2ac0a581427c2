import { registeredAgencies, subgraphRegistry, type SubgraphEntry } from '@klynge/schemas';

/** The Kafka broker's super user: the broker itself, and the operator who sets the others up. */
export const KAFKA_ADMIN = 'admin';

/**
 * The gateways' principal: it reads every event topic, to drop the response cache's answers an
 * event touches, with consumer groups of its own (`gateway.`), and writes nothing.
 */
export const GATEWAY_PRINCIPAL = 'gateway';

/** The principal a service connects to Kafka as: `clusters-service` for clusters. */
export function servicePrincipal(service: string): string {
  return `${service}-service`;
}

/**
 * Every principal the Kafka broker knows, from the registry: the admin, the gateways', one per
 * service, and one per agency that owns a subgraph, which the agency's own clients use.
 */
export function kafkaPrincipals(registry: readonly SubgraphEntry[] = subgraphRegistry()): string[] {
  return [KAFKA_ADMIN, GATEWAY_PRINCIPAL, ...registry.map((entry) => servicePrincipal(entry.name)), ...registeredAgencies(registry)];
}
