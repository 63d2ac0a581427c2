export {
  clusterDirectory,
  clusterIdsByName,
  CreateDirectories1795550000000,
  CURRENT_DIRECTORY_LEVEL,
  directoryMigrations,
  DirectoryLevelsEnd1795550000001,
  DirectoryOrganizationSize1795550000002,
  organizationDirectory,
  requireKnownClusters,
} from './directories';
export { clusterReference, organizationReference, stubReferenceResolvers } from './references';
