import { subgraphConfig } from '@klynge/platform';

/**
 * The competence subgraph's configuration: the variables every subgraph reads (see
 * @klynge/platform's subgraphVariables), HTTP port 4003 by default.
 */
export const competenceConfig = subgraphConfig({ service: 'competence', port: 4003 });
