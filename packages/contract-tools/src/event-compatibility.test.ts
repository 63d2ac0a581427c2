import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventSchemaDir } from '@klynge/schemas';
import { baseRevision } from './breaking-changes';
import { eventSchemaBreaksSince, schemaBreaks } from './event-compatibility';

const grantAwarded = JSON.parse(readFileSync(path.join(eventSchemaDir, 'funding.grant.v1', 'GrantAwarded.json'), 'utf8')) as {
  required: string[];
  properties: Record<string, Record<string, unknown>>;
};
const changed = (change: (schema: typeof grantAwarded) => void) => {
  const copy = structuredClone(grantAwarded);
  change(copy);
  return copy;
};

describe('the event schema compatibility check', () => {
  it('finds what breaks a consumer: a removed or renamed field, a narrowed type, a new required field, a tighter constraint', () => {
    expect(
      schemaBreaks(
        grantAwarded,
        changed((schema) => delete schema.properties.plannedEnd),
      ),
    ).toEqual(['the event: property plannedEnd was removed (or renamed)']);
    const renamed = changed((schema) => {
      schema.properties.awardedOn = schema.properties.awardDate!;
      delete schema.properties.awardDate;
      schema.required = schema.required.map((name) => (name === 'awardDate' ? 'awardedOn' : name));
    });
    expect(schemaBreaks(grantAwarded, renamed)).toEqual([
      'the event: property awardDate was removed (or renamed)',
      'the event: property awardedOn became required',
    ]);
    expect(
      schemaBreaks(
        grantAwarded,
        changed((schema) => (schema.properties.clusterLevel = { type: 'string' })),
      ),
    ).toEqual(['clusterLevel: type narrowed from any to string']);
    expect(
      schemaBreaks(
        grantAwarded,
        changed((schema) => {
          schema.properties.reference = { type: 'string' };
          schema.required.push('reference');
        }),
      ),
    ).toEqual(['the event: property reference became required']);
    expect(
      schemaBreaks(
        { type: 'object', properties: { title: { type: 'string', maxLength: 200 } } },
        { type: 'object', properties: { title: { type: 'string', maxLength: 100 } } },
      ),
    ).toEqual(['title: maxLength lowered from 200 to 100']);
    expect(schemaBreaks({ enum: ['A', 'B'] }, { enum: ['A'] })).toEqual(['the event: no longer allows "B"']);
    expect(schemaBreaks({ type: ['string', 'null'] }, { type: 'string' })).toEqual([
      'the event: type narrowed from string or null to string',
    ]);
  });

  it('lets additive changes through: a new optional field, a wider type, more enum values, a looser bound', () => {
    expect(
      schemaBreaks(
        grantAwarded,
        changed((schema) => (schema.properties.note = { type: 'string' })),
      ),
    ).toEqual([]);
    expect(schemaBreaks({ type: 'string' }, { type: ['string', 'null'] })).toEqual([]);
    expect(schemaBreaks({ type: 'integer' }, { type: 'number' })).toEqual([]);
    expect(schemaBreaks({ enum: ['A'] }, { enum: ['A', 'B'] })).toEqual([]);
    expect(schemaBreaks({ type: 'string', maxLength: 100 }, { type: 'string', maxLength: 200 })).toEqual([]);
    expect(schemaBreaks(grantAwarded, structuredClone(grantAwarded))).toEqual([]);
  });

  it('against a git base: fails a break made in place, passes the same change made as a new major version with the old one kept', () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'event-schemas-'));
    try {
      const dir = path.join(repo, 'schemas', 'events');
      const write = (topic: string, schema: object) => {
        mkdirSync(path.join(dir, topic), { recursive: true });
        writeFileSync(path.join(dir, topic, 'GrantAwarded.json'), JSON.stringify(schema));
      };
      const git = (...args: string[]) =>
        execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@klynge.invalid', ...args], { cwd: repo, stdio: 'pipe' });
      git('init', '--quiet', '--initial-branch=main');
      write('funding.grant.v1', grantAwarded);
      git('add', '--all');
      git('commit', '--quiet', '--message', 'v1');
      const withoutPlannedEnd = changed((schema) => {
        delete schema.properties.plannedEnd;
        schema.required = schema.required.filter((name) => name !== 'plannedEnd');
      });
      write('funding.grant.v1', withoutPlannedEnd);
      expect(eventSchemaBreaksSince('main', dir)).toEqual([
        { schema: 'funding.grant.v1/GrantAwarded.json', change: 'the event: property plannedEnd was removed (or renamed)' },
      ]);
      // Moved rather than kept: the old major is gone.
      unlinkSync(path.join(dir, 'funding.grant.v1', 'GrantAwarded.json'));
      write('funding.grant.v2', withoutPlannedEnd);
      expect(eventSchemaBreaksSince('main', dir).map((entry) => entry.schema)).toEqual(['funding.grant.v1/GrantAwarded.json']);
      // The way to break: v2 next to v1, which stays as it was.
      write('funding.grant.v1', grantAwarded);
      expect(eventSchemaBreaksSince('main', dir)).toEqual([]);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('finds no break in the committed event schemas since main', () => {
    expect(eventSchemaBreaksSince(baseRevision())).toEqual([]);
  });
});
