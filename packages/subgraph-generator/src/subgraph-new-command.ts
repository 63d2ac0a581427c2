import { parseArgs } from 'node:util';
import { registeredAgencies, type SubgraphEntry } from '@klynge/schemas';
import { repoRoot } from './derived-files';
import { generateSubgraph, GenerationRefused, type GenerateOptions, NAME_RULE, registryIn } from './generate';

/** Where the command works and what it prints to: this repository and the process's streams, unless a test gives its own. */
export interface CommandContext extends Pick<GenerateOptions, 'root' | 'run'> {
  readonly stdout?: (text: string) => void;
  readonly stderr?: (text: string) => void;
}

const OPTIONS = {
  owner: { type: 'string' },
  'new-owner': { type: 'boolean' },
  description: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** What the command does and takes; the owners are the registry's as it stands. */
function usage(registry: readonly SubgraphEntry[]): string {
  return `Usage: npm run subgraph:new -- <name> --owner <agency> [--new-owner] [--description <text>]
  e.g. npm run subgraph:new -- research-projects --owner forskningsradet

Makes a new subgraph from the template, registers it and wires it in.

  <name>                ${NAME_RULE}, e.g. research-projects; not a name in
                        use: registered, a workspace's folder or package (gateway, schemas,
                        dashboard, infra, platform, any @klynge/<name>) or a top-level folder
                        (packages, services)
  --owner <agency>      the code of the agency that owns it: ${registeredAgencies(registry).join(', ')}
  --new-owner           the owner is an agency new to the registry: it gets a Kafka login and a
                        CODEOWNERS team (@klynge/<agency>) of its own
  --description <text>  what the subgraph holds, one line, for schemas/subgraphs.json and its
                        package.json (without it, a placeholder to replace, as the output says)
  --help                this text

It writes services/<name>/ (see its README.md), schemas/events/<name>.note.v1/, its entry in
schemas/subgraphs.json and the files derived from the registry (docker-compose.yml,
infra/docker/postgres-init.sql, .github/CODEOWNERS, packages/subgraph-registry/package.json), then runs
npm install (package-lock.json), builds it, and writes its SDL (schemas/<name>.graphql), the
supergraph (schemas/supergraph.graphql) and the event catalogue (schemas/asyncapi.yaml).
When a step fails, it puts every one of those files back as it was.
`;
}

/** `npm run subgraph:new -- <args>`: answers the exit code (2 for arguments it does not take, or refuses). */
export function subgraphNewCommand(args: readonly string[], context: CommandContext = {}): number {
  const stdout = context.stdout ?? ((text: string) => process.stdout.write(text));
  const stderr = context.stderr ?? ((text: string) => process.stderr.write(text));
  const root = context.root ?? repoRoot;
  const refuse = (message: string) => {
    stderr(`${message}\n\n${usage(registryIn(root))}`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, options: OPTIONS });
  } catch (error) {
    // An unknown option or one without its value: parseArgs says which, and the usage says the rest.
    return refuse(error instanceof Error ? error.message : String(error));
  }
  const { positionals, values } = parsed;
  if (values.help) {
    stdout(usage(registryIn(root)));
    return 0;
  }
  const [name] = positionals;
  if (!name) return refuse('Name the subgraph');
  if (positionals.length > 1) return refuse(`One name only: ${positionals.join(' ')}`);
  if (!values.owner) return refuse('Name its owner with --owner');
  try {
    generateSubgraph({
      name,
      owner: values.owner,
      newOwner: values['new-owner'],
      description: values.description,
      root,
      run: context.run,
      log: (line) => stdout(`${line}\n`),
    });
    return 0;
  } catch (error) {
    stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    // Refused before anything was written: what was asked for is wrong, as with a wrong option.
    return error instanceof GenerationRefused ? 2 : 1;
  }
}
