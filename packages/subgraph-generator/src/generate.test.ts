import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SubgraphEntry } from '@klynge/schemas';
import { freePorts, waitFor } from '@klynge/test-infrastructure';
import { repoRoot, staleDerivedFiles } from './derived-files';

/**
 * A copy of this repository as it stands (tracked and new files committed as its main, built
 * output, turbo's cache), sharing node_modules by hard links to save the install: npm writes only its hidden lockfile
 * in place, and that one is copied for real. A workspace's own node_modules (what npm could not
 * hoist, e.g. telemetry's OpenTelemetry packages) comes too: without turbo's cache (a git
 * worktree keeps it elsewhere) the generator's build builds every subgraph, which needs it.
 */
function copyOfRepository(): string {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'klynge-generate-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of files) if (existsSync(path.join(repoRoot, file))) cpSync(path.join(repoRoot, file), path.join(copy, file));
  for (const manifest of files.filter((file) => file.endsWith('package.json'))) {
    const dist = path.join(path.dirname(manifest), 'dist');
    if (existsSync(path.join(repoRoot, dist))) cpSync(path.join(repoRoot, dist), path.join(copy, dist), { recursive: true });
  }
  // A git repository whose main is the state before the generator, as a partner's clone is:
  // the schema checks compare against main.
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Klynge test', '-c', 'user.email=test@klynge.invalid', ...args], { cwd: copy, stdio: 'pipe' });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '--all');
  git('commit', '--quiet', '--no-verify', '--message', 'The repository as it stands');
  if (existsSync(path.join(repoRoot, '.turbo'))) cpSync(path.join(repoRoot, '.turbo'), path.join(copy, '.turbo'), { recursive: true });
  execFileSync('cp', ['-al', path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules')]);
  for (const manifest of files.filter((file) => file.endsWith('/package.json'))) {
    const own = path.join(path.dirname(manifest), 'node_modules');
    if (existsSync(path.join(repoRoot, own))) execFileSync('cp', ['-al', path.join(repoRoot, own), path.join(copy, own)]);
  }
  const hiddenLockfile = path.join('node_modules', '.package-lock.json');
  if (existsSync(path.join(repoRoot, hiddenLockfile))) {
    rmSync(path.join(copy, hiddenLockfile));
    copyFileSync(path.join(repoRoot, hiddenLockfile), path.join(copy, hiddenLockfile));
  }
  return copy;
}

const digest = (file: string) => (existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'absent');

/**
 * What a partner does: `npm run subgraph:new -- <name> --owner <agency>`, and nothing else by hand.
 * Right after, in a copy of the repository: the registry and every file derived from it know the
 * new subgraph, it composes into the supergraph, its own tests pass against the real PostgreSQL
 * and Kafka, and `npm start` serves it through the gateway.
 */
describe('npm run subgraph:new', () => {
  let copy: string;
  let entry: SubgraphEntry;
  let started: ChildProcess | undefined;
  const before = digest(path.join(repoRoot, 'node_modules', '.package-lock.json'));

  beforeAll(() => {
    copy = copyOfRepository();
    // The README's command, as a partner types it.
    execFileSync(
      'npm',
      ['run', 'subgraph:new', '--', 'demo-partner', '--owner', 'siva', '--description', 'Notes about clusters (generated).'],
      {
        cwd: copy,
        stdio: 'pipe',
      },
    );
    const registry = JSON.parse(readFileSync(path.join(copy, 'schemas', 'subgraphs.json'), 'utf8')) as SubgraphEntry[];
    entry = registry.at(-1)!;
  }, 600_000);

  afterAll(async () => {
    if (started && started.exitCode === null) {
      const exited = once(started, 'exit');
      process.kill(-started.pid!, 'SIGINT');
      await exited;
    }
    if (copy) rmSync(copy, { recursive: true, force: true });
    // The copy shared node_modules: this repository's must be as it was.
    expect(digest(path.join(repoRoot, 'node_modules', '.package-lock.json'))).toBe(before);
  });

  it('registers it, with every file derived from the registry written', () => {
    const registry = JSON.parse(readFileSync(path.join(copy, 'schemas', 'subgraphs.json'), 'utf8')) as SubgraphEntry[];
    // The command run above is the README's, word for word.
    expect(readFileSync(path.join(repoRoot, 'README.md'), 'utf8')).toContain(
      'npm run subgraph:new -- demo-partner --owner siva --description "Notes about clusters (generated)."',
    );
    const original = JSON.parse(readFileSync(path.join(repoRoot, 'schemas', 'subgraphs.json'), 'utf8')) as SubgraphEntry[];
    expect(registry.map((registered) => registered.name)).toEqual([...original.map((registered) => registered.name), 'demo-partner']);
    expect(entry).toMatchObject({
      package: '@klynge/demo-partner',
      database: 'demo_partner',
      urlVariable: 'DEMO_PARTNER_URL',
      owner: 'siva',
    });
    expect(staleDerivedFiles(copy, registry)).toEqual([]);
    expect(execFileSync('npm', ['run', '--silent', 'subgraphs:sync'], { cwd: copy, encoding: 'utf8' })).toContain('up to date');
    expect(readFileSync(path.join(copy, '.github', 'CODEOWNERS'), 'utf8')).toMatch(/\/services\/demo-partner\/\s+@klynge\/siva/);
    expect(existsSync(path.join(copy, 'schemas', 'events', 'demo-partner.note.v1', 'DemoPartnerNoteRecorded.json'))).toBe(true);
    // Its README names it and its owner (a formatter once turned the placeholders into bold text).
    expect(readFileSync(path.join(copy, 'services', 'demo-partner', 'README.md'), 'utf8')).toMatch(
      /^# The demo-partner subgraph\n\nOwned by siva /,
    );
  });

  it('commits its SDL and composes it into the supergraph', () => {
    expect(readFileSync(path.join(copy, 'schemas', 'demo-partner.graphql'), 'utf8')).toContain('type DemoPartnerNote');
    const supergraph = readFileSync(path.join(copy, 'schemas', 'supergraph.graphql'), 'utf8');
    expect(supergraph).toContain('demoPartnerNotes: [DemoPartnerNote!] @join__field(graph: DEMO_PARTNER)');
  });

  it('passes its own tests, and the tests of everything that reads the registry, with it in the graph', () => {
    const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' };
    const turbo = (...args: string[]) => {
      try {
        execFileSync('npx', ['turbo', 'run', ...args, '--output-logs=errors-only'], { cwd: copy, env, encoding: 'utf8', stdio: 'pipe' });
      } catch (error) {
        // What failed, in the words of the failing task: its failing lines first (CI shows a
        // failure's first lines only, and turbo's own header comes before the task's log), then its end.
        const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
        const output = `${stdout}\n${stderr}`;
        const failing = output
          .split('\n')
          .filter((line) => /✕|● |FAIL |error TS|ERR!|Error:|Tasks:|Failed:/.test(line))
          // Not what jest says of a console call or of a client still running after its suite ended: noise that hid the failure (CI, stop 33).
          .filter((line) => !/● Console|after the Jest environment has been torn down/.test(line))
          .slice(0, 40)
          .join('\n');
        throw new Error(`turbo run ${args.join(' ')} failed:\n${failing}\n--- the end of its output:\n${output.slice(-6_000)}`, {
          cause: error,
        });
      }
    };
    // The other subgraphs' own tests cannot notice it (no subgraph imports another): these can.
    // The gateway's run every registered subgraph, the new one too (its security and fuzz tests included).
    // Two tasks at a time: the outer test run goes on beside this one, on the same two cores.
    turbo(
      'typecheck',
      'lint',
      'test',
      '--concurrency=2',
      '--filter=@klynge/demo-partner',
      '--filter=@klynge/subgraph-registry',
      '--filter=@klynge/infra',
      '--filter=@klynge/gateway',
    );
    execFileSync('npm', ['run', '--silent', 'lint:boundaries'], { cwd: copy, env, stdio: 'pipe' });
    execFileSync('npm', ['run', '--silent', 'format:check'], { cwd: copy, env, stdio: 'pipe' });
  }, 900_000);

  it('is served through the gateway by npm start, and takes a note from its owner', async () => {
    const registry = JSON.parse(readFileSync(path.join(copy, 'schemas', 'subgraphs.json'), 'utf8')) as SubgraphEntry[];
    const ports = await freePorts(registry.length + 1);
    const portVariables = Object.fromEntries(
      registry.map(({ name }, index) => [`${name.toUpperCase().replace(/-/g, '_')}_PORT`, String(ports[index + 1])]),
    );
    // Embedded, as a newcomer starts it: not the test run's servers.
    const { DATABASE_URL: _database, KAFKA_BROKERS: _kafka, ...inherited } = process.env;
    started = spawn('npm', ['start'], {
      cwd: copy,
      env: { ...inherited, PORT: String(ports[0]), ...portVariables, KLYNGE_DATA_DIR: path.join(copy, '.klynge') },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    started.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await waitFor(
      'npm start to say it is ready',
      () => {
        if (started!.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
        return /GraphQL and GraphiQL:\s+(\S+)/.exec(output)?.[1];
      },
      { timeoutMs: 300_000, intervalMs: 200 },
    );
    const gq = async <T>(query: string, token?: string) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as { data?: T; errors?: unknown[] };
    };
    const clusters = await gq<{ clusters: { edges: { node: { id: string; demoPartnerNotes: unknown[] } }[] } }>(
      '{ clusters(first: 1) { edges { node { id demoPartnerNotes { title } } } } }',
    );
    expect(clusters.errors).toBeUndefined();
    const cluster = clusters.data!.clusters.edges[0]!.node;
    expect(cluster.demoPartnerNotes).toEqual([]);

    const token = execFileSync('node', ['gateway/dist/token-main.js', '--role', 'caseworker', '--agency', 'siva'], {
      cwd: copy,
      encoding: 'utf8',
    }).trim();
    // The new subgraph learns of the cluster from its event, in the background of npm start: a note
    // on a cluster it has not heard of yet is refused (and writes nothing), so the owner tries again.
    await waitFor(
      'the note to be taken',
      async () => {
        const recorded = await gq(
          `mutation { recordDemoPartnerNote(input: { clusterId: "${cluster.id}", title: "Hello from Siva" }) { id } }`,
          token,
        );
        if (recorded.errors) throw new Error(JSON.stringify(recorded.errors));
        return true;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    const after = await gq<{ cluster: { demoPartnerNotes: { title: string }[] } }>(
      `{ cluster(id: "${cluster.id}") { demoPartnerNotes { title } } }`,
    );
    expect(after.data!.cluster.demoPartnerNotes).toEqual([{ title: 'Hello from Siva' }]);
  }, 600_000);
});
