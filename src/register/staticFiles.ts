import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type * as restify from 'restify';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Where Teams may frame the page (its web, desktop and mobile clients, and Microsoft 365), and
 * what the page may load: only its own files.
 */
export const PAGE_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Fluent's components put their styles in the page at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com " +
    'https://*.skype.com https://*.office.com https://*.microsoft365.com https://*.cloud.microsoft',
].join('; ');

/** The page's files by URL path: each file of `dir`, and teams-js from node_modules. */
export function staticFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (existsSync(dir)) {
    for (const name of readdirSync(dir)) files.set(name, join(dir, name));
  }
  // Served from our own origin: the page's CSP allows no script from elsewhere.
  files.set('teams-js.js', require.resolve('@microsoft/teams-js'));
  return files;
}

/** A restify handler that sends one file with its type and the page's security headers. */
export function sendFile(path: string | undefined): restify.RequestHandler {
  return async (_req, res) => {
    if (!path) {
      res.send(404, { error: 'Not found.' });
      return;
    }
    const body = await readFile(path);
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': PAGE_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    res.end(body);
  };
}
