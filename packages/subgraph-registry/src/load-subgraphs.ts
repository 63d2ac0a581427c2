import type { Subgraph } from '@klynge/platform';
import { subgraphRegistry, type SubgraphEntry } from '@klynge/schemas';

export type { SubgraphEntry };

/**
 * Every subgraph of the registry, in its order, each loaded from its package's `./subgraph`
 * export: the plug-ins that npm start, the tests across subgraphs and the benchmark run.
 */
export function loadSubgraphs(): Subgraph[] {
  return subgraphRegistry().map((entry) => loadSubgraph(entry));
}

/** One registered subgraph, by name. */
export function loadSubgraphNamed(name: string): Subgraph {
  const entry = subgraphRegistry().find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`No subgraph ${name} is registered in schemas/subgraphs.json`);
  return loadSubgraph(entry);
}

function loadSubgraph(entry: SubgraphEntry): Subgraph {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plug-in, named by the registry
  const loaded = (require(`${entry.package}/subgraph`) as { subgraph?: Subgraph }).subgraph;
  if (loaded?.name !== entry.name) {
    throw new Error(`${entry.package} must export \`subgraph\` from ./subgraph, defined with defineSubgraph({ name: '${entry.name}' })`);
  }
  return loaded;
}
