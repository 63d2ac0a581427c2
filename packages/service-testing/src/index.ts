export {
  eventTypes,
  type GraphQLResult,
  runSubgraphCommand,
  type ServiceUnderTest,
  startServiceUnderTest,
  testCallers,
} from './service-under-test';
export { announceCluster, announceLevelEnded, announceMembership, announceMembershipEnded, announceOrganization } from './announce';
export { describeSubgraphContract } from './subgraph-contract';
