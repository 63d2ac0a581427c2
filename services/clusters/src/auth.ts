import { type Caller, hasRole, requireCaller, requireRole, ForbiddenError } from '@klynge/platform';

/**
 * Who may do what in the cluster registry:
 * - admins and caseworkers register clusters and change their level, and edit any cluster;
 * - a cluster manager edits only their own cluster and its memberships;
 * - the manager's contact details are personal data: only those who may edit the cluster see them.
 */
export function mayEditCluster(caller: Caller | undefined, clusterId: string): boolean {
  return hasRole(caller, 'admin', 'caseworker') || (hasRole(caller, 'cluster-manager') && caller?.clusterId === clusterId);
}

export function requireRegistrar(caller: Caller | undefined, action: string): Caller {
  return requireRole(caller, ['admin', 'caseworker'], action);
}

export function requireClusterEditor(caller: Caller | undefined, clusterId: string, action: string): Caller {
  const known = requireCaller(caller);
  if (!mayEditCluster(known, clusterId)) {
    throw new ForbiddenError(`Only an admin, a caseworker or this cluster's manager may ${action}`);
  }
  return known;
}

/** Any signed-in caller except a read-only viewer. */
export function requireContributor(caller: Caller | undefined, action: string): Caller {
  return requireRole(caller, ['admin', 'caseworker', 'cluster-manager'], action);
}
