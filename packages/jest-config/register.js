'use strict';

/**
 * `node -r @klynge/jest-config/register file.ts` runs TypeScript the way the tests compile it,
 * for tests that start a fixture in a child process (a service receiving SIGTERM, say).
 */
const fs = require('node:fs');
const { transformSync } = require('@swc/core');
const swcOptions = require('./swc-options');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...swcOptions, filename });
  module._compile(code, filename);
};
