import { subgraphConfig } from '@klynge/platform';

/**
 * The funding subgraph's configuration: the variables every subgraph reads (see
 * @klynge/platform's subgraphVariables), HTTP port 4002 by default.
 */
export const fundingConfig = subgraphConfig({ service: 'funding', port: 4002 });
