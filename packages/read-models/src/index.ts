export {
  clusterDirectory,
  clusterIdsByName,
  CreateDirectories1795550000000,
  CURRENT_DIRECTORY_LEVEL,
  directoryMigrations,
  DirectoryLevelsEnd1795550000001,
  CreateMembershipDirectory1795550000003,
  currentMembership,
  DirectoryOrganizationDetails1795550000002,
  membershipDirectory,
  membershipMigrations,
  organizationDirectory,
  requireKnownClusters,
} from './directories';
export { clusterReference, organizationReference, stubReferenceResolvers } from './references';
