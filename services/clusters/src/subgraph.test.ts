import { describeSubgraphContract } from '@klynge/subgraph-under-test';
import { subgraph } from './subgraph';

describeSubgraphContract(subgraph, {
  keys: { Cluster: 'fields: "id"', Organization: 'fields: "orgNumber"' },
});
