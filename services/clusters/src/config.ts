import { subgraphConfig } from '@klynge/platform';

/**
 * The clusters subgraph's configuration: the variables every subgraph reads (see
 * @klynge/platform's subgraphVariables), HTTP port 4001 by default.
 */
export const clustersConfig = subgraphConfig({ service: 'clusters', port: 4001 });
