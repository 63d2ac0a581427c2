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
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>GraphiQL – Klynge</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/graphiql/graphiql.css" />
    <link rel="stylesheet" href="/graphiql/klynge.css" />
  </head>
  <body>
    <main>
      <h1 class="klynge-visually-hidden">GraphiQL: the Klynge graph</h1>
      <div id="graphiql">Loading GraphiQL…</div>
    </main>
    <script src="/graphiql/react.js"></script>
    <script src="/graphiql/react-dom.js"></script>
    <script src="/graphiql/graphiql.js"></script>
    <script type="application/json" id="graphiql-settings">${jsonForHtml({ url: graphqlPath, query: SAMPLE_QUERY })}</script>
    <script src="/graphiql/start.js"></script>
  </body>
</html>
`;

/**
 * GraphiQL made to meet WCAG 2.1 AA where it falls short, so that axe-core finds nothing: its light
 * theme's colours darkened to 4.5:1 against its backgrounds (its faded texts less faded), and the
 * page in one main landmark with a heading. Only the light theme is made so, and the page keeps to
 * it (forcedTheme in START).
 */
const STYLES = `html, body { margin: 0; height: 100%; }
main, #graphiql { height: 100vh; }
.klynge-visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; }
.graphiql-container, .CodeMirror-info, .CodeMirror-lint-tooltip, .graphiql-dialog, .graphiql-dialog-overlay, .graphiql-tooltip, [data-radix-popper-content-wrapper] {
  --color-primary: 320, 95%, 37%;
  --color-secondary: 242, 51%, 52%;
  --color-tertiary: 188, 100%, 23%;
  --color-info: 208, 100%, 35%;
  --color-success: 158, 60%, 26%;
  --color-warning: 36, 100%, 27%;
  --color-error: 13, 93%, 37%;
  --alpha-secondary: 0.9;
  --alpha-tertiary: 0.88;
}
/* A focus that shows: GraphiQL's own ring is its neutral colour at 15 %; an editor shows it around itself. */
.graphiql-container :focus-visible, .graphiql-dialog :focus-visible { outline: 3px solid hsl(var(--color-primary)) !important; outline-offset: 1px; }
.graphiql-container .CodeMirror-scroll:focus-visible { outline-offset: -3px; }
.graphiql-container .CodeMirror-focused { outline: 3px solid hsl(var(--color-primary)); outline-offset: -3px; }
`;

// No inline script, so the page's Content-Security-Policy can allow only scripts from the gateway.
// CodeMirror's editors read and write through a hidden textarea with no name: each is named for
// screen readers (and axe-core's "label" rule) once GraphiQL has drawn it; the scrolling areas of
// the query and the response take focus, so that a keyboard can scroll one longer than the screen.
// Tab and Shift-Tab leave an editor instead of indenting in it (a keyboard trap, WCAG 2.1.2):
// Enter indents, the prettify button lays a query out, and an open list of suggestions still
// takes Tab (its own key map comes first).
const START = `const settings = JSON.parse(document.getElementById('graphiql-settings').textContent);
const fetcher = GraphiQL.createFetcher({ url: settings.url });
const names = [
  ['.graphiql-query-editor textarea', 'Query editor'],
  ['.graphiql-editor-tool .graphiql-editor:nth-of-type(1) textarea', 'Variables (JSON)'],
  ['.graphiql-editor-tool .graphiql-editor:nth-of-type(2) textarea', 'Headers (JSON)'],
  ['.result-window textarea', 'Response'],
];
const nameEditors = () => {
  for (const element of document.querySelectorAll('.CodeMirror'))
    if (element.CodeMirror && !element.dataset.tabLeaves) {
      element.dataset.tabLeaves = 'true';
      element.CodeMirror.setOption('extraKeys', { ...element.CodeMirror.getOption('extraKeys'), Tab: false, 'Shift-Tab': false });
    }
  for (const [selector, name] of names)
    for (const element of document.querySelectorAll(selector))
      if (element.getAttribute('aria-label') !== name) element.setAttribute('aria-label', name);
  for (const scroller of document.querySelectorAll('.graphiql-query-editor .CodeMirror-scroll, .result-window .CodeMirror-scroll'))
    // CodeMirror itself gives it tabindex -1, out of the tab order.
    if (scroller.getAttribute('tabindex') !== '0') {
      scroller.setAttribute('tabindex', '0');
      scroller.setAttribute('role', 'region');
      scroller.setAttribute('aria-label', scroller.closest('.result-window') ? 'Response, scrollable' : 'Query, scrollable');
    }
};
new MutationObserver(nameEditors).observe(document.getElementById('graphiql'), { childList: true, subtree: true });
// A link from a dashboard's figure opens its source query, variables filled: ?query=...&variables=...
const asked = new URLSearchParams(window.location.search);
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultQuery: settings.query,
    query: asked.get('query') ?? undefined,
    variables: asked.get('variables') ?? undefined,
    defaultEditorToolsVisibility: true,
    forcedTheme: 'light',
  }),
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
  assets.set('klynge.css', { body: Buffer.from(STYLES), type: 'text/css' });
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
