/**
 * The demo data of the research subgraph: facts from the domain notes (../shared/domain.md) only,
 * loaded through the same use cases as the API. None yet: an unknown stays unknown.
 */
export function seedResearch(): Promise<string[]> {
  return Promise.resolve([]);
}
