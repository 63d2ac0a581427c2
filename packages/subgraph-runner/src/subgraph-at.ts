import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Subgraph } from '@klynge/platform';

/**
 * The subgraph a service declares, found from where it is: a service's directory (its package's
 * `./subgraph` export, the built code, as deployed) or the module itself (its `src/subgraph.ts`,
 * as the tests run a command from the TypeScript).
 */
export function subgraphAt(where: string): Subgraph {
  const location = path.resolve(where);
  if (!existsSync(location)) throw new Error(`No service at ${location}: give a service's directory or its subgraph module`);
  const module = statSync(location).isDirectory() ? require.resolve(`${packageName(location)}/subgraph`, { paths: [location] }) : location;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plug-in, named by the caller
  const { subgraph } = require(module) as { subgraph?: Subgraph };
  if (!subgraph?.main) throw new Error(`${module} must export \`subgraph\`, defined with defineSubgraph()`);
  return subgraph;
}

function packageName(directory: string): string {
  const manifest = path.join(directory, 'package.json');
  if (!existsSync(manifest)) throw new Error(`${directory} has no package.json: give a service's directory`);
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { name: string }).name;
}
