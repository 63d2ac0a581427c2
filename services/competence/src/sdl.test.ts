import { readFileSync } from 'node:fs';
import { competenceSdl, sdlFile } from './sdl';

describe('schemas/competence.graphql', () => {
  it('is the SDL the code defines (run `npm run sdl --workspace @klynge/competence` after changing the schema)', async () => {
    expect(readFileSync(sdlFile, 'utf8')).toBe(await competenceSdl());
  });

  it('keeps its keys, extends Cluster and Organization, and refers to Grant and FundingProgramme', async () => {
    const sdl = await competenceSdl();
    const keys: [string, string][] = [
      ['CompetenceProgramme', 'fields: "id"'],
      ['Enrolment', 'fields: "id"'],
      ['Cluster', 'fields: "id"'],
      ['Organization', 'fields: "orgNumber"'],
      ['Grant', 'fields: "id", resolvable: false'],
      ['FundingProgramme', 'fields: "code", resolvable: false'],
    ];
    for (const [type, key] of keys) expect(sdl).toContain(`type ${type}\n  @key(${key})`);
  });
});
