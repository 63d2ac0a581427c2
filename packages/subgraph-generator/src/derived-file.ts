/**
 * Files that list every subgraph are written from the subgraph registry (schemas/subgraphs.json)
 * and never edited by hand: adding a subgraph is adding its registry entry (npm run subgraph:new
 * does) and running `npm run subgraphs:sync`. A test fails when one is out of date.
 */
export interface DerivedFile {
  /** From the repository root. */
  readonly path: string;
  readonly content: string;
}
