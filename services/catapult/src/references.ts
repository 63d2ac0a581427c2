import { clusterReference, organizationReference } from '@klynge/read-models';

/** The clusters subgraph's Cluster, seen from this subgraph: it adds the centres and nodes behind it. */
export const ClusterReference = clusterReference();
export type ClusterReference = InstanceType<typeof ClusterReference>;

/** The clusters subgraph's Organization: this subgraph adds its catapult projects. */
export const OrganizationReference = organizationReference();
export type OrganizationReference = InstanceType<typeof OrganizationReference>;
