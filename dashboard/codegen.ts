import type { CodegenConfig } from '@graphql-codegen/cli';

// The dashboard's operations (src/operations/*.graphql), typed from the supergraph clients see.
// The client preset also writes persisted-documents.json (sha256 hash -> document), which
// `npm run codegen` registers in schemas/operations/ for the gateway and schema:check.
const config: CodegenConfig = {
  schema: '../schemas/supergraph.graphql',
  documents: ['src/operations/*.graphql'],
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' } },
      config: { enumsAsTypes: true, useTypeImports: true, scalars: { JSONObject: 'Record<string, unknown>' } },
    },
  },
};
export default config;
