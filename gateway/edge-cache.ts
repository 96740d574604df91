/**
 * The gateway's edge cache: a repeated identical request is answered with the stored response
 * bytes before Express and Apollo are involved at all. It only holds responses Apollo declared
 * cacheable (a `cache-control: max-age` from the subgraphs' hints, never errors or stale answers),
 * for that max-age, in a bounded LRU in this process. Everything else goes on to Apollo (whose
 * response cache, in memory or Redis, is shared by gateways). It runs after the request guard
 * (request-guard.ts), which has read, size-checked and parsed the body.
 *
 * What may be stored and served, and under which key. A stored answer skips every check Apollo
 * makes, so it may only go to a request that would have passed them and gets the same bytes:
 * - only POSTs to the GraphQL path whose Content-Type is `application/json` (UTF-8), which is not a
 *   "simple" type: Apollo's CSRF prevention lets them through whatever else the headers say, and
 *   their body is parsed as JSON. A simple request (text/plain, a form, none) never gets a stored
 *   answer: it goes to Apollo, whose CSRF check refuses it.
 * - the key holds every input that changes the answer or its checks: the URL, the body bytes,
 *   `Accept` (the response's media type, or 406), `Accept-Language`, `Content-Type`,
 *   `Authorization` and `x-api-key` (each on its own: one is not the other), and the CSRF preflight
 *   headers (`apollo-require-preflight`, `x-apollo-operation-name`). CORS answers `*` to every
 *   origin, so `Origin` changes nothing (key it too if CORS ever reflects the origin).
 */
import { createHash } from 'node:crypto';
import type http from 'node:http';
import { LRUCache } from 'lru-cache';
import { currentRequest, mediaTypeOf, rawBodyOf } from './request-guard';

export { tooLarge } from './request-guard';

interface Stored {
  body: Buffer;
  headers: Record<string, string>;
  /** The operation it answers (for the access log and metrics of the requests it answers). */
  operation?: string;
}

export interface EdgeCache {
  /** Answers from the cache, or hands the request (its body already read by the guard) to `next`. */
  handle(req: http.IncomingMessage, res: http.ServerResponse, next: () => void): void;
}

/** The request headers in the key (see the rule above); absent and empty stay apart. */
const KEYED_HEADERS = ['accept', 'accept-language', 'content-type', 'authorization', 'x-api-key', 'apollo-require-preflight', 'x-apollo-operation-name'] as const;

/** Whether a stored answer may be served to (and stored for) this request: see the rule above. */
function cacheable(req: http.IncomingMessage, path: string): boolean {
  const url = req.url ?? '';
  if (req.method !== 'POST' || (url !== path && !url.startsWith(`${path}?`))) return false;
  const media = mediaTypeOf(req);
  return media.essence === 'application/json' && (media.charset === undefined || media.charset === 'utf-8' || media.charset === 'utf8');
}

function keyOf(req: http.IncomingMessage, raw: Buffer): string {
  const headers = KEYED_HEADERS.map((name) => {
    const value = req.headers[name];
    return value === undefined ? null : Array.isArray(value) ? value.join('\n') : value;
  });
  // JSON keeps the parts apart (no header value can pass for another's).
  return createHash('sha256').update(JSON.stringify([req.url ?? '', ...headers])).update('\0').update(raw).digest('hex');
}

export function createEdgeCache(options: { path: string; maxEntries: number; maxBytes: number }): EdgeCache {
  // 0 entries: the edge cache is off and every request goes on.
  const lru = options.maxEntries > 0 ? new LRUCache<string, Stored>({ max: options.maxEntries, maxSize: options.maxBytes, sizeCalculation: (s) => s.body.length + 200 }) : undefined;
  const edge: EdgeCache = {
    handle(req, res, next) {
      const raw = rawBodyOf(req);
      if (!lru || !raw || !cacheable(req, options.path)) return next();
      const key = keyOf(req, raw);
      const hit = lru.get(key);
      if (hit) {
        const record = currentRequest();
        if (record) Object.assign(record, { operation: hit.operation, cache: 'HIT', edge: true });
        res.writeHead(200, { ...hit.headers, 'x-cache': 'HIT', 'content-length': hit.body.length });
        res.end(hit.body);
        return;
      }
      capture(res, (status, headers, body) => {
        const maxAge = Number(/max-age=(\d+)/.exec(String(headers['cache-control'] ?? ''))?.[1] ?? 0);
        const servedAs = String(headers['x-cache'] ?? '');
        if (status === 200 && maxAge > 0 && (servedAs === 'MISS' || servedAs === 'HIT') && !/private/.test(String(headers['cache-control']))) {
          const keep: Record<string, string> = {};
          for (const name of ['content-type', 'cache-control', 'access-control-allow-origin', 'vary']) if (headers[name]) keep[name] = String(headers[name]);
          lru.set(key, { body, headers: keep, operation: currentRequest()?.operation }, { ttl: maxAge * 1000 });
        }
      });
      next();
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
