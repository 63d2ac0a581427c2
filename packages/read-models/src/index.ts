export { clusterDirectory, CreateDirectories1795550000000, organizationDirectory } from './directories';
export { clusterReference, organizationReference, stubReferenceResolvers } from './references';
