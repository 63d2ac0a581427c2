import { readFileSync } from 'node:fs';
import { clustersSdl, sdlFile } from './sdl';

describe('schemas/clusters.graphql', () => {
  it('is the SDL the code defines (run `npm run sdl --workspace @klynge/clusters` after changing the schema)', async () => {
    expect(readFileSync(sdlFile, 'utf8')).toBe(await clustersSdl());
  });

  it('keeps the federation keys', async () => {
    const sdl = await clustersSdl();
    expect(sdl).toMatch(/type Cluster\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Organization\s+@key\(fields: "orgNumber"\)/);
  });
});
