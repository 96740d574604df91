/**
 * HTTP client for a city's upstream interface (used by the sync): requests with a timeout, retries
 * on network errors, 429 and 5xx (only idempotent requests are sent), a circuit breaker, bounded
 * reads, a bearer token when configured, and every path segment and query value escaped so that
 * nothing reaches the upstream raw. Identical requests in flight share one call.
 */
import retry from 'async-retry';
import CircuitBreaker from 'opossum';
import { SpanStatusCode } from '@opentelemetry/api';
import { observeBreaker, subgraphMetrics } from './observability/metrics';
import { inSpan, SpanKind, traceHeaders } from './observability/tracing';
import { UpstreamError } from './errors';
import type { Logger } from './logger';
import { fireThroughProbe } from './breaker';
import type { BreakerSettings } from './env';

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface UpstreamClientOptions {
  city: string;
  upstream: string;
  baseUrl: string;
  token?: string;
  timeoutMs: number;
  retries: number;
  userAgent: string;
  logger: Logger;
  /** Circuit breaker: opens after `volumeThreshold` failures in a row window, probes again after `resetMs`. */
  breaker?: BreakerSettings;
  /** Longest `Retry-After` (seconds) a retry will wait for; longer ones fail at once as RATE_LIMITED. */
  maxRetryAfterSeconds?: number;
  /** Largest answer read (bytes); a bigger one is refused as UPSTREAM_BAD_RESPONSE (bounded memory). */
  maxBodyBytes?: number;
  /** Runs each attempt (retries included) through a client-side rate limiter, when the city has one. */
  schedule?: <T>(attempt: () => Promise<T>) => Promise<T>;
}

/** One request to a city's interface. */
export interface UpstreamRequest {
  method?: 'GET' | 'POST';
  /** Path under the base URL, one segment each (each is escaped). */
  segments: string[];
  query?: Query;
  headers?: Record<string, string>;
  /** A JSON or text body (POST). */
  body?: string;
  /** How errors and logs name the request (default: method and path), e.g. "POST SnapshotQuery". */
  name?: string;
}

/** What the city answered: a 2xx, a 304 or a 404 (anything else is thrown as UpstreamError). */
export interface UpstreamResponse {
  status: number;
  headers: Headers;
  /** The body, read up to `maxBodyBytes`. */
  text: string;
}

export class UpstreamClient {
  /** Number of HTTP requests sent (including retries); exposed for tests and benchmarks. */
  requestCount = 0;
  /** Identical requests in flight share one call. */
  private inFlight = new Map<string, Promise<unknown>>();

  /** One breaker per upstream: a dead city answers at once instead of waiting out timeouts. */
  private breaker: CircuitBreaker<[UpstreamRequest, (r: UpstreamResponse) => unknown], unknown>;

  constructor(readonly options: UpstreamClientOptions) {
    const b = options.breaker ?? { resetMs: 10000, volumeThreshold: 5 };
    // The breaker sees the parse too: a city answering garbage is as broken as one not answering.
    this.breaker = new CircuitBreaker(async (request: UpstreamRequest, parse: (r: UpstreamResponse) => unknown) => parse(await this.sendWithRetries(request)), {
      timeout: false, // each request has its own deadline
      resetTimeout: b.resetMs,
      volumeThreshold: b.volumeThreshold,
      errorThresholdPercentage: 50,
      // Only the city's failures count: an answer it gave (a 4xx) means it is up.
      errorFilter: (err: unknown) => err instanceof UpstreamError && err.status !== undefined && err.status < 500 && err.status !== 429 && err.kind !== 'bad_response',
    });
    this.breaker.on('open', () => options.logger.warn({ upstream: options.upstream }, 'circuit open: upstream failing, answering at once'));
    this.breaker.on('close', () => options.logger.info({ upstream: options.upstream }, 'circuit closed: upstream answering again'));
    observeBreaker(this.breaker, subgraphMetrics().upstreamBreakerState, subgraphMetrics().upstreamBreakerOpens, this.labels);
  }

  /** This upstream's metric labels. */
  private get labels() {
    return { city: this.options.city, upstream: this.options.upstream };
  }

  /**
   * Sends a request through the breaker, with retries, and hands the answer to `parse` (whose
   * UpstreamError counts as a failure of the city). When the breaker is open, fails at once.
   */
  async send<T>(request: UpstreamRequest, parse: (response: UpstreamResponse) => T): Promise<T> {
    try {
      return (await fireThroughProbe(this.breaker, this.options.timeoutMs, request, parse)) as T;
    } catch (err) {
      if ((err as { code?: string }).code === 'EOPENBREAKER') {
        subgraphMetrics().upstreamRequests.inc({ ...this.labels, outcome: 'circuit_open' });
        const reset = Math.round((this.options.breaker?.resetMs ?? 10000) / 1000);
        throw new UpstreamError(this.options.city, this.options.upstream, nameOf(request), `circuit open after repeated failures; the next try is in up to ${reset} s`, undefined, undefined, 'circuit_open');
      }
      throw err;
    }
  }

  /** A bad answer from the city (unparseable body, wrong envelope): UPSTREAM_BAD_RESPONSE. */
  badResponse(request: string, detail: string, status?: number): UpstreamError {
    return new UpstreamError(this.options.city, this.options.upstream, request, detail, status, undefined, 'bad_response');
  }

  /** GETs JSON from the city; null on 404 (unknown id), UpstreamError on anything else that is not 2xx. */
  private fetchJson<T>(segments: string[], query: Query): Promise<T | null> {
    return this.send({ segments, query }, (r) => (r.status === 404 ? null : this.parseJson<T>(r, nameOf({ segments }))));
  }

  /** Parses a JSON body, or fails with UPSTREAM_BAD_RESPONSE (an HTML maintenance page, a truncated body). */
  parseJson<T>(response: UpstreamResponse, request: string): T {
    try {
      return JSON.parse(response.text) as T;
    } catch {
      throw this.badResponse(request, 'answered with a body that is not JSON', response.status);
    }
  }

  /** GETs JSON from the city; null on 404 (an unknown id). */
  getJson<T>(segments: string[], query: Query = {}): Promise<T | null> {
    return this.shared(this.url(segments, query), () => this.fetchJson<T>(segments, query));
  }

  /**
   * GETs a JSON envelope and checks it holds `key` as a list (or an object): a city answering
   * `{"unexpected":…}` must fail loudly, not read as "nothing found". A 404 gives null for one
   * record (an unknown id); for a list it is an error, since a list that exists is never 404: read
   * as "empty", a wrong base URL would sync nothing and call it success.
   */
  async getEnvelope<T>(segments: string[], query: Query, key: string, shape: 'list' | 'object' = 'list'): Promise<T | null> {
    const body = await this.getJson<Record<string, unknown>>(segments, query);
    if (body === null) {
      if (shape === 'list') throw this.badResponse(nameOf({ segments }), `answered 404 Not Found for a list; check the configured base URL ${this.options.baseUrl}`, 404);
      return null;
    }
    const value = body && typeof body === 'object' ? body[key] : undefined;
    const fits = shape === 'list' ? Array.isArray(value) : value !== null && typeof value === 'object' && !Array.isArray(value);
    if (!fits) throw this.badResponse(nameOf({ segments }), `answered without its "${key}" ${shape}`);
    return body as T;
  }

  private shared<T>(key: string, load: () => Promise<T>): Promise<T> {
    let p = this.inFlight.get(key) as Promise<T> | undefined;
    if (!p) {
      p = load().finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, p);
    }
    return p;
  }

  /** Builds `{baseUrl}/{segments…}?{query}` with every segment and value escaped. Empty values are left out. */
  url(segments: string[], query: Query = {}): string {
    const base = this.options.baseUrl.replace(/\/+$/, '');
    const path = segments
      .map((s) => {
        // URL parsers resolve "." and ".." even when escaped: such a segment would climb out of the base path.
        if (s === '.' || s === '..') throw new Error(`${this.options.upstream}: refusing the path segment ${JSON.stringify(s)}`);
        return encodeURIComponent(s);
      })
      .join('/');
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
    }
    const qs = params.toString();
    return `${base}${path ? `/${path}` : ''}${qs ? `?${qs}` : ''}`;
  }

  /**
   * Sends with retries (backoff with jitter) on connection errors, 5xx and 429; a timeout is not
   * retried (that would double the wait) and a long Retry-After fails at once as RATE_LIMITED.
   * Only idempotent requests come here: GETs, and GraphQL queries sent as POST.
   */
  private sendWithRetries(request: UpstreamRequest): Promise<UpstreamResponse> {
    const url = this.url(request.segments, request.query);
    const name = nameOf(request);
    const { city, upstream, token, timeoutMs, retries, userAgent, logger } = this.options;
    // The deadline covers the body too: a city that did not answer in time is not asked again (that would double the wait).
    const timedOut = () => new UpstreamError(city, upstream, name, `no answer within ${timeoutMs} ms`);
    const metrics = subgraphMetrics();
    // One span and one count per attempt (a retry is a request the city sees).
    const attempt = (bail: (e: Error) => void): Promise<UpstreamResponse> =>
      inSpan(`upstream ${upstream}: ${name}`, { kind: SpanKind.CLIENT, attributes: { 'cdg.city': city, 'cdg.upstream': upstream, 'http.request.method': request.method ?? 'GET', 'url.full': url } }, async (span) => {
        const outcome = { value: 'network' };
        const stop = metrics.upstreamDuration.startTimer(this.labels);
        try {
          return await attemptOnce(bail, outcome);
        } finally {
          stop();
          metrics.upstreamRequests.inc({ ...this.labels, outcome: outcome.value });
          span.setAttribute('cdg.outcome', outcome.value);
          if (outcome.value !== '2xx' && outcome.value !== '3xx') span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.value });
        }
      });
    const attemptOnce = async (bail: (e: Error) => void, outcome: { value: string }): Promise<UpstreamResponse> => {
      this.requestCount++;
      const fail = (error: UpstreamError): UpstreamResponse => {
        bail(error);
        return undefined as never;
      };
      let response: Response;
      try {
        response = await fetch(url, {
          method: request.method ?? 'GET',
          headers: {
            accept: 'application/json',
            'user-agent': userAgent,
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...request.headers,
            // The city may trace too; at least its logs can name our trace.
            ...traceHeaders(),
          },
          body: request.body,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        const cause = (err as { cause?: { code?: string } }).cause?.code;
        if ((err as Error).name === 'TimeoutError') {
          outcome.value = 'timeout';
          return fail(timedOut());
        }
        throw new UpstreamError(city, upstream, name, cause ?? (err as Error).message);
      }
      outcome.value = response.status === 429 ? '429' : `${Math.floor(response.status / 100)}xx`;
      if (response.status === 404 || response.status === 304) {
        await response.body?.cancel();
        return { status: response.status, headers: response.headers, text: '' };
      }
      if (!response.ok) {
        const body = (await response.text().catch(() => '')).slice(0, 500);
        const error = new UpstreamError(city, upstream, name, describeStatus(response.status), response.status, body);
        if (response.status === 429 || response.status === 503) {
          // Honour Retry-After when it is short; a long one is the city asking us to stop.
          const wait = Number(response.headers.get('retry-after'));
          if (Number.isFinite(wait) && wait > (this.options.maxRetryAfterSeconds ?? 2)) return fail(error);
          if (Number.isFinite(wait) && wait > 0) await new Promise((r) => setTimeout(r, wait * 1000));
          throw error;
        }
        if (response.status >= 500) throw error;
        return fail(error); // 4xx other than 429: retrying will not help
      }
      const limit = this.options.maxBodyBytes ?? 50 * 1024 * 1024;
      // A body declared larger than the limit is refused unread (reading it first could outlast the timeout).
      const declared = Number(response.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > limit) {
        outcome.value = 'too_large';
        await response.body?.cancel().catch(() => undefined);
        return fail(this.badResponse(name, `answered with more than ${limit} bytes (Content-Length ${declared})`, response.status));
      }
      try {
        return { status: response.status, headers: response.headers, text: await readBounded(response, limit) };
      } catch (err) {
        const e = err as Error;
        if (e.message === 'too large') {
          outcome.value = 'too_large';
          return fail(this.badResponse(name, `answered with more than ${limit} bytes`, response.status));
        }
        if (e.name === 'TimeoutError' || e.name === 'AbortError') {
          outcome.value = 'timeout';
          return fail(timedOut());
        }
        outcome.value = 'network';
        throw new UpstreamError(city, upstream, name, e.message);
      }
    };
    const schedule = this.options.schedule;
    return retry((bail: (e: Error) => void) => (schedule ? schedule(() => attempt(bail)) : attempt(bail)), {
      retries,
      minTimeout: 100,
      maxTimeout: 1000,
      randomize: true, // jitter, so that many clients do not retry in step
      onRetry: (err) => logger.warn({ url, err: (err as Error).message }, 'retrying upstream request'),
    });
  }
}

function nameOf(request: UpstreamRequest): string {
  return request.name ?? `${request.method ?? 'GET'} /${request.segments.join('/')}`;
}

function describeStatus(status: number): string {
  if (status === 401 || status === 403) return `HTTP ${status}: credentials missing or rejected`;
  if (status === 429) return 'HTTP 429: rate limited';
  return `HTTP ${status}`;
}

/** Reads a body up to `limit` bytes; the request's deadline also bounds a body that trickles in. */
async function readBounded(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel();
    throw new Error('too large');
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error('too large');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
