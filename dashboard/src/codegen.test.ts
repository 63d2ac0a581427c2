import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..');

/**
 * The committed code of the dashboard's operations (src/gql/) and the manifest the gateway trusts
 * (schemas/operations/dashboard.persisted.json) are what codegen makes of the operations and the
 * supergraph now: a stale one fails here (npm run codegen --workspace @klynge/dashboard).
 */
describe('the generated operations', () => {
  it('are up to date with src/operations and schemas/supergraph.graphql', () => {
    const check = spawnSync(
      process.execPath,
      [path.join(path.dirname(require.resolve('@graphql-codegen/cli')), 'bin.js'), '--config', 'codegen.ts', '--check'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect({ status: check.status, stale: check.status === 0 ? '' : check.stdout + check.stderr }).toEqual({ status: 0, stale: '' });
  });

  it('are registered with the gateway as codegen wrote them', () => {
    expect(readFileSync(path.join(root, '..', 'schemas', 'operations', 'dashboard.persisted.json'), 'utf8')).toBe(
      readFileSync(path.join(root, 'src', 'gql', 'persisted-documents.json'), 'utf8'),
    );
  });
});
