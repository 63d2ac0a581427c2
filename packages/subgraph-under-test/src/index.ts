export {
  eventTypes,
  type GraphQLResult,
  runSubgraphCommand,
  type ServiceUnderTest,
  startServiceUnderTest,
  subgraphProcessArgs,
  testCallers,
} from './service-under-test';
export { announceCluster, announceLevelEnded, announceMembership, announceMembershipEnded, announceOrganization } from './announce';
export { describeSubgraphContract } from './subgraph-contract';
