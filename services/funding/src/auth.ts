import { type Caller, type Ownership, requireOwner, requireRole } from '@klynge/platform';

/**
 * Who may do what with the money, by the platform's one ownership rule (requireOwner). What a
 * programme's money touches belongs to the agency that owns the programme:
 * - admins, and caseworkers of that agency, set up its budgets and calls, and record payments;
 * - only a caseworker of that agency reviews and decides its applications;
 * - an application belongs to that agency and to the applying cluster: admins, the agency's
 *   caseworkers and the cluster's manager create, submit and withdraw it.
 */
export function requireAgencyStaff(caller: Caller | undefined, agencyCode: string, action: string): Caller {
  return requireOwner(caller, { agencies: [agencyCode] }, action, ['admin', 'caseworker']);
}

export function requireAgencyCaseworker(caller: Caller | undefined, agencyCode: string, action: string): Caller {
  return requireOwner(caller, { agencies: [agencyCode] }, action, ['caseworker']);
}

export function requireApplicantSide(
  caller: Caller | undefined,
  application: { agencyCode: string; clusterId: string | null },
  action: string,
): Caller {
  const owner: Ownership = { agencies: [application.agencyCode], clusters: application.clusterId === null ? [] : [application.clusterId] };
  return requireOwner(caller, owner, action);
}

/** Whether the caller may see who took an application's steps: those who could take them. */
export function mayReadApplicantSide(caller: Caller | undefined, application: { agencyCode: string; clusterId: string | null }): boolean {
  try {
    requireApplicantSide(caller, application, 'read its steps');
    return true;
  } catch {
    return false;
  }
}

export function requireAdmin(caller: Caller | undefined, action: string): Caller {
  return requireRole(caller, ['admin'], action);
}
