import { type Caller, requireOwner } from '@klynge/platform';
import { registeredSubgraph } from '@klynge/schemas';

/** The agency that owns this subgraph (schemas/subgraphs.json): its caseworkers keep its data. */
const OWNER = registeredSubgraph('research').owner;

/** A note about a cluster: admins, the owning agency's caseworkers, and that cluster's manager. */
export function requireNoteWriter(caller: Caller | undefined, clusterId: string): Caller {
  return requireOwner(caller, { agencies: [OWNER], clusters: [clusterId] }, 'record notes about this cluster');
}
