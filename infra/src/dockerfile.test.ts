import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { subgraphRegistry } from '@klynge/schemas';

/**
 * No Docker engine runs where the tests do: what the image promises (a non-root user, nothing
 * written to its filesystem at start) is checked here, on the Dockerfile and on the start command
 * it writes into the image.
 */

const repoRoot = path.join(__dirname, '..', '..');
const dockerfile = readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');
const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
const startCommand = (workspacePackage: string) =>
  execFileSync(process.execPath, [path.join(repoRoot, 'infra', 'docker', 'start-command.cjs'), workspacePackage], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
const startScriptOf = (directory: string) =>
  (JSON.parse(readFileSync(path.join(repoRoot, directory, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;

describe('the Dockerfile', () => {
  it('runs as a user by number, not root: the uid the Kubernetes manifests run as (runAsNonRoot can verify only a number)', () => {
    expect(finalStage).toMatch(/\nUSER 1000:1000\n/);
    expect(finalStage.indexOf('\nUSER ')).toBeGreaterThan(finalStage.indexOf('\nRUN '));
  });

  it('starts the package without npm, which would write its log and cache to a read-only filesystem', () => {
    expect(finalStage).toMatch(/\nRUN node \/tmp\/start-command\.cjs "\$PACKAGE" > \/repo\/start\.sh/);
    expect(finalStage).toMatch(/\nCMD \["sh", "\/repo\/start\.sh"\]\n/);
    expect(finalStage).not.toMatch(/npm start/);
  });

  it.each([['@klynge/gateway', 'gateway'], ...subgraphRegistry().map((entry) => [entry.package, entry.directory])])(
    "writes %s's start command: its own start script, run from its folder",
    (workspacePackage, directory) => {
      expect(startCommand(workspacePackage)).toBe(
        `cd ${directory} && PATH="$PWD/node_modules/.bin:${repoRoot}/node_modules/.bin:$PATH" exec ${startScriptOf(directory)}\n`,
      );
    },
  );

  it.each([
    ['@klynge/gateway', /CLUSTERS_URL: is required/],
    [subgraphRegistry()[0]!.package, /DATABASE_URL: is required/],
  ])('starts %s with that command (here without its settings, so it stops at once and says what it lacks)', (workspacePackage, lacking) => {
    const environment: NodeJS.ProcessEnv = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !['DATABASE_URL', 'CLUSTERS_URL'].includes(name)),
    );
    const run = spawnSync('sh', ['-c', startCommand(workspacePackage)], {
      cwd: repoRoot,
      env: { ...environment, NODE_ENV: 'production' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 1, stderr: expect.stringMatching(lacking) });
  });

  it('refuses a package without a start script, and a name that is no workspace', () => {
    const run = (name: string) =>
      spawnSync(process.execPath, [path.join(repoRoot, 'infra', 'docker', 'start-command.cjs'), name], { cwd: repoRoot, encoding: 'utf8' });
    expect(run('@klynge/schemas')).toMatchObject({ status: 2, stderr: '@klynge/schemas has no start script\n' });
    expect(run('@klynge/nothing')).toMatchObject({ status: 2, stderr: expect.stringContaining('@klynge/nothing is not a workspace here') });
  });
});
