import type { KafkaAccessScope, KafkaAcl } from '@klynge/broker-kafka';
import type { EventContract, Subgraph } from '@klynge/platform';
import { registeredAgencies as agencies, subgraphRegistry, type SubgraphEntry } from '@klynge/schemas';
import { GATEWAY_PRINCIPAL, KAFKA_ADMIN, kafkaPrincipals, servicePrincipal } from './kafka-principals';
import { loadSubgraphs } from './load-subgraphs';

export type { KafkaAccessScope, KafkaAcl };

/** One consumer of a service reading one event type: who consumes what, as each subgraph declares it. */
export interface EventConsumption {
  readonly service: string;
  readonly consumer: string;
  readonly contract: EventContract;
}

/** Every subgraph's event consumers, as it declares them (nothing is started). */
export function eventConsumptions(subgraphs: readonly Subgraph[] = loadSubgraphs()): EventConsumption[] {
  return subgraphs.flatMap((subgraph) => {
    // Consumers are built from the service's dependencies, which they keep for when they run.
    const consumers = subgraph.definition.consumers?.({ config: {}, dataSource: {}, unitOfWork: {}, logger: {} } as never) ?? [];
    return consumers.flatMap((consumer) =>
      consumer.contracts.map((contract) => ({ service: subgraph.name, consumer: consumer.name, contract })),
    );
  });
}

/**
 * What each principal may do on the broker, from the registry and the event contracts:
 *
 * - a service writes its own domains' topics (`<domain>.` and their dead-letter topics) and reads
 *   those dead-letter topics (it wrote the events consumers parked there), reads the topics it
 *   consumes and writes their dead-letter topics, and uses the consumer groups named
 *   after it (`<service>.`, deleting them for a replay). It may also create a topic it consumes:
 *   services start in any order, and a consumer must not wait for its neighbour to be up.
 * - an agency reads every public (event) topic, and the dead-letter topics of its own subgraphs'
 *   topics, to see why consumers parked its services' events (each dead letter's headers carry
 *   the consumer's error, which is why other agencies' stay closed to it). It uses only consumer
 *   groups with its own prefix (`<agency>.`). It writes no topic, not even its own subgraphs':
 *   only a service's principal writes its events, so an event on `<domain>.` comes from the
 *   service that owns the domain (its `source` cannot be forged by anyone else the broker lets
 *   in). A partner publishes through its own service.
 *
 * Anything else is refused (the broker runs with allow.everyone.if.no.acl.found=false).
 * `topicPrefix` is KAFKA_TOPIC_PREFIX: tests apply the same rules to topics of their own.
 */
export function kafkaAccessPlan(
  options: { readonly topicPrefix?: string; readonly subgraphs?: readonly Subgraph[]; readonly registry?: readonly SubgraphEntry[] } = {},
): KafkaAcl[] {
  const prefix = options.topicPrefix ?? '';
  const registry = options.registry ?? subgraphRegistry();
  const subgraphs = options.subgraphs ?? loadSubgraphs();
  const clash = registry.find((entry) => agencies(registry).includes(entry.name));
  if (clash) throw new Error(`${clash.name} names both a service and an agency: their consumer groups would be one`);
  const gatewayClash = [...registry.map((entry) => entry.name), ...agencies(registry)].find((name) => name === GATEWAY_PRINCIPAL);
  if (gatewayClash)
    throw new Error(`${gatewayClash} is the gateways' name on Kafka: a service or agency of that name would share their consumer groups`);

  const consumed = eventConsumptions(subgraphs);
  const publicTopics = [
    ...new Set(subgraphs.flatMap((subgraph) => (subgraph.definition.publishes ?? []).map((contract) => contract.topic))),
  ].sort();
  const domainTopics = (principal: string, domains: readonly string[], operations: KafkaAcl['operations']): KafkaAcl[] =>
    domains.map((domain) => ({ principal, resource: 'topic', name: `${prefix}${domain}.`, prefixed: true, operations }));
  const readsTopic = (principal: string, topic: string): KafkaAcl => ({
    principal,
    resource: 'topic',
    name: `${prefix}${topic}`,
    prefixed: false,
    operations: ['READ', 'DESCRIBE'],
  });
  const groups = (principal: string, name: string): KafkaAcl => ({
    principal,
    resource: 'group',
    name: `${prefix}${name}.`,
    prefixed: true,
    operations: ['READ', 'DESCRIBE', 'DELETE'],
  });

  const services = registry.flatMap((entry): KafkaAcl[] => {
    const principal = servicePrincipal(entry.name);
    const reads = [...new Set(consumed.filter(({ service }) => service === entry.name).map(({ contract }) => contract.topic))].sort();
    const ownTopics = publicTopics.filter((topic) => entry.publishes.includes(topic.split('.')[0]!));
    return [
      ...domainTopics(principal, entry.publishes, ['WRITE', 'CREATE', 'DESCRIBE']),
      // The one principal that writes these events may read why consumers parked them.
      ...ownTopics.map((topic): KafkaAcl => ({
        principal,
        resource: 'topic',
        name: `${prefix}${topic}.dlq`,
        prefixed: false,
        operations: ['READ', 'DESCRIBE'],
      })),
      ...reads.flatMap((topic): KafkaAcl[] => [
        { principal, resource: 'topic', name: `${prefix}${topic}`, prefixed: false, operations: ['READ', 'DESCRIBE', 'CREATE'] },
        { principal, resource: 'topic', name: `${prefix}${topic}.dlq`, prefixed: false, operations: ['WRITE', 'DESCRIBE', 'CREATE'] },
      ]),
      groups(principal, entry.name),
    ];
  });

  const partners = agencies(registry).flatMap((agency): KafkaAcl[] => {
    const ownDomains = registry.filter((entry) => entry.owner === agency).flatMap((entry) => entry.publishes);
    const ownTopics = publicTopics.filter((topic) => ownDomains.includes(topic.split('.')[0]!));
    return [
      ...publicTopics.map((topic) => readsTopic(agency, topic)),
      ...ownTopics.map((topic) => readsTopic(agency, `${topic}.dlq`)),
      groups(agency, agency),
    ];
  });

  // The gateways read every event (their response caches drop what an event touches) and write nothing.
  const gateway = [...publicTopics.map((topic) => readsTopic(GATEWAY_PRINCIPAL, topic)), groups(GATEWAY_PRINCIPAL, GATEWAY_PRINCIPAL)];

  return [...services, ...partners, ...gateway];
}

/**
 * The rules {@link kafkaAccessPlan} governs, for KafkaBroker.syncAccess: those of the registry's
 * principals (but the admin) on the topics and groups named after the registry's domains,
 * services and agencies under `topicPrefix`. A sync with it revokes what an earlier plan granted
 * and this one does not (the agencies' writes, say), while rules under another prefix (another
 * deployment on the same cluster, a test file's own topics) are not its business and stay.
 */
export function kafkaAccessScope(
  options: { readonly topicPrefix?: string; readonly registry?: readonly SubgraphEntry[] } = {},
): KafkaAccessScope {
  const prefix = options.topicPrefix ?? '';
  const registry = options.registry ?? subgraphRegistry();
  const roots = [
    ...new Set([...registry.flatMap((entry) => [entry.name, ...entry.publishes]), ...agencies(registry), GATEWAY_PRINCIPAL]),
  ].map((root) => `${prefix}${root}.`);
  return {
    principals: kafkaPrincipals(registry).filter((principal) => principal !== KAFKA_ADMIN),
    covers: (resourceName) => roots.some((root) => resourceName.startsWith(root)),
  };
}
