import { readFileSync } from 'node:fs';
import { fundingSdl, sdlFile } from './sdl';

describe('schemas/funding.graphql', () => {
  it('is the SDL the code defines (run `npm run sdl --workspace @klynge/funding` after changing the schema)', async () => {
    expect(readFileSync(sdlFile, 'utf8')).toBe(await fundingSdl());
  });

  it('keeps the federation keys, and extends Cluster and Organization', async () => {
    const sdl = await fundingSdl();
    const keys: [string, string][] = [
      ['Agency', 'code'],
      ['FundingProgramme', 'code'],
      ['Application', 'id'],
      ['Grant', 'id'],
      ['Cluster', 'id'],
      ['Organization', 'orgNumber'],
    ];
    for (const [type, fields] of keys) expect(sdl).toMatch(new RegExp(`type ${type}\\s+@key\\(fields: "${fields}"\\)`));
  });
});
