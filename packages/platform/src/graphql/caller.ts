import { ForbiddenError, UnauthenticatedError } from './errors';

/** The roles a caller may hold (the gateway's tokens carry them). */
export const ROLES = ['viewer', 'cluster-manager', 'caseworker', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: taken from the request by the service's authenticator; absent for anonymous callers. */
export interface Caller {
  readonly subject: string;
  readonly roles: readonly Role[];
  /** The agency a caseworker works for, e.g. `innovasjon-norge`. */
  readonly agency?: string;
  /** The cluster a cluster manager manages. */
  readonly clusterId?: string;
}

export function hasRole(caller: Caller | undefined, ...roles: Role[]): boolean {
  return caller !== undefined && caller.roles.some((role) => roles.includes(role));
}

/** The caller, or UNAUTHENTICATED. */
export function requireCaller(caller: Caller | undefined): Caller {
  if (!caller) throw new UnauthenticatedError();
  return caller;
}

/** The caller if they hold one of `roles`; otherwise UNAUTHENTICATED or FORBIDDEN. */
export function requireRole(caller: Caller | undefined, roles: readonly Role[], action: string): Caller {
  const known = requireCaller(caller);
  if (!hasRole(known, ...roles)) throw new ForbiddenError(`Only ${roles.join(' or ')} may ${action}`);
  return known;
}
