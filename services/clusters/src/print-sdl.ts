// npm run sdl --workspace @klynge/clusters: writes schemas/clusters.graphql from the code.
import { writeFile } from 'node:fs/promises';
import { clustersSdl, sdlFile } from './sdl';

void clustersSdl().then(async (sdl) => {
  await writeFile(sdlFile, sdl);
  process.stdout.write(`wrote ${sdlFile}\n`);
});
