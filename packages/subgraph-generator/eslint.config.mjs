import klyngeEslintConfig from '@klynge/eslint-config';

// The templates are a subgraph's files with placeholders in them: checked once generated, in their workspace.
export default [...klyngeEslintConfig(import.meta.dirname), { ignores: ['templates/**'] }];
