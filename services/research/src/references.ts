import { clusterReference, organizationReference } from '@klynge/read-models';

/** The clusters subgraph's Cluster: this subgraph adds its members' research projects. */
export const ClusterReference = clusterReference();
export type ClusterReference = InstanceType<typeof ClusterReference>;

/** The clusters subgraph's Organization: this subgraph adds the projects it owns or takes part in. */
export const OrganizationReference = organizationReference();
export type OrganizationReference = InstanceType<typeof OrganizationReference>;
