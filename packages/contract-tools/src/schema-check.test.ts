import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { checkCandidate, passes } from './schema-check';
import { sdlFileOf } from '@klynge/gateway/subgraphs';

const committed = readFileSync(sdlFileOf('clusters'), 'utf8');
// NceDashboard (schemas/operations) asks for every cluster's memberStats.
/** The SDL without a field (its line, and the description just above it), wherever it is declared. */
const withoutField = (sdl: string, field: string) => sdl.replace(new RegExp(`\\n\\s*("""(?:(?!""")[^])*"""\\s*)?${field}[^\\n]*`, 'g'), '');
const withoutMemberStats = withoutField(committed, 'memberStats: MemberStats!');

/** What a partner runs before publishing a subgraph's SDL. */
describe('npm run schema:check -- --subgraph <name> --sdl <file>', () => {
  it('passes an additive change', async () => {
    const added = committed.replace(
      /(type Cluster\s+@key\(fields: "id"\)\s*\{)/,
      '$1\n  """A field added by the test"""\n  nickname: String\n',
    );
    expect(added).not.toBe(committed);
    const report = await checkCandidate('clusters', added);
    expect(report).toEqual({ compositionErrors: [], breakingChanges: [], brokenOperations: [] });
  });

  it('refuses a breaking change, naming it and the registered operation it breaks', async () => {
    expect(withoutMemberStats).not.toContain('memberStats:');
    const report = await checkCandidate('clusters', withoutMemberStats);
    expect(passes(report)).toBe(false);
    expect(report.breakingChanges).toEqual(
      expect.arrayContaining([{ schema: 'clusters', change: expect.stringContaining("'memberStats' was removed") }]),
    );
    // The registered sample, and the dashboard's operations (registered by its codegen) that read it.
    const broken = { errors: [expect.stringContaining('Cannot query field "memberStats"')] };
    expect(report.brokenOperations).toEqual([
      { operation: 'ClusterList', file: 'dashboard.persisted.json', ...broken },
      { operation: 'ClusterProfile', file: 'dashboard.persisted.json', ...broken },
      { operation: 'NceDashboard', file: 'nce-dashboard.graphql', ...broken },
    ]);
  });

  it("refuses a change that breaks only the dashboard's typed operations that use what it removes", async () => {
    const withoutSuccessRate = withoutField(readFileSync(sdlFileOf('funding'), 'utf8'), 'successRate: Float');
    expect(withoutSuccessRate).not.toContain('successRate:');
    const report = await checkCandidate('funding', withoutSuccessRate);
    expect(passes(report)).toBe(false);
    expect(report.brokenOperations).toEqual([
      {
        operation: 'ApplicationFunnel',
        file: 'dashboard.persisted.json',
        errors: [expect.stringContaining('Cannot query field "successRate"')],
      },
      {
        operation: 'FunnelByYear',
        file: 'dashboard.persisted.json',
        errors: [expect.stringContaining('Cannot query field "successRate"')],
      },
    ]);
  });

  it('refuses an SDL that does not compose with the other subgraphs, and one that does not parse', async () => {
    // Another subgraph already has `agencies`; a second, unshareable root field of that name cannot compose.
    const clash = `${committed}\nextend type Query {\n  agencies: [String!]!\n}\n`;
    expect((await checkCandidate('clusters', clash)).compositionErrors).toEqual(
      expect.arrayContaining([expect.stringContaining('Query.agencies')]),
    );
    expect((await checkCandidate('clusters', 'type Query {')).compositionErrors).toEqual([expect.stringContaining('does not parse')]);
  });

  it('says so with its exit code, as the README command', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'klynge-schema-check-'));
    try {
      const candidate = path.join(folder, 'clusters.graphql');
      const run = () =>
        promisify(execFile)('npm', ['run', '--silent', 'schema:check', '--', '--subgraph', 'clusters', '--sdl', candidate], {
          cwd: path.join(__dirname, '..', '..', '..'),
        }).then(
          () => 0,
          (error: { code?: number }) => error.code ?? -1,
        );
      writeFileSync(candidate, committed);
      expect(await run()).toBe(0);
      writeFileSync(candidate, withoutMemberStats);
      expect(await run()).toBe(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
