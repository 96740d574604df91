/**
 * The gateway's pages: `/` (GraphiQL) and `/compare`, with their assets (`/assets/…`), from the
 * build in web/dist (`npm run build`, run by `npm ci`; scripts/build-web.ts). Everything a page needs
 * comes from this origin: the content security policy allows nothing else, so the pages work
 * offline. Assets have hashed names and are cached for a year; the pages themselves are revalidated,
 * so a new build is seen at once. Without a build the pages answer 503 with what to run.
 */
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { ROOT_DIR } from '../schema/cities';
import type { Logger } from '../subgraphs/shared/logger';

export const WEB_DIST_DIR = path.join(ROOT_DIR, 'web', 'dist');

/**
 * Only this origin. Styles may be inline: GraphiQL and ECharts set element styles at run time;
 * scripts may not. Fonts and icons of GraphiQL's style sheet are data: URLs.
 */
export const PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** The pages by path, and the file of web/dist each is. */
const PAGES: Record<string, string> = { '/': 'index.html', '/compare': 'compare.html' };

function notBuilt(dir: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pages not built</title></head><body>
<h1>The gateway's pages are not built</h1>
<p>${path.relative(ROOT_DIR, dir) || dir}/ has no build. Run <code>npm run build</code> (or <code>npm ci</code>, which builds them) in the checkout, then reload.</p>
<p>The graph itself answers at <code>POST /graphql</code>.</p></body></html>`;
}

export function pagesRouter(logger: Logger, dir = WEB_DIST_DIR): express.Router {
  const router = express.Router();
  if (!fs.existsSync(path.join(dir, 'index.html'))) logger.warn({ dir }, 'the gateway\'s pages are not built: run `npm run build`; / and /compare answer 503 until then');
  const security = (res: express.Response) => {
    res.set('content-security-policy', PAGES_CSP);
    res.set('x-content-type-options', 'nosniff');
    res.set('referrer-policy', 'no-referrer');
  };
  for (const [route, file] of Object.entries(PAGES)) {
    router.get(route, (_req, res, next) => {
      security(res);
      const full = path.join(dir, file);
      // Checked per request: a build made while the gateway runs is served without a restart.
      if (!fs.existsSync(full)) return void res.status(503).type('html').set('cache-control', 'no-store').send(notBuilt(dir));
      res.sendFile(full, { headers: { 'cache-control': 'no-cache' }, dotfiles: 'deny' }, (err) => err && next(err));
    });
  }
  router.use(
    '/assets',
    (_req, res, next) => {
      security(res);
      next();
    },
    // Hashed names: a changed file is a new name, so a browser keeps each for as long as it likes.
    express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false, redirect: false, fallthrough: true }),
    (_req, res) => void res.status(404).type('text/plain').set('cache-control', 'no-store').send('No such asset: the page may be from an older build; reload it.'),
  );
  return router;
}
