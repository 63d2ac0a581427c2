import klyngeEslintConfig from '@klynge/eslint-config';

export default klyngeEslintConfig(import.meta.dirname);
