export { SubgraphServer, type ReadinessCheck, type SubgraphServerOptions } from './subgraph-server';
export { jsonErrors, notFound, securityHeaders } from './hardening';
export { apolloLogger, withoutSuggestions } from './apollo-hardening';
