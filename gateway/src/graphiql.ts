import { readFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import { registeredOperation } from './registered-operations';

/** The query GraphiQL opens with: the registered dashboard query, from all three subgraphs. */
export const SAMPLE_QUERY = `${registeredOperation('NceDashboard').text.trimEnd()}

# Mutations need a development token: \`npm run token -- --role admin\`, then in Headers:
# { "authorization": "Bearer <token>" }
`;

// GraphiQL's browser build and the React it runs on, from node_modules: the IDE needs no internet
// (Apollo's Sandbox, the default landing page, loads from a CDN).
const ASSETS: Readonly<Record<string, { pkg: string; file: string; type: string }>> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};
// Through package.json: the packages' export maps do not list their browser builds.
const fileOf = (pkg: string, file: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

const page = (graphqlPath: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Klynge GraphiQL</title>
    <link rel="stylesheet" href="/graphiql/graphiql.css" />
    <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL...</div>
    <script src="/graphiql/react.js"></script>
    <script src="/graphiql/react-dom.js"></script>
    <script src="/graphiql/graphiql.js"></script>
    <script type="application/json" id="graphiql-settings">${jsonForHtml({ url: graphqlPath, query: SAMPLE_QUERY })}</script>
    <script src="/graphiql/start.js"></script>
  </body>
</html>
`;

// No inline script, so the page's Content-Security-Policy can allow only scripts from the gateway.
const START = `const settings = JSON.parse(document.getElementById('graphiql-settings').textContent);
const fetcher = GraphiQL.createFetcher({ url: settings.url });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery: settings.query, defaultEditorToolsVisibility: true }),
);
`;

/** JSON that cannot end the <script> element it sits in. */
const jsonForHtml = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** What the GraphiQL page needs beyond the gateway's own Content-Security-Policy. */
export const GRAPHIQL_CONTENT_SECURITY = { 'style-src': ["'unsafe-inline'"] } as const;

/**
 * GraphiQL for development: the page on a browser's GET of the GraphQL path (other requests go
 * on to the GraphQL server), and its scripts under /graphiql/.
 */
export function graphiql(graphqlPath: string): express.Router {
  const router = express.Router();
  const html = page(graphqlPath);
  const assets = new Map(
    Object.entries(ASSETS).map(([name, { pkg, file, type }]) => [name, { body: readFileSync(fileOf(pkg, file)), type }]),
  );
  assets.set('start.js', { body: Buffer.from(START), type: 'text/javascript' });
  router.get(graphqlPath, (request, response, next) => {
    if (request.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    response.type('html').send(html);
  });
  router.get('/graphiql/:asset', (request, response, next) => {
    const asset = assets.get(request.params.asset);
    if (!asset) return next();
    response.type(asset.type).set('cache-control', 'public, max-age=86400').send(asset.body);
  });
  return router;
}
