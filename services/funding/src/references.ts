import { clusterReference, organizationReference } from '@klynge/read-models';

/** The clusters subgraph's entities, seen from funding: what they applied for and were granted. */
export const ClusterReference = clusterReference();
export type ClusterReference = InstanceType<typeof ClusterReference>;
export const OrganizationReference = organizationReference();
export type OrganizationReference = InstanceType<typeof OrganizationReference>;
