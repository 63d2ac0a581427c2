import { describeSubgraphContract } from '@klynge/subgraph-under-test';
import { subgraph } from './subgraph';

describeSubgraphContract(subgraph, {
  keys: {
    CatapultCentre: 'fields: "id"',
    CatapultNode: 'fields: "id"',
    CatapultProject: 'fields: "id"',
    Cluster: 'fields: "id"',
    Organization: 'fields: "orgNumber"',
  },
});
