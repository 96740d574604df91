/**
 * A local replica of a Decidim city's upstreams on one port: its plenary files, if it has them,
 * under the path of their live URL (`filesPath`, Barcelona's /sites/default/files/votacions_plenari/:
 * a static file server with ETag, Last-Modified and 304s, as the city's Drupal site serves them) and
 * Decidim's GraphQL API at POST /api (replica/decidim.ts). It serves `{dir}/plenary/*.csv` and
 * `{dir}/decidim/seed.json`.
 *
 * At scale N (option `scale`, `<CITY>_REPLICA_SCALE`) each plenary file is served as one bigger
 * file with N copies of its records (plenary-copies.ts), built once at start with a stable ETag, and
 * Decidim answers over N copies of every process (decidim-copies.ts). At scale 1 the files are read
 * from disk on every request, as they always were.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { CityEntry } from '../../../schema/cities';
import { listen, type RunningService } from '../../shared/server';
import { copyCalendar, replicaScale, replicaServer, type CopyCalendar, type Faults } from '../../shared/replica';
import { createDecidimReplica, type DecidimReplica } from './decidim';
import { plenarySessionDates, scalePlenaryFile } from './plenary-copies';

/** Where a city's replica serves its plenary files (the path of their live URL, with a final `/`), or null without files. */
export function filesPathOf(city: CityEntry): string | null {
  const plenary = city.upstreams.find((u) => u.name === 'plenary');
  return plenary ? `${plenary.replicaPath}/` : null;
}

/** The upstream URLs of a city's subgraph pointed at its replica listening at `replicaUrl` (the config's fields). */
export function replicaUpstreamUrls(city: CityEntry, replicaUrl: string): { plenaryBaseUrl: string | null; decidimUrl: string } {
  const at = (name: string) => city.upstreams.find((u) => u.name === name);
  const plenary = at('plenary');
  return { plenaryBaseUrl: plenary ? `${replicaUrl}${plenary.replicaPath}` : null, decidimUrl: `${replicaUrl}${at('decidim')?.replicaPath ?? '/api'}` };
}

export interface DecidimCityReplicaOptions {
  dataDir: string;
  /** Path the plenary files are served under (see filesPathOf); none are served without it. */
  filesPath?: string | null;
  latencyMs?: number;
  decidimRateLimitPerMinute?: number;
  /** Serve the plenary records and Decidim's processes this many times over (copies with their own refs, ids and earlier dates); default 1. */
  scale?: number;
  /** The Decidim version to imitate (its schema, error shape); default the seed's `decidim.version`. */
  decidimVersion?: string;
}

/** A plenary file as served at scale N: its bytes in chunks (built once), their ETag and the base file's date. */
interface ScaledFile {
  chunks: Buffer[];
  length: number;
  etag: string;
  lastModified: string;
}

const etagOf = (chunks: Buffer[]) => {
  const hash = crypto.createHash('sha1');
  for (const chunk of chunks) hash.update(chunk);
  return `"${hash.digest('hex').slice(0, 16)}"`;
};

const lastModifiedOf = (file: string) => new Date(Math.floor(fs.statSync(file).mtimeMs / 1000) * 1000).toUTCString();

export interface DecidimCityReplica {
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

export function createDecidimCityReplica(options: DecidimCityReplicaOptions): DecidimCityReplica {
  const filesPath = options.filesPath ?? null;
  const plenaryDir = path.join(options.dataDir, 'plenary');
  const scale = replicaScale(options.scale ?? 1, 'The Decidim replica option scale');
  const decidim = createDecidimReplica({ seedFile: path.join(options.dataDir, 'decidim', 'seed.json'), rateLimitPerMinute: options.decidimRateLimitPerMinute, scale, version: options.decidimVersion });
  const fileRequests: DecidimCityReplica['fileRequests'] = [];

  // At scale N the files are built once, copies moved back by one calendar over both files' sessions.
  const scaled = new Map<string, ScaledFile>();
  let calendar: CopyCalendar | null = null;
  const buildFile = (name: string): ScaledFile => {
    const file = path.join(plenaryDir, name);
    // Only the plenary files are copied; anything else in the directory is served as it is.
    const chunks = name.endsWith('.csv') ? scalePlenaryFile(fs.readFileSync(file, 'utf8'), scale, calendar!) : [fs.readFileSync(file)];
    const built = { chunks, length: chunks.reduce((n, c) => n + c.length, 0), etag: etagOf(chunks), lastModified: lastModifiedOf(file) };
    scaled.set(name, built);
    return built;
  };
  if (scale > 1) {
    const names = fs.existsSync(plenaryDir) ? fs.readdirSync(plenaryDir).filter((f) => f.endsWith('.csv')) : [];
    calendar = copyCalendar(names.flatMap((name) => plenarySessionDates(fs.readFileSync(path.join(plenaryDir, name), 'utf8'))));
    for (const name of names) buildFile(name);
  }

  function serveFile(req: http.IncomingMessage, res: http.ServerResponse, name: string): void {
    const file = path.join(plenaryDir, path.basename(name));
    if (path.basename(name) !== name || !fs.existsSync(file)) {
      fileRequests.push({ path: name, status: 404, userAgent: req.headers['user-agent'] });
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    if (scale > 1) return serveScaled(req, res, name, scaled.get(name) ?? buildFile(name));
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

  /** The same conditional GET over a file built at start: 304 while ETag (or date) matches, else the chunks. */
  function serveScaled(req: http.IncomingMessage, res: http.ServerResponse, name: string, file: ScaledFile): void {
    const { etag, lastModified } = file;
    const notModified = req.headers['if-none-match'] ? req.headers['if-none-match'] === etag : req.headers['if-modified-since'] === lastModified;
    fileRequests.push({ path: name, status: notModified ? 304 : 200, userAgent: req.headers['user-agent'] });
    if (notModified) {
      res.writeHead(304, { etag, 'last-modified': lastModified }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-length': file.length, etag, 'last-modified': lastModified });
    for (const chunk of file.chunks) res.write(chunk);
    res.end();
  }

  function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    } else if (filesPath && url.pathname.startsWith(filesPath) && req.method === 'GET') {
      serveFile(req, res, decodeURIComponent(url.pathname.slice(filesPath.length)));
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
      if (scale > 1) buildFile(path.basename(file));
    },
    listen: (port, host = '127.0.0.1') => listen(server, port, host, '', async () => {}),
  };
}
