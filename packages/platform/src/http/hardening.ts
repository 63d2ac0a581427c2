import type express from 'express';
import helmet from 'helmet';
import type { Logger } from '../logging';

/**
 * What every Klynge HTTP server (subgraphs and gateway) answers with, whatever the request: the
 * usual security headers, and errors as JSON, never Express's HTML pages (which show stack traces
 * and file paths).
 */

/**
 * Security headers (helmet's defaults: nosniff, frame and referrer policies, HSTS, ...) with a
 * Content-Security-Policy that lets pages load only what their own server serves. `allow` adds
 * sources per directive, e.g. `{ 'style-src': ["'unsafe-inline'"] }`.
 */
export function securityHeaders(allow: Readonly<Record<string, readonly string[]>> = {}): express.RequestHandler {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'connect-src': ["'self'"],
    'font-src': ["'self'", 'data:'],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
  };
  for (const [directive, sources] of Object.entries(allow)) directives[directive] = [...(directives[directive] ?? []), ...sources];
  return helmet({
    // Pages are served over plain HTTP in development; HTTPS is a reverse proxy's business.
    contentSecurityPolicy: { useDefaults: false, directives },
    frameguard: { action: 'deny' },
  });
}

/** The HTTP status and code of a client's mistake that Express's body parser found. */
function clientError(error: unknown): { status: number; code: string; message: string } | undefined {
  const { status, type } = (error ?? {}) as { status?: unknown; type?: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  switch (type) {
    case 'entity.parse.failed':
      return { status, code: 'BAD_REQUEST', message: 'The request body is not valid JSON' };
    case 'entity.too.large':
      return { status, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The request body has an encoding this server does not read' };
    default:
      return { status, code: 'BAD_REQUEST', message: 'The request could not be read' };
  }
}

/**
 * The last error handler of an Express app: a client's mistake becomes its 4xx with a code, and
 * anything else a bare 500. Neither says more than that; the body of the request is never
 * logged (it may hold tokens or personal data), only what went wrong.
 */
export function jsonErrors(logger: Logger): express.ErrorRequestHandler {
  return (error: unknown, _request, response, next) => {
    if (response.headersSent) return next(error);
    const known = clientError(error);
    if (known) {
      response.status(known.status).json({ errors: [{ message: known.message, extensions: { code: known.code } }] });
      return;
    }
    logger.error({ err: withoutBody(error) }, 'Unexpected error in an HTTP handler');
    response.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  };
}

/** An answer for paths nothing serves: JSON too, so no framework page gives the server away. */
export function notFound(): express.RequestHandler {
  return (_request, response) => {
    response.status(404).json({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
  };
}

function withoutBody(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const { message, name, stack } = error;
  return { name, message, stack };
}
