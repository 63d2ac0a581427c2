import path from 'node:path';

export { subgraphAt } from './subgraph-at';

/**
 * The runner's built script, for what starts services itself (npm run stack, the benchmarks):
 * `node <SUBGRAPH_RUNNER> <service directory> [command]`, as `npm start` in the service runs it.
 */
export const SUBGRAPH_RUNNER = path.join(__dirname, 'main.js');
