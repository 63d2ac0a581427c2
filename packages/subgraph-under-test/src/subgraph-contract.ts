import { readFileSync } from 'node:fs';
import type { Subgraph } from '@klynge/platform';

/**
 * The checks every subgraph's public contract passes, one line in its `src/subgraph.test.ts`: the
 * committed schemas/<name>.graphql is the SDL its code defines, and its entities keep their keys.
 */
export function describeSubgraphContract(
  subgraph: Subgraph,
  /** Per entity type, what its `@key(...)` holds, e.g. `fields: "id"`. */
  options: { keys?: Readonly<Record<string, string>> } = {},
): void {
  describe(`schemas/${subgraph.name}.graphql`, () => {
    it(`is the SDL the code defines (run \`npm run sdl --workspace ${subgraph.entry.package}\` after changing the schema)`, async () => {
      expect(readFileSync(subgraph.sdlFile, 'utf8')).toBe(await subgraph.sdl());
    });

    if (options.keys && Object.keys(options.keys).length > 0) {
      it('keeps the federation keys of its entities', async () => {
        const sdl = await subgraph.sdl();
        for (const [type, key] of Object.entries(options.keys!)) expect(sdl).toContain(`type ${type}\n  @key(${key})`);
      });
    }
  });
}
