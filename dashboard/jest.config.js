const base = require('@klynge/jest-config')({ integration: true });

// FormatJS (react-intl and what it is built on) ships ES modules only; the tests format with it
// too (src/format.ts), so jest compiles those packages to CommonJS as it compiles our TypeScript.
const formatjs = ['react-intl', '@formatjs', 'intl-messageformat'];

module.exports = {
  ...base,
  transform: {
    ...base.transform,
    [`/node_modules/(${formatjs.join('|')})/.+\\.js$`]: [
      '@swc/jest',
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${formatjs.join('|')})/)`],
};
