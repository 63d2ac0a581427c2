import { existsSync } from 'node:fs';
import path from 'node:path';
import { securityHeaders } from '@klynge/platform/http';
import express from 'express';

/**
 * The built dashboard (the `dashboard/` workspace) at /dashboard/, from the same origin as the
 * graph it reads: its files, and its index page for every address under /dashboard/ (the app
 * routes in the browser, so /dashboard/counties can be bookmarked). Its charts (Apache ECharts)
 * write style attributes, which its content security policy allows; scripts come only from here.
 */
export function dashboardRoutes(app: express.Express, directory: string): void {
  const index = path.join(directory, 'index.html');
  if (!existsSync(index)) throw new Error(`DASHBOARD_DIR has no index.html: build the dashboard first (${directory})`);
  const router = express.Router();
  router.use(securityHeaders({ 'style-src': ["'unsafe-inline'"] }));
  router.use(express.static(directory, { index: false, fallthrough: true }));
  router.get('/{*path}', (_request, response) => {
    response.sendFile(index);
  });
  // (Routes match with or without a trailing slash: only the bare address is redirected.)
  app.get('/dashboard', (request, response, next) => {
    if (request.originalUrl.split('?')[0] !== '/dashboard') return next();
    response.redirect(301, '/dashboard/');
  });
  app.use('/dashboard/', router);
}
