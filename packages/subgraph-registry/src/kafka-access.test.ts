import { registeredAgencies, subgraphRegistry } from '@klynge/schemas';
import {
  eventConsumptions,
  type KafkaAcl,
  kafkaAccessPlan,
  kafkaAccessScope,
  kafkaPrincipals,
  loadSubgraphs,
  servicePrincipal,
} from './index';

/** The rules as the broker reads them: may `principal` do `operation` on topic or group `name`? */
function allows(plan: readonly KafkaAcl[], principal: string, resource: KafkaAcl['resource'], name: string, operation: string): boolean {
  return plan.some(
    (acl) =>
      acl.principal === principal &&
      acl.resource === resource &&
      (acl.prefixed ? name.startsWith(acl.name) : name === acl.name) &&
      acl.operations.includes(operation as KafkaAcl['operations'][number]),
  );
}

describe("the broker's ACLs, from the registry", () => {
  const subgraphs = loadSubgraphs();
  const registry = subgraphRegistry();
  const plan = kafkaAccessPlan({ subgraphs });
  const topics = [...new Set(subgraphs.flatMap((subgraph) => (subgraph.definition.publishes ?? []).map((contract) => contract.topic)))];
  const domainOf = (topic: string) => topic.split('.')[0]!;

  it("has a principal per service and per agency that owns a subgraph, besides the admin and the gateways'", () => {
    expect(kafkaPrincipals()).toEqual(['admin', 'gateway', ...registry.map((entry) => `${entry.name}-service`), ...registeredAgencies()]);
    expect(new Set(plan.map((acl) => acl.principal))).toEqual(new Set(kafkaPrincipals().filter((principal) => principal !== 'admin')));
  });

  it("lets each service write its own domains' topics only, and read what its consumers read", () => {
    for (const entry of registry) {
      const principal = servicePrincipal(entry.name);
      for (const topic of topics) {
        expect({ principal, topic, write: allows(plan, principal, 'topic', topic, 'WRITE') }).toEqual({
          principal,
          topic,
          write: entry.publishes.includes(domainOf(topic)),
        });
      }
      for (const { contract } of eventConsumptions(subgraphs).filter(({ service }) => service === entry.name)) {
        expect(allows(plan, principal, 'topic', contract.topic, 'READ')).toBe(true);
        expect(allows(plan, principal, 'topic', `${contract.topic}.dlq`, 'WRITE')).toBe(true);
      }
      expect(allows(plan, principal, 'group', `${entry.name}.grant-ledger`, 'READ')).toBe(true);
      expect(allows(plan, principal, 'group', 'siva.anything', 'READ')).toBe(false);
    }
  });

  it("lets each agency read every public topic and its own subgraphs' dead letters, use only its own groups, and write nothing", () => {
    for (const agency of registeredAgencies()) {
      const owned = registry.filter((entry) => entry.owner === agency).flatMap((entry) => entry.publishes);
      for (const topic of topics) {
        expect(allows(plan, agency, 'topic', topic, 'READ')).toBe(true);
        // The dead letters of its own subgraphs' topics only.
        expect({ agency, topic, readsDeadLetters: allows(plan, agency, 'topic', `${topic}.dlq`, 'READ') }).toEqual({
          agency,
          topic,
          readsDeadLetters: owned.includes(domainOf(topic)),
        });
        expect({ agency, topic, write: allows(plan, agency, 'topic', topic, 'WRITE') }).toEqual({ agency, topic, write: false });
        expect(allows(plan, agency, 'topic', `${topic}.dlq`, 'WRITE')).toBe(false);
      }
      expect(allows(plan, agency, 'group', `${agency}.reader`, 'READ')).toBe(true);
      expect(allows(plan, agency, 'group', 'funding.grant-ledger', 'READ')).toBe(false);
      expect(
        plan.filter(
          (acl) =>
            acl.principal === agency &&
            acl.operations.some((operation) => operation !== 'READ' && operation !== 'DESCRIBE' && operation !== 'DELETE'),
        ),
      ).toEqual([]);
    }
    expect(allows(plan, 'siva', 'topic', 'catapult.centre.v1', 'WRITE')).toBe(false);
    expect(allows(plan, 'siva', 'topic', 'catapult.centre.v1.dlq', 'READ')).toBe(true);
    expect(allows(plan, 'siva', 'topic', 'clusters.cluster.v1.dlq', 'READ')).toBe(false);
    expect(allows(plan, 'catapult-service', 'topic', 'catapult.centre.v1', 'WRITE')).toBe(true);
  });

  it('lets the gateways read every public topic with groups of their own, and nothing else', () => {
    for (const topic of topics) {
      expect({ topic, read: allows(plan, 'gateway', 'topic', topic, 'READ') }).toEqual({ topic, read: true });
      expect({ topic, write: allows(plan, 'gateway', 'topic', topic, 'WRITE') }).toEqual({ topic, write: false });
      expect(allows(plan, 'gateway', 'topic', `${topic}.dlq`, 'READ')).toBe(false);
    }
    expect(allows(plan, 'gateway', 'group', 'gateway.response-cache.1', 'READ')).toBe(true);
    expect(allows(plan, 'gateway', 'group', 'funding.grant-ledger', 'READ')).toBe(false);
    expect(
      plan.filter(
        (acl) => acl.principal === 'gateway' && acl.operations.some((operation) => !['READ', 'DESCRIBE', 'DELETE'].includes(operation)),
      ),
    ).toEqual([]);
    const named = (name: string) => ({ ...registry[0]!, name, package: `@klynge/${name}`, owner: registry[0]!.owner });
    expect(() => kafkaAccessPlan({ subgraphs, registry: [...registry, named('gateway')] })).toThrow(/gateways' name on Kafka/);
  });

  it("puts KAFKA_TOPIC_PREFIX before every topic and group, so a test's rules cover its own topics only", () => {
    const prefixed = kafkaAccessPlan({ subgraphs, topicPrefix: 't1.' });
    expect(prefixed.every((acl) => acl.name.startsWith('t1.'))).toBe(true);
    expect(allows(prefixed, 'catapult-service', 'topic', 't1.catapult.centre.v1', 'WRITE')).toBe(true);
    expect(allows(prefixed, 'catapult-service', 'topic', 'catapult.centre.v1', 'WRITE')).toBe(false);
  });

  it("governs, when applied again, the registry's principals' rules on names of the registry under its own prefix only", () => {
    const scope = kafkaAccessScope({ topicPrefix: 't1.' });
    expect(scope.principals).toEqual(kafkaPrincipals().filter((principal) => principal !== 'admin'));
    // Whatever the plan names is covered, so a sync never takes away what it has just granted.
    const prefixed = kafkaAccessPlan({ subgraphs, topicPrefix: 't1.' });
    expect(prefixed.filter((acl) => !scope.covers(acl.name))).toEqual([]);
    // So is what an earlier plan named there and this one does not.
    expect(scope.covers('t1.clusters.')).toBe(true);
    expect(scope.covers('t1.siva.old-group')).toBe(true);
    // Not another prefix's (a test file's, another deployment's), nor names the registry does not give.
    expect(scope.covers('clusters.cluster.v1')).toBe(false);
    expect(scope.covers('t2.clusters.cluster.v1')).toBe(false);
    expect(scope.covers('t1.unregistered.topic.v1')).toBe(false);
    expect(kafkaAccessScope().covers('t1.clusters.cluster.v1')).toBe(false);
    expect(kafkaAccessScope().covers('clusters.cluster.v1')).toBe(true);
  });
});
