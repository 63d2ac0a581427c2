import { staleDerivedFiles } from './derived-files';

describe('the files derived from the subgraph registry', () => {
  it('say what the registry says (run `npm run subgraphs:sync` after changing it)', () => {
    expect(staleDerivedFiles()).toEqual([]);
  });
});
