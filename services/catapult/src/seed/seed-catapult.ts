/**
 * The demo data of the catapult subgraph: facts from the domain notes (../shared/domain.md) only,
 * loaded through the same use cases as the API. None yet: an unknown stays unknown.
 */
export function seedCatapult(): Promise<string[]> {
  return Promise.resolve([]);
}
