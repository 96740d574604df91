/**
 * A local replica of Barcelona's two upstreams on one port: the plenary files under
 * /sites/default/files/votacions_plenari/ (a static file server with ETag, Last-Modified and 304s,
 * as the city's Drupal site serves them) and Decidim's GraphQL API at POST /api (replica/decidim.ts).
 * It serves `{dir}/plenary/*.csv` and `{dir}/decidim/seed.json`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { listen, type RunningService } from '../../shared/server';
import { replicaServer, type Faults } from '../../shared/replica';
import { createDecidimReplica, type DecidimReplica } from './decidim';

export const FILES_PATH = '/sites/default/files/votacions_plenari/';

export interface BarcelonaReplicaOptions {
  dataDir: string;
  latencyMs?: number;
  decidimRateLimitPerMinute?: number;
}

export interface BarcelonaReplica {
  server: http.Server;
  /** The fault switch (see shared/replica.ts). */
  faults: Faults;
  decidim: DecidimReplica;
  /** Requests for plenary files: path and status (200 or 304). */
  fileRequests: Array<{ path: string; status: number; userAgent: string | undefined }>;
  /** Rewrites a plenary file (a test changes the data while the replica runs). */
  touch(file: string, content: string): void;
  listen(port: number, host?: string): Promise<RunningService>;
}

export function createBarcelonaReplica(options: BarcelonaReplicaOptions): BarcelonaReplica {
  const plenaryDir = path.join(options.dataDir, 'plenary');
  const decidim = createDecidimReplica({ seedFile: path.join(options.dataDir, 'decidim', 'seed.json'), rateLimitPerMinute: options.decidimRateLimitPerMinute });
  const fileRequests: BarcelonaReplica['fileRequests'] = [];

  function serveFile(req: http.IncomingMessage, res: http.ServerResponse, name: string): void {
    const file = path.join(plenaryDir, path.basename(name));
    if (path.basename(name) !== name || !fs.existsSync(file)) {
      fileRequests.push({ path: name, status: 404, userAgent: req.headers['user-agent'] });
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    const stat = fs.statSync(file);
    const body = fs.readFileSync(file);
    const etag = `"${crypto.createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    const lastModified = new Date(Math.floor(stat.mtimeMs / 1000) * 1000).toUTCString();
    const notModified = req.headers['if-none-match'] ? req.headers['if-none-match'] === etag : req.headers['if-modified-since'] === lastModified;
    fileRequests.push({ path: name, status: notModified ? 304 : 200, userAgent: req.headers['user-agent'] });
    if (notModified) {
      res.writeHead(304, { etag, 'last-modified': lastModified }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-length': body.length, etag, 'last-modified': lastModified }).end(body);
  }

  function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    } else if (url.pathname.startsWith(FILES_PATH) && req.method === 'GET') {
      serveFile(req, res, decodeURIComponent(url.pathname.slice(FILES_PATH.length)));
    } else if (url.pathname === '/api' || url.pathname === '/api/') {
      decidim.handle(req, res);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
    }
  }

  const faults: Faults = {};
  const server = replicaServer(handle, options.latencyMs, faults);
  return {
    server,
    faults,
    decidim,
    fileRequests,
    touch: (file, content) => {
      const full = path.join(plenaryDir, path.basename(file));
      fs.writeFileSync(full, content);
      // Make sure Last-Modified moves even within the same second.
      const later = new Date(Date.now() + 2000);
      fs.utimesSync(full, later, later);
    },
    listen: (port, host = '127.0.0.1') => listen(server, port, host, '', async () => {}),
  };
}
