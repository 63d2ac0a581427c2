import { existsSync } from 'node:fs';
import path from 'node:path';
import { EventSchemas, type EventContract } from '@klynge/platform';
import { eventSchemaDir } from '@klynge/schemas';
import * as contracts from './index';

const declared: EventContract[] = Object.values(contracts as Record<string, unknown>).filter(
  (value): value is EventContract => typeof value === 'object' && value !== null && 'schemaPath' in value,
);

describe('event contracts', () => {
  // The other direction (every schema file has a contract) needs every subgraph's own events too,
  // so it is checked where all of them are loaded: packages/subgraph-registry.
  it('have one JSON Schema each', () => {
    expect(
      declared.filter((contract) => !existsSync(path.join(eventSchemaDir, contract.schemaPath))).map((contract) => contract.type),
    ).toEqual([]);
  });

  it.each(declared.map((contract) => [contract.type, contract] as const))('%s has a schema that compiles', (_, contract) => {
    // Any object fails the schema (every event has required fields), but only after compiling it.
    expect(() => new EventSchemas().assertData(contract, {})).toThrow('is invalid');
  });
});
