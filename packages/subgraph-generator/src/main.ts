// npm run subgraph:new -- <name> --owner <agency-code>: a new subgraph, registered and wired (--help says more).
import { subgraphNewCommand } from './subgraph-new-command';

process.exitCode = subgraphNewCommand(process.argv.slice(2));
