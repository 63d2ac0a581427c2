import { describeSubgraphContract } from '@klynge/service-testing';
import { subgraph } from './subgraph';

describeSubgraphContract(subgraph, {
  keys: { __Name__Note: 'fields: "id"', Cluster: 'fields: "id"' },
});
