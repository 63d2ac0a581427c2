import { CLUSTER_PROGRAMME_AGENCIES } from '@klynge/contracts';
import { type Caller, type Ownership, requireOwner } from '@klynge/platform';

/**
 * Who may do what in the cluster registry, by the platform's one ownership rule (requireOwner).
 * The registry belongs to the cluster programme, so its agencies' caseworkers keep it:
 * - admins and those caseworkers register clusters and change their level, and edit any cluster;
 * - a cluster manager edits only their own cluster and its memberships;
 * - any cluster manager may register an organisation (it belongs to no cluster until it joins);
 * - the manager's contact details are personal data: only those who may edit the cluster see them.
 */
const registry: Ownership = { agencies: CLUSTER_PROGRAMME_AGENCIES };
const cluster = (clusterId: string): Ownership => ({ agencies: CLUSTER_PROGRAMME_AGENCIES, clusters: [clusterId] });

export function mayEditCluster(caller: Caller | undefined, clusterId: string): boolean {
  try {
    requireOwner(caller, cluster(clusterId), 'edit this cluster');
    return true;
  } catch {
    return false;
  }
}

export function requireRegistrar(caller: Caller | undefined, action: string): Caller {
  return requireOwner(caller, registry, action, ['admin', 'caseworker']);
}

export function requireClusterEditor(caller: Caller | undefined, clusterId: string, action: string): Caller {
  return requireOwner(caller, cluster(clusterId), action);
}

export function requireOrganizationRegistrar(caller: Caller | undefined): Caller {
  return requireOwner(caller, { ...registry, clusters: 'any' }, 'register organisations');
}
