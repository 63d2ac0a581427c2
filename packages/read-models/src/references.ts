// Decorators below read metadata through the Reflect API; the platform loads its polyfill.
import '@klynge/platform';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Federation stubs of the clusters subgraph's entities, for a subgraph that adds fields to them
 * (its own field resolvers) or points at them. Written once here; each subgraph makes its own
 * class with these, once, at load time: type-graphql keeps the fields field resolvers add on the
 * class, and several subgraphs share one process under `npm start`.
 *
 *   export const ClusterReference = clusterReference();
 *   export type ClusterReference = InstanceType<typeof ClusterReference>;
 */
export function clusterReference() {
  /** The clusters subgraph's Cluster, by its key. */
  @Directive('@key(fields: "id")')
  @ObjectType('Cluster', { description: 'An industry cluster in the Norwegian Innovation Clusters programme.' })
  class ClusterReference {
    @Field(() => ID, { description: "The cluster's id, a UUID: the key every subgraph refers to it by." })
    id!: string;
  }
  return ClusterReference;
}

export function organizationReference() {
  /** The clusters subgraph's Organization, by its key. */
  @Directive('@key(fields: "orgNumber")')
  @ObjectType('Organization', { description: 'A company, research institution or public body in the register.' })
  class OrganizationReference {
    @Field({ description: 'Organisation number (organisasjonsnummer), nine digits.' })
    orgNumber!: string;
  }
  return OrganizationReference;
}

/** The reference resolvers of stubs: the gateway sends a key, the subgraph's fields need only that. */
export const stubReferenceResolvers = {
  Cluster: (reference: Record<string, unknown>) => ({ id: String(reference.id) }),
  Organization: (reference: Record<string, unknown>) => ({ orgNumber: String(reference.orgNumber) }),
};
