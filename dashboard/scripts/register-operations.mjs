// Registers the dashboard's operations with the graph: codegen's manifest of persisted operations
// (hash -> document) goes where the gateway (which accepts them by hash) and schema:check read it.
import { copyFileSync } from 'node:fs';

copyFileSync(
  new URL('../src/gql/persisted-documents.json', import.meta.url),
  new URL('../../schemas/operations/dashboard.persisted.json', import.meta.url),
);
