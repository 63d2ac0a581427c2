import path from 'node:path';
import { graphqlSchemaDir } from '@klynge/schemas';

/**
 * Where the catalogue is committed; `npm run catalogue` writes it, a test fails when it is stale.
 * A module of its own so that the gateway, which serves the file, does not load what writes it
 * (asyncapi.ts loads every subgraph's definition, and with them TypeORM and PGlite).
 */
export const asyncApiFile = path.join(graphqlSchemaDir, 'asyncapi.yaml');

/**
 * The catalogue's own extensions, for programs: on a topic's `send` operation, the subgraph that
 * publishes it; on its `receive` operation, the subgraphs whose consumers read it (sorted). The
 * gateway's response cache reads them (response-cache/topic-subgraphs.ts) without loading the
 * subgraphs' code.
 */
export const PUBLISHER = 'x-klynge-publisher';
export const READERS = 'x-klynge-readers';
