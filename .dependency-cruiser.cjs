/**
 * The boundaries of the code, checked by dependency-cruiser (npm run lint:boundaries, part of
 * npm test). Paths are the files' real paths: a workspace package resolves to its folder.
 */
const TESTS = '(\\.(test|fault)\\.ts$|/test-support/|/test-fixtures/|\\.contract\\.ts$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-service-imports-another',
      comment: 'A subgraph knows another only through its events and the federation contract, never its code.',
      severity: 'error',
      from: { path: '^services/([^/]+)/' },
      to: { path: '^services/', pathNot: '^services/$1/' },
    },
    {
      name: 'kafkajs-only-in-broker-kafka',
      comment: 'kafkajs is unmaintained: the Kafka adapter is the one place that may use it, so it can be swapped there.',
      severity: 'error',
      from: { pathNot: '^packages/broker-kafka/' },
      to: { path: 'node_modules/kafkajs/' },
    },
    {
      name: 'platform-names-no-broker-adapter',
      comment: 'The platform depends on the broker interface; where a process starts, it chooses the adapter.',
      severity: 'error',
      from: { path: '^packages/platform/src/', pathNot: TESTS },
      to: { path: '^packages/broker-(kafka|local)/' },
    },
    {
      name: 'services-name-no-broker-adapter',
      comment:
        'A service depends on the broker interface; its process (@klynge/subgraph-runner) chooses the adapter, and npm start another.',
      severity: 'error',
      from: { path: '^services/' },
      to: { path: '^packages/broker-(kafka|local)/' },
    },
    {
      name: 'resolvers-use-queries-and-services',
      comment: 'A resolver asks a *.queries.ts or a *.service.ts; the ORM and its DataSource stay behind them.',
      severity: 'error',
      from: { path: '\\.resolver\\.ts$' },
      to: { path: 'node_modules/typeorm/' },
    },
    {
      name: 'no-deep-imports',
      comment: 'Another package is used through what it exports, never by reaching into its src/.',
      severity: 'error',
      from: { path: '^(packages|services)/([^/]+)/' },
      to: { path: '^(packages|services)/[^/]+/src/', pathNot: '^$1/$2/' },
    },
    {
      name: 'no-deep-imports-from-apps',
      comment: 'The gateway and infra use packages through what they export too.',
      severity: 'error',
      from: { path: '^(gateway|infra)/' },
      to: { path: '^(packages|services)/[^/]+/src/' },
    },
    {
      name: 'gateway-loads-no-database',
      comment:
        "The gateway checks tokens and forwards queries: it loads the platform's subpaths for every process (auth, config, http, logging, process, events), never its barrel or the parts for services, which load TypeORM, PGlite and the outbox (issue 28, item 2). A type may come from anywhere.",
      severity: 'error',
      from: { path: '^gateway/src/', pathNot: TESTS },
      to: {
        dependencyTypesNot: ['type-only'],
        path: [
          '^packages/platform/(src|dist)/(index|database/|outbox/|consumers/|service/index|graphql/index)',
          'node_modules/(typeorm|@electric-sql/pglite|pg)/',
        ],
      },
    },
    {
      name: 'platform-subpaths-for-every-process-stay-light',
      comment:
        "What @klynge/platform/{auth,config,http,logging,process,events} load, the gateway loads: none of it may import the database, the outbox, the consumers or the barrels that do (package.json's exports).",
      severity: 'error',
      from: {
        path: '^packages/platform/src/((auth|config|logging|events)/|http/(index|hardening|apollo-hardening)\\.ts$|service/run-service\\.ts$|graphql/(caller|errors)\\.ts$)',
        pathNot: TESTS,
      },
      to: {
        dependencyTypesNot: ['type-only'],
        path: [
          '^packages/platform/src/(index\\.ts$|database/|outbox/|consumers/|service/|graphql/index\\.ts$|http/subgraph-server)',
          'node_modules/(typeorm|@electric-sql/pglite|pg|type-graphql)/',
        ],
      },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles make load order matter and hide a missing boundary.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // The sources are the roots (see lint:boundaries); what they import from other packages
    // resolves to those packages' folders (dist/ or src/), and is not followed further.
    doNotFollow: { path: ['node_modules', '(^|/)dist/'] },
    tsPreCompilationDeps: true,
    // Workspace packages say what they export (e.g. @klynge/clusters/subgraph) in package.json.
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default', 'types'] },
  },
};
