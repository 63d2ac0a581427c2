import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.join(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

/**
 * Node 24 LTS is the runtime Klynge is built, tested and shipped on: Node 20 stopped getting
 * security fixes on 2026-04-30. Every place that names the version says the same.
 */
describe('the Node.js runtime', () => {
  const wanted = read('.nvmrc').trim();
  const major = wanted.split('.')[0]!;

  it('is Node 24 LTS in .nvmrc, the engines field, the Dockerfile and the README', () => {
    expect(major).toBe('24');
    const { engines } = JSON.parse(read('package.json')) as { engines: { node: string } };
    expect(engines.node).toBe(`>=${major}.11`);
    const images = [...read('Dockerfile').matchAll(/^FROM node:(\S+)/gm)].map((match) => match[1]);
    expect(images).toEqual([`${major}-bookworm-slim`, `${major}-bookworm-slim`, `${major}-bookworm-slim`]);
    expect(read('README.md')).toContain(`Node.js ${major} LTS`);
  });

  it('is what this suite runs on', () => {
    expect(process.versions.node.split('.')[0]).toBe(major);
  });

  it('is found or fetched by infra/node.sh, which CI puts first on the PATH', () => {
    const folder = execFileSync('bash', [path.join(repoRoot, 'infra', 'node.sh')], { encoding: 'utf8' }).trim();
    expect(execFileSync(path.join(folder, 'node'), ['--version'], { encoding: 'utf8' }).trim()).toMatch(new RegExp(`^v${major}\\.`));
    expect(read('.ci/run')).toContain('bash infra/node.sh');
  });
});
