// npm run subgraphs:sync: writes the files that list every subgraph from schemas/subgraphs.json.
import { syncDerivedFiles } from './derived-files';

const written = syncDerivedFiles();
process.stdout.write(written.length ? `wrote ${written.join(', ')}\n` : 'Every file derived from the subgraph registry is up to date\n');
