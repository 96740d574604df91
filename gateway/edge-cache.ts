/**
 * The gateway's edge cache: a repeated identical request (same body, language and credential) is
 * answered with the stored response bytes before Express and Apollo are involved at all. It only
 * holds responses Apollo declared cacheable (a `cache-control: max-age` from the subgraphs' hints,
 * never errors or stale answers), for that max-age, in a bounded LRU in this process. Everything
 * else goes on to Apollo (whose response cache, in memory or Redis, is shared by gateways).
 */
import { createHash } from 'node:crypto';
import type http from 'node:http';
import { LRUCache } from 'lru-cache';

interface Stored {
  body: Buffer;
  headers: Record<string, string>;
}

export interface EdgeCache {
  /** Answers from the cache, or hands the request (its body already read) to `next`. */
  handle(req: http.IncomingMessage, res: http.ServerResponse, next: () => void): void;
  hits: number;
}

export function createEdgeCache(options: { path: string; maxEntries: number; maxBytes: number; maxRequestBytes: number }): EdgeCache {
  const MAX_BODY = options.maxRequestBytes;
  const lru = new LRUCache<string, Stored>({ max: options.maxEntries, maxSize: options.maxBytes, sizeCalculation: (s) => s.body.length + 200 });
  const edge: EdgeCache = {
    hits: 0,
    handle(req, res, next) {
      const url = req.url ?? '';
      if (req.method !== 'POST' || (url !== options.path && !url.startsWith(`${options.path}?`))) return next();
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= MAX_BODY) chunks.push(c);
      });
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        const credential = req.headers.authorization ?? (req.headers['x-api-key'] as string | undefined) ?? '';
        const key = createHash('sha256')
          .update(raw)
          .update('\0')
          .update(String(req.headers['accept-language'] ?? ''))
          .update('\0')
          .update(credential)
          .update('\0')
          .update(String(req.headers['content-type'] ?? ''))
          .digest('hex');
        const hit = size <= MAX_BODY ? lru.get(key) : undefined;
        if (hit) {
          edge.hits++;
          res.writeHead(200, { ...hit.headers, 'x-cache': 'HIT', 'content-length': hit.body.length });
          res.end(hit.body);
          return;
        }
        // Hand the already-read body on: body-parser skips requests marked as parsed.
        const r = req as http.IncomingMessage & { body?: unknown; _body?: boolean };
        if (size > MAX_BODY) {
          res.writeHead(413, { 'content-type': 'application/json' }).end(JSON.stringify(tooLarge(MAX_BODY)));
          return;
        }
        if (/json/i.test(String(req.headers['content-type'] ?? ''))) {
          try {
            r.body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
            r._body = true;
          } catch {
            res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] }));
            return;
          }
        }
        capture(res, (status, headers, body) => {
          const maxAge = Number(/max-age=(\d+)/.exec(String(headers['cache-control'] ?? ''))?.[1] ?? 0);
          const servedAs = String(headers['x-cache'] ?? '');
          if (status === 200 && maxAge > 0 && (servedAs === 'MISS' || servedAs === 'HIT') && !/private/.test(String(headers['cache-control']))) {
            const keep: Record<string, string> = {};
            for (const name of ['content-type', 'cache-control', 'access-control-allow-origin', 'vary']) if (headers[name]) keep[name] = String(headers[name]);
            lru.set(key, { body, headers: keep }, { ttl: maxAge * 1000 });
          }
        });
        next();
      });
    },
  };
  return edge;
}

/** Calls `done` with the status, headers and body bytes once the response is sent. */
function capture(res: http.ServerResponse, done: (status: number, headers: http.OutgoingHttpHeaders, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
  (res as unknown as { write: (...args: unknown[]) => boolean }).write = (chunk: unknown, ...rest: unknown[]) => {
    if (chunk) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return write(chunk, ...rest);
  };
  (res as unknown as { end: (...args: unknown[]) => http.ServerResponse }).end = (chunk?: unknown, ...rest: unknown[]) => {
    if (chunk && typeof chunk !== 'function') chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    const result = end(chunk, ...rest);
    done(res.statusCode, res.getHeaders(), Buffer.concat(chunks));
    return result;
  };
}

/** The answer to a request body over the limit (here and from Express's body parser). */
export function tooLarge(limit: number) {
  return { errors: [{ message: `The request body is larger than ${limit} bytes, the limit (MAX_REQUEST_BYTES); send a smaller query, or use persisted queries.`, extensions: { code: 'BAD_REQUEST', limit: 'request size', max: limit } }] };
}
