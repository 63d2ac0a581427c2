import { type Caller, requireOwner } from '@klynge/platform';
import { registeredSubgraph } from '@klynge/schemas';

/** The agency that owns this subgraph (schemas/subgraphs.json): Siva runs Norsk katapult. */
const OWNER = registeredSubgraph('catapult').owner;

/** The unit a centre's own staff hold in their token (`npm run token -- --role staff --unit catapult-centre:<id>`). */
export function centreUnit(centreId: string): string {
  return `catapult-centre:${centreId}`;
}

/** The scheme itself (centres, nodes, allocations): admins and the owning agency's caseworkers. */
export function requireSchemeWriter(caller: Caller | undefined, action: string): Caller {
  return requireOwner(caller, { agencies: [OWNER] }, action, ['admin', 'caseworker']);
}

/** A company's project at a centre: that centre's staff, besides admins and the owning agency's caseworkers. */
export function requireProjectWriter(caller: Caller | undefined, centreId: string): Caller {
  return requireOwner(caller, { agencies: [OWNER], units: [centreUnit(centreId)] }, 'enter projects at this centre', [
    'admin',
    'caseworker',
    'staff',
  ]);
}
