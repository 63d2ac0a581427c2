export { type ClusterFact, clusterFacts, type ProgrammeFact, programmeFacts } from './register';
