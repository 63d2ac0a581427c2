import { type Caller, type Ownership, requireOwner } from '@klynge/platform';

/**
 * Who may do what with competence programmes, by the platform's one ownership rule
 * (requireOwner). A programme belongs to the agency of the funding programme it runs under (or,
 * without one, to the cluster programme's agencies) and to its host clusters:
 * - admins and that agency's caseworkers plan it;
 * - they and the managers of its host clusters run it (modules, status, enrolments).
 */
export function requirePlanner(caller: Caller | undefined, owner: Ownership): Caller {
  return requireOwner(caller, owner, 'plan competence programmes', ['admin', 'caseworker']);
}

export function requireProgrammeRunner(caller: Caller | undefined, owner: Ownership, action: string): Caller {
  return requireOwner(caller, owner, action);
}

/** Who may run a programme, as each mutation that does says it in the schema. */
export const RUNNERS =
  "Admins, caseworkers of its funding programme's agency (without one, of the cluster programme's agencies), and the managers of its host clusters.";
