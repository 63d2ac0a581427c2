import { type Caller, ForbiddenError, hasRole, requireCaller, requireRole } from '@klynge/platform';

/**
 * Admins and caseworkers plan programmes; they and the managers of a programme's host clusters
 * run it (modules, status, enrolments).
 */
export function requirePlanner(caller: Caller | undefined): Caller {
  return requireRole(caller, ['admin', 'caseworker'], 'plan competence programmes');
}

export function requireProgrammeRunner(caller: Caller | undefined, hostClusterIds: readonly string[], action: string): Caller {
  const known = requireCaller(caller);
  if (hasRole(known, 'admin', 'caseworker')) return known;
  if (hasRole(known, 'cluster-manager') && known.clusterId !== undefined && hostClusterIds.includes(known.clusterId)) return known;
  throw new ForbiddenError(`Only an admin, a caseworker or a host cluster's manager may ${action}`);
}
