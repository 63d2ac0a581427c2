import { describeSubgraphContract } from '@klynge/service-testing';
import { subgraph } from './subgraph';

describeSubgraphContract(subgraph, {
  keys: { Cluster: 'fields: "id"', Organization: 'fields: "orgNumber"' },
});
