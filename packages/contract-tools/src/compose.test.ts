import { readFileSync } from 'node:fs';
import { composeSupergraph, unacceptedHints } from './compose';
import { supergraphFile } from '@klynge/gateway/subgraphs';

describe('schemas/supergraph.graphql', () => {
  it('composes from the committed subgraph SDLs, with no hint nobody has accepted', () => {
    const composition = composeSupergraph();
    expect(unacceptedHints(composition)).toEqual([]);
  });

  it('is what composing them gives today (run `npm run compose` after changing a subgraph)', () => {
    expect(readFileSync(supergraphFile, 'utf8')).toBe(composeSupergraph().supergraphSdl);
  });
});
