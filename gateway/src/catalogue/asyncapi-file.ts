import path from 'node:path';
import { graphqlSchemaDir } from '@klynge/schemas';

/**
 * Where the catalogue is committed; `npm run catalogue` writes it, a test fails when it is stale.
 * A module of its own so that the gateway, which serves the file, does not load what writes it
 * (asyncapi.ts loads every subgraph's definition, and with them TypeORM and PGlite).
 */
export const asyncApiFile = path.join(graphqlSchemaDir, 'asyncapi.yaml');
