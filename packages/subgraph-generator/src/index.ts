export { type DerivedFile, derivedFiles, staleDerivedFiles, syncDerivedFiles } from './derived-files';
export { generateSubgraph, type GenerateOptions, spellings } from './generate';
