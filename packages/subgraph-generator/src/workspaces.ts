import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One workspace of the repository: its folder from the root (`services/clusters`) and its package's name. */
export interface Workspace {
  readonly directory: string;
  readonly name: string;
}

/** Every workspace the root package.json names (what npm install links), by folder. */
export function workspacesIn(root: string): Workspace[] {
  const { workspaces } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { workspaces: string[] };
  return globSync(
    workspaces.map((pattern) => `${pattern}/package.json`),
    { cwd: root },
  )
    .map((manifest) => ({
      directory: path.dirname(manifest).split(path.sep).join('/'),
      name: (JSON.parse(readFileSync(path.join(root, manifest), 'utf8')) as { name: string }).name,
    }))
    .sort((a, b) => a.directory.localeCompare(b.directory));
}
