import { type Caller, requireOwner } from './caller';

const code = (call: () => unknown) => {
  try {
    call();
    return 'allowed';
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe('requireOwner', () => {
  const owner = { agencies: ['siva'], clusters: ['cluster-1'], units: ['catapult-centre:c1'] };
  const callers: Record<string, Caller | undefined> = {
    anonymous: undefined,
    viewer: { subject: 'v', roles: ['viewer'] },
    admin: { subject: 'a', roles: ['admin'] },
    'caseworker of the agency': { subject: 'c', roles: ['caseworker'], agency: 'siva' },
    'caseworker of another agency': { subject: 'c', roles: ['caseworker'], agency: 'innovasjon-norge' },
    "the cluster's manager": { subject: 'm', roles: ['cluster-manager'], clusterId: 'cluster-1' },
    "another cluster's manager": { subject: 'm', roles: ['cluster-manager'], clusterId: 'cluster-2' },
    "the unit's staff": { subject: 's', roles: ['staff'], unit: 'catapult-centre:c1' },
    "another unit's staff": { subject: 's', roles: ['staff'], unit: 'catapult-centre:c2' },
    'staff of no unit': { subject: 's', roles: ['staff'] },
    // A claim without its role grants nothing.
    'a viewer naming the unit': { subject: 's', roles: ['viewer'], unit: 'catapult-centre:c1' },
  };

  it('lets in the owners and only them', () => {
    const answers = Object.fromEntries(
      Object.entries(callers).map(([who, caller]) => [who, code(() => requireOwner(caller, owner, 'write'))]),
    );
    expect(answers).toEqual({
      anonymous: 'UNAUTHENTICATED',
      viewer: 'FORBIDDEN',
      admin: 'allowed',
      'caseworker of the agency': 'allowed',
      'caseworker of another agency': 'FORBIDDEN',
      "the cluster's manager": 'allowed',
      "another cluster's manager": 'FORBIDDEN',
      "the unit's staff": 'allowed',
      "another unit's staff": 'FORBIDDEN',
      'staff of no unit': 'FORBIDDEN',
      'a viewer naming the unit': 'FORBIDDEN',
    });
  });

  it('lets in only the roles the action names', () => {
    expect(code(() => requireOwner(callers["the unit's staff"], owner, 'write', ['admin', 'caseworker']))).toBe('FORBIDDEN');
    expect(code(() => requireOwner(callers["the cluster's manager"], { agencies: ['siva'] }, 'write'))).toBe('FORBIDDEN');
  });
});
