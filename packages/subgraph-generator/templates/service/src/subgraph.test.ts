import { describeSubgraphContract } from '@klynge/subgraph-under-test';
import { subgraph } from './subgraph';

describeSubgraphContract(subgraph, {
  keys: { __Name__Note: 'fields: "id"', Cluster: 'fields: "id"' },
});
