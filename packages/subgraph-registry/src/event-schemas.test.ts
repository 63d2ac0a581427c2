import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as sharedContracts from '@klynge/contracts';
import type { EventContract } from '@klynge/platform';
import { eventSchemaDir } from '@klynge/schemas';
import { loadSubgraphs } from './index';

function isContract(value: unknown): value is EventContract {
  return typeof value === 'object' && value !== null && 'schemaPath' in value;
}

describe('the event schemas in schemas/events', () => {
  // A schema is a public contract; one no code declares is either dead or an event published
  // without its contract. The contracts are the shared ones (@klynge/contracts, for events other
  // services consume) and each registered subgraph's own (what it publishes).
  it('are each the schema of an event that the shared contracts or a subgraph declares', () => {
    const files = readdirSync(eventSchemaDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((topic) => readdirSync(path.join(eventSchemaDir, topic.name)).map((file) => `${topic.name}/${file}`));
    const declared = new Set(
      [
        ...Object.values(sharedContracts as Record<string, unknown>).filter(isContract),
        ...loadSubgraphs().flatMap((subgraph) => subgraph.definition.publishes ?? []),
      ].map((contract) => contract.schemaPath),
    );
    expect(files.filter((file) => !declared.has(file))).toEqual([]);
  });

  it.each(loadSubgraphs().map((subgraph) => [subgraph.name, subgraph] as const))(
    'hold a schema for every event the %s subgraph publishes',
    (_, subgraph) => {
      const missing = (subgraph.definition.publishes ?? []).filter(
        (contract) => !existsSync(path.join(eventSchemaDir, contract.schemaPath)),
      );
      expect(missing.map((contract) => contract.type)).toEqual([]);
    },
  );
});
