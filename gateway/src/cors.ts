import cors from 'cors';
import type express from 'express';

const LOCALHOST = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Cross-origin access for dashboards served from elsewhere: pages from a listed origin may call
 * the gateway with credentials; in development any page on this machine (a Vite dev server on
 * localhost) may call it, without credentials. Other origins get no CORS headers, so browsers
 * keep their pages from reading the answers. Preflight requests are answered here.
 */
export function corsFor(options: { origins: readonly string[]; localhost: boolean }): express.RequestHandler {
  const listed = new Set(options.origins);
  return cors((request, callback) => {
    const origin = request.headers.origin;
    let allowed: { origin: boolean; credentials: boolean } = { origin: false, credentials: false };
    if (origin && listed.has(origin)) allowed = { origin: true, credentials: true };
    else if (origin && options.localhost && isLocalhost(origin)) allowed = { origin: true, credentials: false };
    callback(null, {
      ...allowed,
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['authorization', 'content-type', 'x-request-id', 'apollo-require-preflight'],
      exposedHeaders: ['x-request-id'],
      maxAge: 600,
    });
  });
}

function isLocalhost(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOCALHOST.has(url.hostname);
  } catch {
    return false;
  }
}
