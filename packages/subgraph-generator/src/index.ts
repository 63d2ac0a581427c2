export { type DerivedFile, derivedFiles, staleDerivedFiles, syncDerivedFiles } from './derived-files';
export { generateSubgraph, GenerationRefused, type GenerateOptions, spellings } from './generate';
export { subgraphNewCommand } from './subgraph-new-command';
