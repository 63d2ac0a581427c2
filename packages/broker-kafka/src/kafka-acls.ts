import { type AclEntry, type AclFilter, AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes } from 'kafkajs';

/** What a principal may do with a kind of resource, as Kafka's ACLs name it. */
export type KafkaOperation = 'READ' | 'WRITE' | 'CREATE' | 'DELETE' | 'DESCRIBE' | 'ALTER' | 'DESCRIBE_CONFIGS';

/**
 * One rule of Kafka's StandardAuthorizer, allowing `principal` the `operations` on a topic or a
 * consumer group: the one named `name`, or with `prefixed` every one whose name starts with it.
 */
export interface KafkaAcl {
  /** The SASL user name (the authorizer's `User:<name>`). */
  readonly principal: string;
  readonly resource: 'topic' | 'group';
  readonly name: string;
  readonly prefixed: boolean;
  readonly operations: readonly KafkaOperation[];
}

/**
 * The rules a sync of access governs (see {@link KafkaBroker.syncAccess}): those of `principals`
 * on the topics and consumer groups whose names `covers` accepts. Rules outside it (another
 * deployment's topic prefix, a principal nobody registered) are left as they are.
 */
export interface KafkaAccessScope {
  readonly principals: readonly string[];
  covers(resourceName: string): boolean;
}

/** A rule as kafkajs's admin sends it: one entry per operation, allowed from any host. */
export function aclEntries(acl: KafkaAcl): AclEntry[] {
  return acl.operations.map((operation) => ({
    resourceType: acl.resource === 'topic' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
    resourceName: acl.name,
    resourcePatternType: acl.prefixed ? ResourcePatternTypes.PREFIXED : ResourcePatternTypes.LITERAL,
    principal: `User:${acl.principal}`,
    host: '*',
    operation: AclOperationTypes[operation],
    permissionType: AclPermissionTypes.ALLOW,
  }));
}

/** One rule, exactly as the authorizer holds it: two rules are the same when their keys are. */
export function aclKey(entry: AclEntry): string {
  return JSON.stringify([
    entry.principal,
    entry.resourceType,
    entry.resourceName,
    entry.resourcePatternType,
    entry.host,
    entry.operation,
    entry.permissionType,
  ]);
}

/** A rule as an operator reads it in a log: `User:siva WRITE topic clusters.* from *`. */
export function describeAclEntry(entry: AclEntry): string {
  const named = <T extends Record<string, unknown>>(values: T, value: unknown) =>
    Object.keys(values).find((key) => values[key] === value) ?? String(value);
  const pattern = entry.resourcePatternType === ResourcePatternTypes.PREFIXED ? '*' : '';
  return `${entry.principal} ${named(AclOperationTypes, entry.operation)} ${named(AclResourceTypes, entry.resourceType).toLowerCase()} ${entry.resourceName}${pattern} from ${entry.host}`;
}

/** Whether `entry` is a rule on a topic or a consumer group that `scope` covers. */
export function governedBy(scope: KafkaAccessScope, entry: AclEntry): boolean {
  return (
    (entry.resourceType === AclResourceTypes.TOPIC || entry.resourceType === AclResourceTypes.GROUP) && scope.covers(entry.resourceName)
  );
}

/** The filter that finds every allow rule `principal` holds, on any resource. */
export function allowRulesOf(principal: string): AclFilter {
  return {
    resourceType: AclResourceTypes.ANY,
    resourcePatternType: ResourcePatternTypes.ANY,
    principal: `User:${principal}`,
    operation: AclOperationTypes.ANY,
    permissionType: AclPermissionTypes.ALLOW,
  };
}
