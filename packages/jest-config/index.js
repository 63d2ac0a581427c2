'use strict';

const swcOptions = require('./swc-options');

/**
 * Jest settings for a workspace. TypeScript is compiled by swc with the settings in
 * swc-options.js (decorators with metadata, as tsc compiles with our base tsconfig).
 *
 * @param {object} [options]
 * @param {boolean} [options.integration] the tests talk to the real PostgreSQL and Kafka:
 *   a global setup finds (or starts) them first, and tests get more time.
 */
function jestConfig(options = {}) {
  const { integration = false } = options;
  return {
    testEnvironment: 'node',
    roots: ['<rootDir>/src'],
    testMatch: ['**/*.test.ts'],
    moduleFileExtensions: ['ts', 'js', 'json'],
    transform: {
      '^.+\\.ts$': ['@swc/jest', swcOptions],
    },
    // Integration test files share a machine with PostgreSQL and a JVM broker on two cores:
    // one worker per package, packages in parallel under turbo.
    maxWorkers: 1,
    testTimeout: integration ? 120_000 : 10_000,
    // kafkajs (unmaintained) can leave a connection that was disconnecting with a request in
    // flight, whose request queue keeps a 100 ms interval alive after the broker client is closed:
    // seen in CI as a run whose tests all passed, then a jest that never exited until the deadline.
    // An integration run ends when its tests have; our own leaks are caught by the tests that
    // count open connections after close (broker-kafka) and the process tests (exit codes).
    ...(integration ? { forceExit: true } : {}),
    // Resolved from the workspace being tested (jest loads its config there), which lists
    // @klynge/test-infrastructure among its devDependencies.
    ...(integration
      ? {
          globalSetup: require.resolve('@klynge/test-infrastructure/global-setup', { paths: [process.cwd()] }),
          globalTeardown: require.resolve('@klynge/test-infrastructure/global-teardown', { paths: [process.cwd()] }),
        }
      : {}),
  };
}

module.exports = jestConfig;
