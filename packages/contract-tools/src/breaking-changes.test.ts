import { readFileSync } from 'node:fs';
import path from 'node:path';
import { graphqlSchemaDir } from '@klynge/schemas';
import { baseRevision, breakingChanges, undeclared, undeclaredBreaksSince } from './breaking-changes';

const funding = readFileSync(path.join(graphqlSchemaDir, 'funding.graphql'), 'utf8');
const withoutClusterGrants = funding.replace(/\n\s*"""Its grants, newest first\."""\n\s*grants: \[Grant!\]\n/, '\n');

describe('the breaking-change check', () => {
  it('finds a removed field, and not an added one', async () => {
    expect(await breakingChanges('funding', funding, withoutClusterGrants)).toEqual(
      expect.arrayContaining([{ schema: 'funding', change: "Field 'grants' was removed from object type 'Cluster'" }]),
    );
    const added = funding.replace(
      'type Agency\n  @key(fields: "code")\n{\n',
      'type Agency\n  @key(fields: "code")\n{\n  website: String\n',
    );
    expect(added).not.toBe(funding);
    expect(await breakingChanges('funding', funding, added)).toEqual([]);
  });

  it('lets through only the breaks the changelog declares', async () => {
    const changes = await breakingChanges('funding', funding, withoutClusterGrants);
    expect(changes.length).toBeGreaterThan(0);
    expect(
      undeclared(
        changes,
        changes.map((change) => ({ ...change, reason: 'intended' })),
      ),
    ).toEqual([]);
    expect(undeclared(changes, [])).toEqual(changes);
  });

  it('finds no undeclared break in the committed schemas since main', async () => {
    expect(await undeclaredBreaksSince(baseRevision())).toEqual([]);
  });
});
