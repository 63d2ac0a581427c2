import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { registeredAgencies, type SubgraphEntry } from '@klynge/schemas';
import { kafkaPrincipals } from '@klynge/subgraph-registry';
import { derivedFiles, PLATFORM_OWNER, repoRoot, syncDerivedFiles } from './derived-files';
import { workspacesIn } from './workspaces';

export interface GenerateOptions {
  /** Lower-case words joined by hyphens, e.g. `catapult` or `research-projects`. */
  readonly name: string;
  /** The owning agency's code, e.g. `siva`: one that owns a subgraph already, unless `newOwner`. */
  readonly owner: string;
  /** The owner is an agency new to the registry: it gets a Kafka login and a CODEOWNERS team of its own. */
  readonly newOwner?: boolean;
  /** What the subgraph holds, one line for the registry and its package (default: a note that it is to be filled in). */
  readonly description?: string;
  /** The repository to generate in (default: this one). */
  readonly root?: string;
  /** Where progress goes (default: stdout). */
  readonly log?: (line: string) => void;
  /**
   * Runs one step's command in the repository, throwing when it fails (default: a child process).
   * Tests give their own, to run no real npm and to make a step fail.
   */
  readonly run?: (command: string, args: readonly string[]) => void;
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
// A name is read in the graph's types and topics (DemoPartnerNote, demo-partner.note.v1): one or
// two letters say nothing of what the subgraph holds. At most as long as the registry's schema allows.
const NAME_LENGTH = { min: 3, max: 30 };
/** What a subgraph's name must be, as the command's usage says it. */
export const NAME_RULE = `lower-case words joined by hyphens, ${NAME_LENGTH.min} to ${NAME_LENGTH.max} characters`;

/** Options the generator refuses before it writes anything (the command line exits 2 on them). */
export class GenerationRefused extends Error {
  override readonly name = 'GenerationRefused';
}

const TEMPLATES = path.join(__dirname, '..', 'templates');

const registryFileIn = (root: string) => path.join(root, 'schemas', 'subgraphs.json');

/** The subgraph registry of a repository (a copy's, in tests; @klynge/schemas reads this one's). */
export const registryIn = (root: string) => JSON.parse(readFileSync(registryFileIn(root), 'utf8')) as SubgraphEntry[];

/** The spellings of a subgraph's name that its files use. */
export function spellings(name: string) {
  const words = name.split('-');
  const pascal = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
  return {
    name,
    pascal,
    camel: pascal[0]!.toLowerCase() + pascal.slice(1),
    upper: words.join('_').toUpperCase(),
    database: words.join('_'),
  };
}

/**
 * A new subgraph, as a partner starts one: `services/<name>` from the template (its declaration,
 * an example entity with its migration, queries, use case and resolver extending Cluster, an
 * event with its JSON Schema, a read model of the clusters subgraph's events, ownership rules, a
 * seed, tests against the real servers), its registry entry, the files derived from the registry,
 * its committed SDL and the recomposed supergraph. Answers its registry entry. Throws
 * GenerationRefused, having written nothing, for a name in use or an owner not asked for; when a
 * later step fails, throws after putting every file it wrote back as it was.
 */
export function generateSubgraph(options: GenerateOptions): SubgraphEntry {
  const root = options.root ?? repoRoot;
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const runCommand = options.run ?? ((command: string, args: readonly string[]) => runChildProcess(root, command, args));
  const run = (command: string, args: readonly string[]) => {
    log(`$ ${command} ${args.join(' ')}`);
    runCommand(command, args);
  };
  const registryFile = registryFileIn(root);
  const registry = registryIn(root);
  const { name, owner } = options;
  if (!NAME.test(name)) throw new GenerationRefused(`The name must be ${NAME_RULE} (lower-case, no spaces): ${name}`);
  if (name.length < NAME_LENGTH.min || name.length > NAME_LENGTH.max)
    throw new GenerationRefused(`The name must be ${NAME_RULE}: ${name} has ${name.length}`);
  if (!NAME.test(owner)) throw new GenerationRefused(`The owner must be an agency code, lower-case words joined by hyphens: ${owner}`);
  // An owner is a Kafka login and a CODEOWNERS team: a typo would make both, silently.
  const agencies = registeredAgencies(registry);
  const newOwner = !agencies.includes(owner);
  if (newOwner && !options.newOwner)
    throw new GenerationRefused(
      `No agency ${owner} in schemas/subgraphs.json, whose owners are ${agencies.join(', ')}. A new agency gets a Kafka login and a CODEOWNERS team (@klynge/${owner}) of its own: to add one, run again with --owner ${owner} --new-owner`,
    );
  if (newOwner && (kafkaPrincipals(registry).includes(owner) || owner.endsWith('-service') || owner === PLATFORM_OWNER))
    throw new GenerationRefused(
      `${owner} cannot be a new agency: its Kafka login or CODEOWNERS team would be another's (the broker's admin, a service's <name>-service, the platform team)`,
    );
  if (options.description !== undefined && (!options.description.trim() || /[\r\n]/.test(options.description)))
    throw new GenerationRefused(
      `The description must be one line of text, what the subgraph holds: ${JSON.stringify(options.description)}`,
    );
  // A placeholder that reads as one wherever the registry is shown, until the partner replaces it.
  const description = options.description?.trim() ?? `To be filled in: what the ${name} subgraph holds (owned by ${owner}).`;
  const spelt = spellings(name);
  const entry: SubgraphEntry = {
    name,
    owner,
    description,
    package: `@klynge/${name}`,
    directory: `services/${name}`,
    port: Math.max(...registry.map((existing) => existing.port)) + 1,
    urlVariable: `${spelt.upper}_URL`,
    secretVariable: `${spelt.upper}_SECRET`,
    database: spelt.database,
    publishes: [name],
  };
  const taken = nameTaken(root, registry, entry);
  if (taken) throw new GenerationRefused(`The name ${name} is taken: ${taken}. Choose another`);

  const platform = JSON.parse(readFileSync(path.join(root, 'packages', 'platform', 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const replacements: [string, string][] = [
    ['__migration__', String(Date.now())],
    ['__database__', spelt.database],
    ['__Name__', spelt.pascal],
    ['__camel__', spelt.camel],
    ['__NAME__', spelt.upper],
    ['__name__', name],
    ['__owner__', owner],
    ['__port__', String(entry.port)],
    // Only inside a JSON string (its package.json): escaped as one.
    ['__description:json__', JSON.stringify(description).slice(1, -1)],
    ...['graphql', 'type-graphql', 'typeorm'].map((dependency): [string, string] => [
      `__version:${dependency}__`,
      platform.dependencies[dependency]!,
    ]),
  ];
  const render = (text: string) => replacements.reduce((rendered, [placeholder, value]) => rendered.split(placeholder).join(value), text);

  // Each path as it was before its first write: a step that fails (npm install, the build, the
  // composition) leaves nothing behind, not a registered subgraph that breaks the next try.
  const undo = new Undo(root);
  const registered = [...registry, entry];
  // After writing the files: in the repository's style (the names change line lengths); link the
  // new workspace, build it, commit its SDL, compose the supergraph with it, and write its topics
  // into the event catalogue. Build output (and npm's prepare, which builds every workspace) stays.
  const steps: { command: string; args: string[]; writes: string[] }[] = [
    {
      command: 'npx',
      args: [
        'prettier',
        '--write',
        entry.directory,
        `schemas/events/${name}.note.v1`,
        'schemas/subgraphs.json',
        'packages/subgraph-registry/package.json',
      ],
      writes: [],
    },
    {
      command: 'npm',
      args: ['install', '--no-audit', '--no-fund'],
      writes: ['package-lock.json', path.join('node_modules', '.package-lock.json'), path.join('node_modules', entry.package)],
    },
    { command: 'npx', args: ['turbo', 'run', 'build', `--filter=${entry.package}`, '--output-logs=errors-only'], writes: [] },
    { command: 'npm', args: ['run', 'sdl', '--workspace', entry.package], writes: [`schemas/${name}.graphql`] },
    // It ends with subgraphs:sync, which copies the new supergraph into the Kubernetes base (a
    // derived file, which the undo above keeps).
    { command: 'npm', args: ['run', 'compose'], writes: ['schemas/supergraph.graphql'] },
    { command: 'npm', args: ['run', 'catalogue'], writes: ['schemas/asyncapi.yaml'] },
  ];
  try {
    log(`Creating ${entry.directory} (${entry.package}), owned by ${owner}, on port ${entry.port}`);
    copyTemplate(path.join(TEMPLATES, 'service'), path.join(root, entry.directory), render, undo);
    copyTemplate(path.join(TEMPLATES, 'schemas'), path.join(root, 'schemas'), render, undo);
    undo.keep(path.relative(root, registryFile), ...derivedFiles(root, registered).map((file) => file.path));
    writeFileSync(registryFile, `${JSON.stringify(registered, null, 2)}\n`);
    log(`Registered in schemas/subgraphs.json; wrote ${syncDerivedFiles(root, registered).join(', ')}`);
    for (const step of steps) {
      undo.keep(...step.writes);
      run(step.command, step.args);
    }
  } catch (error) {
    const failure = error instanceof Error ? error.message : String(error);
    try {
      undo.putBack();
    } catch (putBackError) {
      throw new Error(`${failure}\nPutting back what it wrote failed too (see git status): ${String(putBackError)}`, {
        cause: putBackError,
      });
    }
    throw new Error(`${failure}\nNothing is left of ${name}: every file the generator wrote is put back as it was.`, { cause: error });
  }
  if (newOwner)
    log(
      `Owned by a new agency ${owner}: the development broker makes its Kafka login ${owner} at the next npm run infra:up, and .github/CODEOWNERS names the team @klynge/${owner}, which must exist on GitHub`,
    );
  if (options.description === undefined)
    log(
      `Replace the description in schemas/subgraphs.json and ${entry.directory}/package.json ("${description}") with a sentence on what the subgraph holds (subgraph:new takes one with --description "...").`,
    );
  log(`Done: npm test checks it, npm start serves it through the gateway. See ${entry.directory}/README.md.`);
  return entry;
}

/**
 * Why a new subgraph's name is taken, if it is. npm links every workspace by its package's name and
 * refuses two of one name (EDUPLICATEWORKSPACE): services/gateway would be a second @klynge/gateway,
 * and the install after registering it, and so every later generation, failed. A top-level folder's
 * name (packages, services) would read as that folder in every path and command.
 */
function nameTaken(root: string, registry: readonly SubgraphEntry[], entry: SubgraphEntry): string | undefined {
  const registered = registry.find(
    (existing) => existing.name === entry.name || existing.database === entry.database || existing.urlVariable === entry.urlVariable,
  );
  if (registered) return `the ${registered.name} subgraph is registered already, with the same name, database or variables`;
  const workspace = workspacesIn(root).find(
    (existing) => existing.name === entry.package || path.posix.basename(existing.directory) === entry.name,
  );
  if (workspace) return `${workspace.directory} is a workspace already, ${workspace.name}`;
  const folder = readdirSync(root, { withFileTypes: true }).find((item) => item.isDirectory() && item.name === entry.name);
  if (folder) return `${folder.name}/ is a folder at the top of the repository`;
  // Left from an earlier try, say: the generator would write over them.
  const leftover = [entry.directory, `schemas/${entry.name}.graphql`, `schemas/events/${entry.name}.note.v1`].find((file) =>
    existsSync(path.join(root, file)),
  );
  if (leftover) return `${leftover} exists already, though no subgraph of that name is registered`;
  return undefined;
}

function copyTemplate(from: string, to: string, render: (text: string) => string, undo: Undo): void {
  undo.keep(path.relative(undo.root, to));
  mkdirSync(to, { recursive: true });
  for (const item of readdirSync(from)) {
    const source = path.join(from, item);
    const target = path.join(to, render(item));
    if (statSync(source).isDirectory()) copyTemplate(source, target, render, undo);
    else {
      undo.keep(path.relative(undo.root, target));
      writeFileSync(target, render(readFileSync(source, 'utf8')));
    }
  }
}

type Before =
  { readonly kind: 'absent' } | { readonly kind: 'file'; readonly content: Buffer } | { readonly kind: 'link'; readonly target: string };

/** What the generator changes in a repository, kept so that it can be put back as it was. */
class Undo {
  private readonly before = new Map<string, Before>();

  constructor(readonly root: string) {}

  /**
   * Keeps each path (from the root) as it is, before it is first written: a file's content, a
   * link's target, or that it is not there, in which case the highest folder above it that is not
   * there either is what putting back takes away whole. A folder that is there stays; what is
   * written in it is kept path by path.
   */
  keep(...paths: string[]): void {
    for (const relative of paths) {
      let absolute = path.resolve(this.root, relative);
      while (path.dirname(absolute) !== this.root && !lstatSync(path.dirname(absolute), { throwIfNoEntry: false }))
        absolute = path.dirname(absolute);
      if (this.before.has(absolute)) continue;
      const stat = lstatSync(absolute, { throwIfNoEntry: false });
      if (!stat) this.before.set(absolute, { kind: 'absent' });
      else if (stat.isSymbolicLink()) this.before.set(absolute, { kind: 'link', target: readlinkSync(absolute) });
      else if (stat.isFile()) this.before.set(absolute, { kind: 'file', content: readFileSync(absolute) });
    }
  }

  /** Puts every kept path back as it was, the last kept first. */
  putBack(): void {
    for (const [absolute, before] of [...this.before].reverse()) {
      // Not following links: a link npm made to the new workspace goes, not the workspace through it.
      rmSync(absolute, { recursive: true, force: true });
      if (before.kind === 'file') {
        mkdirSync(path.dirname(absolute), { recursive: true });
        writeFileSync(absolute, before.content);
      } else if (before.kind === 'link') symlinkSync(before.target, absolute);
    }
  }
}

function runChildProcess(root: string, command: string, args: readonly string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit code ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}
