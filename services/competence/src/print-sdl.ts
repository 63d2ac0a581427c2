// npm run sdl --workspace @klynge/competence: writes schemas/competence.graphql from the code.
import { writeFile } from 'node:fs/promises';
import { competenceSdl, sdlFile } from './sdl';

void competenceSdl().then(async (sdl) => {
  await writeFile(sdlFile, sdl);
  process.stdout.write(`wrote ${sdlFile}\n`);
});
