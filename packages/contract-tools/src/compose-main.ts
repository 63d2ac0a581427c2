// npm run compose: writes schemas/supergraph.graphql from the committed subgraph SDLs.
import { writeFileSync } from 'node:fs';
import { composeSupergraph, unacceptedHints } from './compose';
import { supergraphFile } from '@klynge/gateway/subgraphs';

const composition = composeSupergraph();
writeFileSync(supergraphFile, composition.supergraphSdl);
process.stdout.write(`wrote ${supergraphFile}\n`);
const unaccepted = unacceptedHints(composition);
if (unaccepted.length > 0) {
  process.stderr.write(`Composition hints not yet accepted in packages/contract-tools/composition-hints.json:\n${unaccepted.join('\n')}\n`);
  process.exitCode = 1;
}
