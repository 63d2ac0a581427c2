import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The lint rules every workspace shares. Type-aware, because the bugs worth a linter here are
 * async ones: a floating promise in a relay loop or a consumer loses events silently.
 *
 * @param {string} tsconfigRootDir the workspace folder (pass `import.meta.dirname`)
 */
export default function klyngeEslintConfig(tsconfigRootDir) {
  return defineConfig(
    { ignores: ['dist/**', 'coverage/**', '*.config.js', '*.config.mjs', '*.config.cjs'] },
    js.configs.recommended,
    tseslint.configs.recommendedTypeChecked,
    {
      languageOptions: {
        globals: globals.node,
        parserOptions: { projectService: true, tsconfigRootDir },
      },
      rules: {
        '@typescript-eslint/no-floating-promises': 'error',
        '@typescript-eslint/no-misused-promises': 'error',
        '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
        'no-console': 'error',
        eqeqeq: ['error', 'always'],
      },
    },
    {
      // Plain CommonJS scripts (a tool or two) are not part of a TypeScript project.
      files: ['**/*.js', '**/*.cjs'],
      extends: [tseslint.configs.disableTypeChecked],
      languageOptions: { sourceType: 'commonjs' },
      rules: { '@typescript-eslint/no-require-imports': 'off', 'no-console': 'off' },
    },
    {
      files: ['**/*.test.ts', '**/*.fault.ts', '**/*.contract.ts', '**/test-fixtures/**/*.ts'],
      rules: {
        // jest's asymmetric matchers (expect.any, expect.stringMatching) are typed `any`.
        '@typescript-eslint/no-unsafe-assignment': 'off',
        '@typescript-eslint/unbound-method': 'off',
      },
    },
  );
}
