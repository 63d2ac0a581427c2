import { parseArgs } from 'node:util';
import { generateSubgraph, type GenerateOptions } from './generate';

/** Where the command works and what it prints to: this repository and the process's streams, unless a test gives its own. */
export interface CommandContext extends Pick<GenerateOptions, 'root' | 'run'> {
  readonly stdout?: (text: string) => void;
  readonly stderr?: (text: string) => void;
}

/** `npm run subgraph:new -- <args>`: answers the exit code. */
export function subgraphNewCommand(args: readonly string[], context: CommandContext = {}): number {
  const stdout = context.stdout ?? ((text: string) => process.stdout.write(text));
  const stderr = context.stderr ?? ((text: string) => process.stderr.write(text));
  const { positionals, values } = parseArgs({ args: [...args], allowPositionals: true, options: { owner: { type: 'string' } } });
  const [name] = positionals;
  if (!name || !values.owner || positionals.length > 1) {
    stderr('Usage: npm run subgraph:new -- <name> --owner <agency-code>   e.g. npm run subgraph:new -- catapult --owner siva\n');
    return 2;
  }
  try {
    generateSubgraph({ name, owner: values.owner, root: context.root, run: context.run, log: (line) => stdout(`${line}\n`) });
    return 0;
  } catch (error) {
    stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
