import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.join(__dirname, '..', '..');

/**
 * The folders the README's "Find your way around" table names: the backticked names in its first
 * column (a name without a folder, as in `packages/tsconfig`, `eslint-config`, is in the one before).
 */
function foldersInTheMap(): string[] {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const section = readme.split('## Find your way around')[1]!.split(/\n## /)[0]!;
  const named: string[] = [];
  for (const row of section.split('\n').filter((line) => line.startsWith('| `'))) {
    let parent = '';
    for (const [, name] of row.split('|')[1]!.matchAll(/`([^`]+)`/g)) {
      const folder = name!.includes('/') ? name!.replace(/\/$/, '') : `${parent}/${name}`;
      parent = path.dirname(folder) === '.' ? folder : path.dirname(folder);
      named.push(folder);
    }
  }
  return named;
}

const foldersIn = (directory: string) =>
  readdirSync(path.join(repoRoot, directory)).filter((name) => statSync(path.join(repoRoot, directory, name)).isDirectory());

describe("the README's map of the repository", () => {
  it('names every package and every top-level folder of the tree, and nothing that is not there', () => {
    const named = foldersInTheMap();
    const packages = foldersIn('packages').map((name) => `packages/${name}`);
    // The top-level folders of the code (packages/ is mapped package by package; dot folders are tooling).
    const topLevel = ['services', 'gateway', 'dashboard', 'schemas', 'infra', 'docs'];
    expect([...packages, ...topLevel].filter((folder) => !named.includes(folder))).toEqual([]);
    expect(
      named.filter((folder) => !foldersIn(path.dirname(folder) === '.' ? '.' : path.dirname(folder)).includes(path.basename(folder))),
    ).toEqual([]);
  });
});
