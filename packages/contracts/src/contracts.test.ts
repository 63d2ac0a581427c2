import { readdirSync } from 'node:fs';
import path from 'node:path';
import { EventSchemas, type EventContract } from '@klynge/platform';
import { eventSchemaDir } from '@klynge/schemas';
import * as contracts from './index';

const declared: EventContract[] = Object.values(contracts as Record<string, unknown>).filter(
  (value): value is EventContract => typeof value === 'object' && value !== null && 'schemaPath' in value,
);

describe('event contracts', () => {
  it('have one JSON Schema each, and every schema has its contract', () => {
    const files = readdirSync(eventSchemaDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((topic) => readdirSync(path.join(eventSchemaDir, topic.name)).map((file) => `${topic.name}/${file}`))
      .sort();
    expect(declared.map((contract) => contract.schemaPath).sort()).toEqual(files);
  });

  it.each(declared.map((contract) => [contract.type, contract] as const))('%s has a schema that compiles', (_, contract) => {
    // Any object fails the schema (every event has required fields), but only after compiling it.
    expect(() => new EventSchemas().assertData(contract, {})).toThrow('is invalid');
  });
});
