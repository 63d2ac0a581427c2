// npm run sdl --workspace @klynge/funding: writes schemas/funding.graphql from the code.
import { writeFile } from 'node:fs/promises';
import { fundingSdl, sdlFile } from './sdl';

void fundingSdl().then(async (sdl) => {
  await writeFile(sdlFile, sdl);
  process.stdout.write(`wrote ${sdlFile}\n`);
});
