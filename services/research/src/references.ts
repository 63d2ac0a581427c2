import { clusterReference } from '@klynge/read-models';

/** The clusters subgraph's Cluster, seen from this subgraph: it adds the notes about it. */
export const ClusterReference = clusterReference();
export type ClusterReference = InstanceType<typeof ClusterReference>;
