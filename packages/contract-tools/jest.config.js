// The tools' tests compose the supergraph, load every subgraph's definition and run
// `npm run schema:check` (which builds first): slower than the default 10 s on a busy machine.
module.exports = { ...require('@klynge/jest-config')(), testTimeout: 120_000 };
