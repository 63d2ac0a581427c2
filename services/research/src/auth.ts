import { type Caller, hasRole, requireOwner } from '@klynge/platform';
import { registeredSubgraph } from '@klynge/schemas';

/** The agency that owns this subgraph (schemas/subgraphs.json): Forskningsrådet. */
const OWNER = registeredSubgraph('research').owner;

/** Imports, calls, every write: admins and the owning agency's caseworkers. */
export function requireResearchWriter(caller: Caller | undefined, action: string): Caller {
  return requireOwner(caller, { agencies: [OWNER] }, action, ['admin', 'caseworker']);
}

/** Personal data (a project's manager): only Forskningsrådet's own roles see it. */
export function maySeePersonalData(caller: Caller | undefined): boolean {
  return hasRole(caller, 'admin') || (hasRole(caller, 'caseworker') && caller?.agency === OWNER);
}
