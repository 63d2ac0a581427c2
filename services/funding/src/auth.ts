import { type Caller, ForbiddenError, hasRole, requireCaller, requireRole } from '@klynge/platform';

/**
 * Who may do what with the money:
 * - admins, and caseworkers of the agency that owns a programme, set up its budgets and calls,
 *   and record payments;
 * - only a caseworker of the owning agency reviews and decides its applications;
 * - a cluster manager applies for their own cluster; admins and caseworkers for any applicant.
 */
export function requireAgencyStaff(caller: Caller | undefined, agencyCode: string, action: string): Caller {
  const known = requireCaller(caller);
  if (hasRole(known, 'admin') || (hasRole(known, 'caseworker') && known.agency === agencyCode)) return known;
  throw new ForbiddenError(`Only an admin or a caseworker of ${agencyCode} may ${action}`);
}

export function requireAgencyCaseworker(caller: Caller | undefined, agencyCode: string, action: string): Caller {
  const known = requireCaller(caller);
  if (hasRole(known, 'caseworker') && known.agency === agencyCode) return known;
  throw new ForbiddenError(`Only a caseworker of ${agencyCode} may ${action}`);
}

export function requireApplicantSide(
  caller: Caller | undefined,
  applicant: { clusterId: string | null },
  action: string,
): Caller {
  const known = requireRole(caller, ['admin', 'caseworker', 'cluster-manager'], action);
  if (hasRole(known, 'cluster-manager') && !hasRole(known, 'admin', 'caseworker')) {
    if (applicant.clusterId === null || known.clusterId !== applicant.clusterId) {
      throw new ForbiddenError(`A cluster manager may only ${action} for their own cluster`);
    }
  }
  return known;
}

export function requireAdmin(caller: Caller | undefined, action: string): Caller {
  return requireRole(caller, ['admin'], action);
}
