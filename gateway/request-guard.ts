/**
 * What the gateway checks on every request before any cache, Express or Apollo sees it, so that a
 * hostile request costs little and gets a clear client error instead of a 500:
 * - the body is read with its size limit enforced while it streams: past the limit the reading
 *   stops, 413 is answered and the connection closed (never reading on to the end of the body);
 * - JSON nested deeper than a limit (in variables or anywhere in the body, or in a GET's
 *   `variables`/`extensions`) is refused with 400 before anything walks it recursively (Apollo,
 *   the gateway and JSON.stringify all recurse, and overflow the stack on deep input);
 * - automatic persisted queries: a query whose sha256 is not the hash it comes with, or one too
 *   large to be stored, is refused with 400 (Apollo would report the first as an internal error).
 * Every request gets an id (`x-request-id`, `extensions.requestId` of errors, and the logs).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomUUID } from 'node:crypto';
import type http from 'node:http';
import getRawBody from 'raw-body';
import { requestIdFrom } from '../subgraphs/shared/observability/access-log';

export interface GuardLimits {
  /** Largest request body, in bytes (MAX_REQUEST_BYTES). */
  maxRequestBytes: number;
  /** Deepest nesting of JSON objects and arrays; the body itself is level 1 (MAX_JSON_DEPTH). */
  maxJsonDepth: number;
  /** Largest query registered as an automatic persisted query, in UTF-8 bytes (MAX_PERSISTED_QUERY_BYTES). */
  maxPersistedQueryBytes: number;
}

interface GraphQLErrorBody {
  message: string;
  extensions: Record<string, unknown> & { code: string };
}

/**
 * What the access log and the metrics say of one request, filled in as it is answered: by Apollo's
 * plugins (operation, outcome, errors, cache), by the city sources (cities asked).
 */
export interface RequestRecord {
  requestId: string;
  /** The path asked for (Express rewrites req.url under a mount point, so it is kept here). */
  path: string;
  operation?: string;
  /** Cities whose subgraphs were asked (in the order asked). */
  cities: Set<string>;
  /** How the answer was served (x-cache): HIT, MISS, STALE, BYPASS. */
  cache?: string;
  /** Answered by the edge cache (stored bytes; Apollo never saw it). */
  edge?: boolean;
  /** Each error of the answer: its extensions.code, and the city it names. */
  errors: Array<{ code: string; city?: string }>;
  /** The trace this request belongs to (the access log line is written after its span ended). */
  traceId?: string;
  /** Whether the answer held data (for the outcome: success, partial, error). */
  hasData?: boolean;
  /** A GraphQL request (not /health, /metrics, pages). */
  graphql?: boolean;
}

/** The request being answered, for code that has no request at hand (Apollo's formatError). */
const requestScope = new AsyncLocalStorage<RequestRecord>();
const requestIds = new WeakMap<http.IncomingMessage, string>();

export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

/** The record of the request being answered (undefined outside a request). */
export function currentRequest(): RequestRecord | undefined {
  return requestScope.getStore();
}

export function requestIdOf(req: http.IncomingMessage): string | undefined {
  return requestIds.get(req);
}

/** Whether a request carries a body (a chunked one, or a non-zero Content-Length). */
function hasBody(req: http.IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * The outermost handler: gives the request its id (the caller's `x-request-id`, or a new one; sent
 * back in `x-request-id`, and in the scope that formatError and the logs read), and makes sure a
 * body nobody read does not hold the connection. `onDone` is called once when the answer has been
 * sent, or the connection closed before (for the access log and the metrics).
 */
export function withRequestId(handler: http.RequestListener, onDone?: (req: http.IncomingMessage, res: http.ServerResponse, record: RequestRecord, startedAt: bigint) => void): http.RequestListener {
  return (req, res) => {
    const startedAt = process.hrtime.bigint();
    // The caller's, when it is a plain token (access-log.ts), else a new one.
    const requestId = requestIdFrom(req.headers['x-request-id']) ?? randomUUID();
    requestIds.set(req, requestId);
    res.setHeader('x-request-id', requestId);
    if (hasBody(req)) {
      // After an answer sent before the body was read (429, 404, an error), Node reads the rest of
      // the body off the wire to keep the connection alive, for as long as the client sends: such a
      // connection is closed instead. Keep-alive comes back once the body has been read.
      const keepAlive = res.shouldKeepAlive;
      res.shouldKeepAlive = false;
      req.once('end', () => {
        if (!res.headersSent) res.shouldKeepAlive = keepAlive;
      });
    }
    const record: RequestRecord = { requestId, path: (req.url ?? '/').split('?')[0], cities: new Set(), errors: [] };
    if (onDone) {
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        onDone(req, res, record, startedAt);
      };
      res.once('finish', finish);
      res.once('close', finish);
    }
    requestScope.run(record, () => handler(req, res));
  };
}

/** Notes the errors of an answer for the access log and the metrics (the request's, when there is one). */
export function noteErrors(errors: ReadonlyArray<{ extensions?: Record<string, unknown> }>, record = currentRequest()): void {
  if (!record) return;
  for (const e of errors) record.errors.push({ code: String(e.extensions?.code ?? 'UNKNOWN'), ...(typeof e.extensions?.city === 'string' ? { city: e.extensions.city } : {}) });
}

/** The answer to a request body over the limit. */
export function tooLarge(limit: number) {
  return { errors: [{ message: `The request body is larger than ${limit} bytes, the limit (MAX_REQUEST_BYTES); send a smaller query, or use persisted queries.`, extensions: { code: 'BAD_REQUEST', limit: 'request size', max: limit } }] };
}

/** Answers with GraphQL-shaped errors; `close`: the body was not read, so the connection goes. */
function reply(req: http.IncomingMessage, res: http.ServerResponse, status: number, errors: GraphQLErrorBody[], close: boolean): void {
  if (res.headersSent || res.destroyed) {
    req.destroy();
    return;
  }
  const requestId = requestIdOf(req);
  noteErrors(errors);
  const body = JSON.stringify({ errors: errors.map((e) => ({ ...e, extensions: { ...e.extensions, ...(requestId ? { requestId } : {}) } })) });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...(close ? { connection: 'close' } : {}) });
  // Stop the socket once the answer is flushed: the rest of the body is never read.
  res.end(body, close ? () => req.destroy() : undefined);
}

const badRequest = (message: string, extra: Record<string, unknown> = {}): GraphQLErrorBody => ({ message, extensions: { code: 'BAD_REQUEST', ...extra } });

/** Whether objects and arrays in `value` nest more than `max` levels (`value` itself is level 1); iterative, so any depth is safe. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  const stack: Array<[object, number]> = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A GraphQL request's problems that the gateway answers itself (400), or undefined. */
export function checkOperation(body: unknown, limits: GuardLimits): GraphQLErrorBody | undefined {
  if (nestedDeeperThan(body, limits.maxJsonDepth)) {
    return badRequest(`The request's JSON nests objects or arrays more than ${limits.maxJsonDepth} levels deep (the limit, MAX_JSON_DEPTH, counts the body as level 1); send flatter variables.`, { limit: 'JSON depth', max: limits.maxJsonDepth });
  }
  if (!isRecord(body) || !isRecord(body.extensions) || typeof body.query !== 'string') return undefined;
  const persisted = body.extensions.persistedQuery;
  // Other versions get Apollo's own "Unsupported persisted query version".
  if (!isRecord(persisted) || persisted.version !== 1) return undefined;
  // A registration (query and hash together): its query is what would be stored.
  const size = Buffer.byteLength(body.query, 'utf8');
  if (size > limits.maxPersistedQueryBytes) {
    return {
      message: `The query is ${size} bytes; an automatic persisted query may be at most ${limits.maxPersistedQueryBytes} bytes (MAX_PERSISTED_QUERY_BYTES). Send this query without \`extensions.persistedQuery\` (it runs as an ordinary query), or shorten it.`,
      extensions: { code: 'PERSISTED_QUERY_TOO_LARGE', limit: 'persisted query size', max: limits.maxPersistedQueryBytes, actual: size },
    };
  }
  const actual = createHash('sha256').update(body.query, 'utf8').digest('hex');
  if (persisted.sha256Hash !== actual) {
    return {
      message: `The sha256 of \`query\` does not match \`extensions.persistedQuery.sha256Hash\`: the query's is ${actual}. Hash the exact query text you send (its UTF-8 bytes, as lowercase hex), or send the query without \`extensions.persistedQuery\`.`,
      extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' },
    };
  }
  return undefined;
}

/** A GET's operation as Apollo reads it from the query string (`variables`/`extensions` are JSON). */
function operationFromQueryString(url: string): Record<string, unknown> | undefined {
  const at = url.indexOf('?');
  if (at < 0) return undefined;
  const params = new URLSearchParams(url.slice(at + 1));
  if (!params.has('variables') && !params.has('extensions')) return undefined;
  const json = (name: string) => {
    // Apollo refuses a parameter given twice or not JSON; only what it would run is checked here.
    const values = params.getAll(name);
    if (values.length !== 1) return undefined;
    try {
      return JSON.parse(values[0]) as unknown;
    } catch {
      return undefined;
    }
  };
  return { query: params.get('query') ?? undefined, variables: json('variables'), extensions: json('extensions') };
}

export interface RequestGuard {
  /**
   * Reads and checks the request (its body, or a GET's query string). Answers a request that fails
   * a check itself; otherwise calls `next` with `req.body` set (the parsed JSON of an
   * `application/json` body; nothing for other types, which Apollo answers) and the raw body in
   * `rawBodyOf(req)`. A request already handled goes straight to `next`.
   */
  handle(req: http.IncomingMessage, res: http.ServerResponse, next: () => void): void;
}

const rawBodies = new WeakMap<http.IncomingMessage, Buffer>();
export function rawBodyOf(req: http.IncomingMessage): Buffer | undefined {
  return rawBodies.get(req);
}

/** A request's media type (lower case, no parameters) and charset, as Apollo's CSRF check reads it. */
export function mediaTypeOf(req: http.IncomingMessage): { essence: string; charset?: string } {
  const header = String(req.headers['content-type'] ?? '');
  const [type = '', ...params] = header.split(';');
  const charset = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]*)"?\s*$/i.exec(p)?.[1]).find((c) => c !== undefined);
  return { essence: type.trim().toLowerCase(), ...(charset !== undefined ? { charset: charset.toLowerCase() } : {}) };
}

export function createRequestGuard(limits: GuardLimits): RequestGuard {
  const handled = new WeakSet<http.IncomingMessage>();
  return {
    handle(req, res, next) {
      if (handled.has(req)) return next();
      handled.add(req);
      if (req.method === 'GET') {
        const operation = operationFromQueryString(req.url ?? '');
        const problem = operation && checkOperation(operation, limits);
        if (problem) return reply(req, res, 400, [problem], false);
      }
      if (!hasBody(req)) return next();
      const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
      if (encoding !== 'identity') {
        // A compressed body's size says nothing about what it inflates to; queries are small.
        return reply(req, res, 415, [badRequest(`Content-Encoding ${encoding} is not accepted: send the body uncompressed.`)], true);
      }
      getRawBody(req, { length: req.headers['content-length'], limit: limits.maxRequestBytes }, (err, raw) => {
        if (err) {
          const e = err as Error & { type?: string };
          if (e.type === 'entity.too.large') return reply(req, res, 413, tooLarge(limits.maxRequestBytes).errors, true);
          // The client went away, or sent less than it announced: nobody to answer.
          if (e.type === 'request.aborted' || req.destroyed) return void req.destroy();
          return reply(req, res, 400, [badRequest(`The request body could not be read: ${e.message}.`)], true);
        }
        rawBodies.set(req, raw);
        const media = mediaTypeOf(req);
        // Only JSON is parsed (as Express's JSON parser did); any other body reaches Apollo as
        // empty, whose CSRF prevention and messages answer it.
        if (media.essence !== 'application/json') return next();
        if (media.charset !== undefined && media.charset !== 'utf-8' && media.charset !== 'utf8') {
          return reply(req, res, 415, [badRequest(`The charset ${media.charset} is not accepted: send the body as UTF-8.`)], false);
        }
        let body: unknown;
        try {
          body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
        } catch {
          return reply(req, res, 400, [badRequest('The request body is not valid JSON.')], false);
        }
        const problem = checkOperation(body, limits);
        if (problem) return reply(req, res, 400, [problem], false);
        (req as http.IncomingMessage & { body?: unknown }).body = body;
        next();
      });
    },
  };
}
