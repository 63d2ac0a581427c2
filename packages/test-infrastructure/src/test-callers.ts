/**
 * Until the gateway issues tokens, tests say who is calling a subgraph with a header. Only test
 * servers install this authenticator; production services never read the header.
 */
export const TEST_CALLER_HEADER = 'x-test-caller';

export function callerHeaders(caller: { subject: string; roles: string[]; agency?: string; clusterId?: string; unit?: string }) {
  return { [TEST_CALLER_HEADER]: JSON.stringify(caller) };
}

/** Reads the test caller header; pass as a service's `authenticate` in tests. */
export function authenticateFromTestHeader<TCaller>(request: { header(name: string): string | undefined }) {
  const value = request.header(TEST_CALLER_HEADER);
  return value ? (JSON.parse(value) as TCaller) : undefined;
}
