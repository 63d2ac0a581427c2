import { ForbiddenError, UnauthenticatedError } from './errors';

/** The roles a caller may hold (the gateway's tokens carry them). */
export const ROLES = ['viewer', 'cluster-manager', 'caseworker', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: taken from the request by the service's authenticator; absent for anonymous callers. */
export interface Caller {
  readonly subject: string;
  readonly roles: readonly Role[];
  /** The agency a caseworker works for, e.g. `innovasjon-norge`. */
  readonly agency?: string;
  /** The cluster a cluster manager manages. */
  readonly clusterId?: string;
  /**
   * The unit a staff member works for: a part of a partner's domain with staff of its own, named
   * by the subgraph that owns it as `<kind>:<id>`, e.g. `catapult-centre:<uuid>`.
   */
  readonly unit?: string;
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

/**
 * Who owns what a write changes: the agencies whose caseworkers answer for it, and the clusters
 * whose managers do (`any` when any cluster's manager may, as for a new organisation).
 */
export interface Ownership {
  readonly agencies: readonly string[];
  readonly clusters?: readonly string[] | 'any';
  /** The units whose staff answer for it (see Caller.unit). */
  readonly units?: readonly string[];
}

const EVERY_ROLE: readonly Role[] = ['admin', 'caseworker', 'cluster-manager', 'staff'];

/**
 * The one rule every mutation in Klynge applies: among the `roles` that may take the action at
 * all, an admin may; a caseworker may only where their agency owns it; a cluster manager only
 * where their cluster does; a staff member only where their unit does. No caller is UNAUTHENTICATED; anyone else is FORBIDDEN, before
 * anything is written.
 */
export function requireOwner(caller: Caller | undefined, owner: Ownership, action: string, roles: readonly Role[] = EVERY_ROLE): Caller {
  const known = requireCaller(caller);
  const may = (role: Role) => roles.includes(role) && known.roles.includes(role);
  if (may('admin')) return known;
  if (may('caseworker') && known.agency !== undefined && owner.agencies.includes(known.agency)) return known;
  if (
    may('cluster-manager') &&
    known.clusterId !== undefined &&
    (owner.clusters === 'any' || (owner.clusters ?? []).includes(known.clusterId))
  ) {
    return known;
  }
  if (may('staff') && known.unit !== undefined && (owner.units ?? []).includes(known.unit)) return known;
  throw new ForbiddenError(`Only ${describe(owner, roles)} may ${action}`);
}

function describe(owner: Ownership, roles: readonly Role[]): string {
  const who: string[] = [];
  if (roles.includes('admin')) who.push('an admin');
  if (roles.includes('caseworker')) who.push(`a caseworker of ${owner.agencies.length > 0 ? owner.agencies.join(' or ') : 'its agency'}`);
  if (roles.includes('cluster-manager') && owner.clusters !== undefined) {
    who.push(owner.clusters === 'any' ? 'a cluster manager' : "its cluster's manager");
  }
  if (roles.includes('staff') && (owner.units ?? []).length > 0) who.push(`the staff of ${owner.units!.join(' or ')}`);
  return new Intl.ListFormat('en-GB', { type: 'disjunction' }).format(who);
}
