export { type DerivedFile, derivedFiles, staleDerivedFiles, syncDerivedFiles } from './derived-files';
