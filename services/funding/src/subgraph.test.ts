import { describeSubgraphContract } from '@klynge/subgraph-under-test';
import { subgraph } from './subgraph';

describeSubgraphContract(subgraph, {
  keys: {
    Agency: 'fields: "code"',
    FundingProgramme: 'fields: "code"',
    Application: 'fields: "id"',
    Grant: 'fields: "id"',
    Cluster: 'fields: "id"',
    Organization: 'fields: "orgNumber"',
  },
});
