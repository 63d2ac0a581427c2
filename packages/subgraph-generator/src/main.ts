// npm run subgraph:new -- <name> --owner <agency-code>: a new subgraph, registered and wired.
import { parseArgs } from 'node:util';
import { generateSubgraph } from './generate';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { owner: { type: 'string' } } });
const [name] = positionals;
if (!name || !values.owner || positionals.length > 1) {
  process.stderr.write(
    'Usage: npm run subgraph:new -- <name> --owner <agency-code>   e.g. npm run subgraph:new -- catapult --owner siva\n',
  );
  process.exit(2);
}
try {
  generateSubgraph({ name, owner: values.owner });
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
