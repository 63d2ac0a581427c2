import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './derived-files';
import { registryIn } from './generate';
import { subgraphNewCommand } from './subgraph-new-command';

/**
 * What the generator reads and rewrites of this repository, in a folder of the test's own: the
 * manifests of the root and every workspace, the lockfiles, the registry, the files derived from
 * it, the supergraph and the catalogue. The steps' commands are the test's own (no real npm runs
 * here; generate.test.ts runs them all), so this is quick, and a step can be made to fail.
 */
function copyOfManifests(): string {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'klynge-subgraph-new-'));
  const files = execFileSync(
    'git',
    [
      'ls-files',
      '-z',
      'package.json',
      '*/package.json',
      'package-lock.json',
      'schemas/subgraphs.json',
      'schemas/supergraph.graphql',
      'schemas/asyncapi.yaml',
      'infra/kafka/kafka.version',
      'docker-compose.yml',
      'infra/docker/postgres-init.sql',
      '.github/CODEOWNERS',
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  )
    .split('\0')
    .filter((file) => file && !file.startsWith('packages/subgraph-generator/templates/'));
  for (const file of files) cpSync(path.join(repoRoot, file), path.join(copy, file));
  // npm's hidden lockfile, which npm install rewrites beside the linked workspaces.
  mkdirSync(path.join(copy, 'node_modules', '@klynge'), { recursive: true });
  writeFileSync(path.join(copy, 'node_modules', '.package-lock.json'), '{"lockfileVersion": 3}\n');
  return copy;
}

/** Every file, folder and link under a folder, with what it holds: two are equal when nothing was written. */
function contentsOf(folder: string): Record<string, string> {
  const contents: Record<string, string> = {};
  const visit = (relative: string) => {
    const absolute = path.join(folder, relative);
    const stat = lstatSync(absolute);
    if (stat.isSymbolicLink()) contents[relative] = `link to ${readlinkSync(absolute)}`;
    else if (stat.isDirectory()) {
      contents[`${relative}/`] = 'folder';
      for (const item of readdirSync(absolute)) visit(path.join(relative, item));
    } else contents[relative] = createHash('sha256').update(readFileSync(absolute)).digest('hex');
  };
  for (const item of readdirSync(folder)) visit(item);
  return contents;
}

/** The command on the copy, with steps that do nothing: answers its exit code, output and the commands it ran. */
function subgraphNew(copy: string, args: string[], run: (command: string, args: readonly string[]) => void = () => {}) {
  let stdout = '';
  let stderr = '';
  const commands: string[] = [];
  const exitCode = subgraphNewCommand(args, {
    root: copy,
    run: (command, commandArgs) => {
      commands.push([command, ...commandArgs].join(' '));
      run(command, commandArgs);
    },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { exitCode, stdout, stderr, commands };
}

describe('npm run subgraph:new', () => {
  let copy: string;
  let before: Record<string, string>;

  beforeEach(() => {
    copy = copyOfManifests();
    before = contentsOf(copy);
  });

  afterEach(() => rmSync(copy, { recursive: true, force: true }));

  describe('--help and unknown options', () => {
    it('prints its usage for --help, with the name rules, the options and what it writes, and exits 0', () => {
      const { exitCode, stdout, stderr } = subgraphNew(copy, ['--help']);
      expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
      expect(stdout).toContain('Usage: npm run subgraph:new -- <name> --owner <agency>');
      expect(stdout).toContain('lower-case words joined by hyphens, 3 to 30 characters');
      for (const option of ['--owner <agency>', '--new-owner', '--description']) expect(stdout).toContain(option);
      // The owners there are now, and what it writes.
      expect(stdout).toContain('forskningsradet, innovasjon-norge, siva');
      for (const written of ['services/<name>', 'schemas/subgraphs.json', '.github/CODEOWNERS', 'schemas/supergraph.graphql'])
        expect(stdout).toContain(written);
      expect(contentsOf(copy)).toEqual(before);
    });

    it.each([[['--bogus']], [['demo-partner', '--owner', 'siva', '--bogus']], [['demo-partner', '--owner']], [[]]])(
      'refuses %j with its usage and exit code 2, writing nothing',
      (args) => {
        const { exitCode, stdout, stderr, commands } = subgraphNew(copy, args);
        expect({ exitCode, stdout, commands }).toEqual({ exitCode: 2, stdout: '', commands: [] });
        expect(stderr).toContain('Usage: npm run subgraph:new -- <name> --owner <agency>');
        expect(contentsOf(copy)).toEqual(before);
      },
    );

    it('never answers with a stack trace, as the process a partner runs', () => {
      const main = (...args: string[]) =>
        spawnSync('node', ['-r', '@klynge/jest-config/register', path.join(__dirname, 'main.ts'), ...args], {
          cwd: path.join(__dirname, '..'),
          encoding: 'utf8',
        });
      const help = main('--help');
      expect({ status: help.status, stderr: help.stderr }).toEqual({ status: 0, stderr: '' });
      expect(help.stdout).toContain('Usage: npm run subgraph:new');
      const unknown = main('--bogus');
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toContain("Unknown option '--bogus'");
      expect(unknown.stderr).not.toMatch(/^\s+at /m);
    });
  });

  describe('names', () => {
    // gateway, schemas and dashboard made npm install fail with EDUPLICATEWORKSPACE (services/gateway
    // is @klynge/gateway too), registered all the same, and so every later generation failed.
    it.each([
      ['gateway', 'a workspace'],
      ['schemas', 'a workspace'],
      ['dashboard', 'a workspace'],
      ['infra', 'a workspace'],
      ['packages', 'a folder'],
      ['services', 'a folder'],
      ['platform', 'a workspace'],
      ['subgraph-generator', 'a workspace'],
      ['catapult', 'registered'],
      ['x', '3 to 30 characters'],
      ['ab', '3 to 30 characters'],
      ['Demo', 'lower-case'],
    ])('refuses %s (%s) in one line, with exit code 2, writing nothing', (name, why) => {
      const { exitCode, stdout, stderr, commands } = subgraphNew(copy, [name, '--owner', 'siva']);
      expect({ exitCode, commands }).toEqual({ exitCode: 2, commands: [] });
      expect(stderr).toMatch(new RegExp(`^[^\\n]*${why}[^\\n]*\\n$`));
      expect(stdout).toBe('');
      expect(contentsOf(copy)).toEqual(before);
    });

    it('takes a name of 3 characters', () => {
      expect(subgraphNew(copy, ['abc', '--owner', 'siva']).exitCode).toBe(0);
      expect(registryIn(copy).at(-1)).toMatchObject({ name: 'abc', package: '@klynge/abc' });
    });
  });

  describe('a step that fails', () => {
    /** What each step's real command writes (generate.test.ts runs them), for a step the test lets pass. */
    const writeAsTheStepDoes = (step: string) => {
      const append = (file: string, text: string) =>
        writeFileSync(path.join(copy, file), `${readFileSync(path.join(copy, file), 'utf8')}${text}`);
      if (step.startsWith('npm install')) {
        append('package-lock.json', ' ');
        append('node_modules/.package-lock.json', ' ');
        symlinkSync('../../services/demo-partner', path.join(copy, 'node_modules', '@klynge', 'demo-partner'));
      } else if (step.startsWith('npx turbo run build')) {
        mkdirSync(path.join(copy, 'services', 'demo-partner', 'dist'));
        writeFileSync(path.join(copy, 'services', 'demo-partner', 'dist', 'index.js'), '');
      } else if (step.startsWith('npm run sdl')) writeFileSync(path.join(copy, 'schemas', 'demo-partner.graphql'), 'type DemoPartnerNote');
      else if (step === 'npm run compose') append('schemas/supergraph.graphql', 'type DemoPartnerNote');
      else if (step === 'npm run catalogue') append('schemas/asyncapi.yaml', '# demo-partner');
    };

    it.each(['npx prettier', 'npm install', 'npm run sdl', 'npm run catalogue'])(
      'at %s: exits 1, says so, and leaves the repository as it was, so the name can be tried again',
      (failing) => {
        const { exitCode, stderr } = subgraphNew(copy, ['demo-partner', '--owner', 'siva'], (command, args) => {
          const step = [command, ...args].join(' ');
          if (step.startsWith(failing)) throw new Error(`${step} failed (exit code 1)`);
          writeAsTheStepDoes(step);
        });
        expect(exitCode).toBe(1);
        expect(stderr).toContain(`${failing}`);
        expect(stderr).toContain('put back as it was');
        expect(contentsOf(copy)).toEqual(before);
        expect(
          subgraphNew(copy, ['demo-partner', '--owner', 'siva'], (command, args) => writeAsTheStepDoes([command, ...args].join(' ')))
            .exitCode,
        ).toBe(0);
        expect(registryIn(copy).at(-1)!.name).toBe('demo-partner');
      },
    );
  });

  describe('owners', () => {
    // An owner is a Kafka login and a CODEOWNERS team: a typo made both, silently.
    it('refuses an agency the registry does not know, naming those it knows and how to add one, writing nothing', () => {
      const { exitCode, stderr, commands } = subgraphNew(copy, ['demo-partner', '--owner', 'enova']);
      expect({ exitCode, commands }).toEqual({ exitCode: 2, commands: [] });
      expect(stderr).toMatch(/^[^\n]+\n$/);
      expect(stderr).toContain('forskningsradet, innovasjon-norge, siva');
      expect(stderr).toContain('--owner enova --new-owner');
      expect(contentsOf(copy)).toEqual(before);
    });

    it('takes a new agency when asked for, with a Kafka login and a CODEOWNERS team of its own', () => {
      const { exitCode, stdout } = subgraphNew(copy, ['demo-partner', '--owner', 'enova', '--new-owner']);
      expect(exitCode).toBe(0);
      expect(registryIn(copy).at(-1)).toMatchObject({ name: 'demo-partner', owner: 'enova' });
      expect(readFileSync(path.join(copy, '.github', 'CODEOWNERS'), 'utf8')).toMatch(/\/services\/demo-partner\/\s+@klynge\/enova/);
      expect(stdout).toContain('new agency enova');
    });

    it.each(['admin', 'clusters-service', 'platform'])("refuses %s as a new agency: a login or team that is someone else's", (owner) => {
      const { exitCode, stderr, commands } = subgraphNew(copy, ['demo-partner', '--owner', owner, '--new-owner']);
      expect({ exitCode, commands }).toEqual({ exitCode: 2, commands: [] });
      expect(stderr).toMatch(/^[^\n]+\n$/);
      expect(contentsOf(copy)).toEqual(before);
    });
  });

  describe('what the partner is told', () => {
    const manifestOf = (copy: string) =>
      JSON.parse(readFileSync(path.join(copy, 'services', 'demo-partner', 'package.json'), 'utf8')) as {
        description: string;
        scripts: Record<string, string>;
      };

    it('registers a description to be filled in when none is given, and says to replace it', () => {
      const { exitCode, stdout } = subgraphNew(copy, ['demo-partner', '--owner', 'siva']);
      expect(exitCode).toBe(0);
      const { description } = registryIn(copy).at(-1)!;
      expect(description).toMatch(/to be filled in/i);
      expect(manifestOf(copy).description).toBe(description);
      expect(stdout).toMatch(/Replace the description .*schemas\/subgraphs\.json/);
      expect(stdout).toContain('--description');
    });

    it('registers the description given, quotes and all, and asks for no other', () => {
      const description = 'Enova\'s support for clusters\' "green" projects.';
      const { exitCode, stdout } = subgraphNew(copy, ['demo-partner', '--owner', 'siva', '--description', description]);
      expect(exitCode).toBe(0);
      expect(registryIn(copy).at(-1)!.description).toBe(description);
      expect(manifestOf(copy).description).toBe(description);
      expect(stdout).not.toMatch(/Replace the description/);
    });

    it.each(['', '  ', 'Two\nlines'])('refuses the description %j, writing nothing', (description) => {
      const { exitCode, commands } = subgraphNew(copy, ['demo-partner', '--owner', 'siva', '--description', description]);
      expect({ exitCode, commands }).toEqual({ exitCode: 2, commands: [] });
      expect(contentsOf(copy)).toEqual(before);
    });

    it("writes a README that says how to test, run and check it, in the repository's real commands", () => {
      expect(subgraphNew(copy, ['demo-partner', '--owner', 'siva']).exitCode).toBe(0);
      const readme = readFileSync(path.join(copy, 'services', 'demo-partner', 'README.md'), 'utf8');
      for (const said of [
        'npx turbo run test --filter=@klynge/demo-partner',
        'DATABASE_URL',
        'KAFKA_BROKERS',
        'KAFKA_CREDENTIALS_FILE',
        'npm run catalogue',
        'DEMO_PARTNER_PORT',
        'npm run kafka:credentials -- demo-partner-service',
        'npm run infra:up',
        'SCHEMA_BASE_REF=HEAD npm run schema:check',
      ])
        expect({ said, in: readme.includes(said) }).toEqual({ said, in: true });
      // Each npm script it names is there: the root's, or the subgraph's own with --workspace.
      const rootScripts = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
        .scripts;
      const named = [...readme.matchAll(/npm run ([\w:-]+)( --workspace @klynge\/demo-partner)?/g)];
      expect(named.length).toBeGreaterThan(5);
      for (const [command, script, workspace] of named) {
        const scripts = workspace ? manifestOf(copy).scripts : rootScripts;
        expect({ command, exists: script! in scripts }).toEqual({ command, exists: true });
      }
    });
  });
});
