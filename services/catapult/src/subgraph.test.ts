import { describeSubgraphContract } from '@klynge/service-testing';
import { subgraph } from './subgraph';

describeSubgraphContract(subgraph, {
  keys: { CatapultNote: 'fields: "id"', Cluster: 'fields: "id"' },
});
