import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.join(__dirname, '..', '..');

/** What .ci/run's closing lines say after tallying the given logs (each as jest and turbo print it). */
function closingLines(...logs: string[]): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'klynge-tally-'));
  try {
    const files = logs.map((log, index) => {
      const file = path.join(folder, `${index}.log`);
      writeFileSync(file, log);
      return file;
    });
    const script = `set -euo pipefail; TALLY_FAILURES="${folder}/failures"; source .ci/tally.sh
      for log in "$@"; do tally "$log"; done; tally_failures; echo "$passed passed, $failed failed"`;
    return execFileSync('bash', ['-c', script, 'tally', ...files], { cwd: repoRoot, encoding: 'utf8' });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const passing = ['@klynge/async:test: PASS src/retry.test.ts', '@klynge/async:test: Tests:       4 passed, 4 total', ''].join('\n');

const failing = [
  '@klynge/gateway:test: FAIL src/limits.test.ts (12.1 s)',
  '@klynge/gateway:test:   ● Console',
  '@klynge/gateway:test:       console.log a line the test printed',
  '@klynge/gateway:test:   ● the limits › measures a fragment bomb in time',
  '@klynge/gateway:test: ',
  '@klynge/gateway:test:     expect(received).toBeLessThan(expected)',
  '@klynge/gateway:test:     Expected: < 250',
  '@klynge/gateway:test:     Received:   301.5',
  ...Array.from({ length: 20 }, (_, line) => `@klynge/gateway:test:       ${line} | source line`),
  '@klynge/gateway:test: Tests:       1 failed, 98 passed, 99 total',
  '',
].join('\n');

describe("what .ci/run's closing lines say", () => {
  it('counts the tests of every log and names nothing when all passed', () => {
    expect(closingLines(passing, 'Tests:       25 passed, 25 total\n')).toBe('29 passed, 0 failed\n');
  });

  it('names each failing suite and test with what it expected, before the count', () => {
    const printed = closingLines(passing, failing).split('\n');
    expect(printed[0]).toMatch(/^--- what failed/);
    expect(printed).toContain('@klynge/gateway:test: FAIL src/limits.test.ts (12.1 s)');
    expect(printed).toContain('@klynge/gateway:test:   ● the limits › measures a fragment bomb in time');
    expect(printed).toContain('@klynge/gateway:test:     Received:   301.5');
    expect(printed.join('\n')).not.toContain('console.log');
    expect(printed.join('\n')).not.toContain('19 | source line');
    expect(printed.at(-2)).toBe('102 passed, 1 failed');
  });

  it("names a failure once though jest's summary repeats it, so that the next package's failures are still named", () => {
    const repeated = (suffix: string) =>
      Array.from({ length: 12 }, (_, test) => [
        `@klynge/gateway:test:   ● tokens › test ${test}${suffix}`,
        '@klynge/gateway:test: ',
        '@klynge/gateway:test:     listen EADDRINUSE: address already in use 127.0.0.1:42537',
        '@klynge/gateway:test: ',
      ]).flat();
    const gateway = [
      '@klynge/gateway:test: FAIL src/security-auth.test.ts',
      ...repeated(''),
      '@klynge/gateway:test: FAIL src/security-auth.test.ts',
      ...repeated(''),
      '@klynge/gateway:test: Tests:       12 failed, 138 passed, 150 total',
      '',
    ].join('\n');
    const generator = [
      '@klynge/subgraph-generator:test: FAIL src/generate.test.ts (511.0 s)',
      '@klynge/subgraph-generator:test:   ● npm run subgraph:new › passes its own tests',
      '@klynge/subgraph-generator:test:     turbo run test failed:',
      '@klynge/subgraph-generator:test: Tests:       1 failed, 5 passed, 6 total',
      '',
    ].join('\n');
    const printed = closingLines(gateway, generator);
    expect(printed.split('\n').filter((line) => line.includes('● tokens › test 3'))).toHaveLength(1);
    expect(printed.split('\n').filter((line) => line.includes('FAIL src/security-auth.test.ts'))).toHaveLength(1);
    expect(printed).toContain('@klynge/subgraph-generator:test:   ● npm run subgraph:new › passes its own tests');
    expect(printed).toContain('turbo run test failed:');
    expect(printed.trim().split('\n').at(-1)).toBe('143 passed, 13 failed');
  });
});
