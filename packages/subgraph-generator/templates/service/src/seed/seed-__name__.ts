/**
 * The demo data of the __name__ subgraph: facts from the domain notes (../shared/domain.md) only,
 * loaded through the same use cases as the API. None yet: an unknown stays unknown.
 */
export function seed__Name__(): Promise<string[]> {
  return Promise.resolve([]);
}
