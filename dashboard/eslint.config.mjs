import klyngeEslintConfig from '@klynge/eslint-config';
import globals from 'globals';

export default [
  ...klyngeEslintConfig(import.meta.dirname),
  { ignores: ['test-artifacts/**', 'src/gql/**'] },
  // The app itself runs in browsers.
  { files: ['src/**/*.tsx', 'src/app/**/*.ts'], languageOptions: { globals: globals.browser } },
];
