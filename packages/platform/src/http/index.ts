export { SubgraphServer, type ReadinessCheck, type SubgraphServerOptions } from './subgraph-server';
