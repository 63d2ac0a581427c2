import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { subgraphAt } from './subgraph-at';

/**
 * A workspace as npm lays one out: the service's folder, and node_modules above it linking its
 * package name to that folder. Its ./subgraph export is a plain module that says which it is.
 */
function workspace(exported = "exports.subgraph = { name: 'probe', main: () => Promise.resolve() };") {
  const root = mkdtempSync(path.join(tmpdir(), 'klynge-runner-'));
  const service = path.join(root, 'services', 'probe');
  mkdirSync(path.join(service, 'dist'), { recursive: true });
  writeFileSync(
    path.join(service, 'package.json'),
    JSON.stringify({ name: '@probe/service', exports: { './subgraph': './dist/subgraph.js' } }),
  );
  writeFileSync(path.join(service, 'dist', 'subgraph.js'), exported);
  mkdirSync(path.join(root, 'node_modules', '@probe'), { recursive: true });
  symlinkSync(service, path.join(root, 'node_modules', '@probe', 'service'));
  return { root, service };
}

describe('subgraphAt', () => {
  const made: string[] = [];
  afterAll(() => made.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it("finds a service's subgraph from its directory, through its package's ./subgraph export, as npm start runs it", () => {
    const { root, service } = workspace();
    made.push(root);
    expect(subgraphAt(service).name).toBe('probe');
  });

  it('takes the subgraph module itself, as the tests run a command from the TypeScript', () => {
    const { root, service } = workspace();
    made.push(root);
    expect(subgraphAt(path.join(service, 'dist', 'subgraph.js')).name).toBe('probe');
  });

  it('says what is wrong with a place that holds no subgraph', () => {
    const { root, service } = workspace('exports.other = 1;');
    made.push(root);
    expect(() => subgraphAt(path.join(root, 'nowhere'))).toThrow(/No service at .*nowhere/);
    expect(() => subgraphAt(path.join(root, 'services'))).toThrow(/has no package.json/);
    expect(() => subgraphAt(service)).toThrow(/must export `subgraph`/);
  });
});
