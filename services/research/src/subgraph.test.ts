import { describeSubgraphContract } from '@klynge/subgraph-under-test';
import { subgraph } from './subgraph';

describeSubgraphContract(subgraph, {
  keys: {
    ResearchProject: 'fields: "id"',
    ResearchFundingActivity: 'fields: "code"',
    Cluster: 'fields: "id"',
    Organization: 'fields: "orgNumber"',
  },
});
