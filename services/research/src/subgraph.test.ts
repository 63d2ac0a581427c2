import { describeSubgraphContract } from '@klynge/service-testing';
import { subgraph } from './subgraph';

describeSubgraphContract(subgraph, {
  keys: { ResearchNote: 'fields: "id"', Cluster: 'fields: "id"' },
});
