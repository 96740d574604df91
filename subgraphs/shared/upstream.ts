/**
 * HTTP client for a city's upstream API: JSON GETs with a timeout, retries on network errors,
 * 429 and 5xx (GET is idempotent), a bearer token when configured, and every path segment and
 * query value escaped so user input never reaches the upstream raw.
 */
import crypto from 'node:crypto';
import retry from 'async-retry';
import CircuitBreaker from 'opossum';
import { UpstreamError } from './errors';
import type { Logger } from './logger';
import type { SafeCache } from './cache';
import { noteStale } from './request-scope';

/** How long an upstream answer is fresh, served stale while revalidating, and kept for failures. */
export interface CachePolicy {
  ttlMs: number;
  staleWhileRevalidateMs: number;
  staleIfErrorMs: number;
}

interface CachedAnswer {
  body: unknown;
  fetchedAt: number;
}

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
  /** The upstream cache (keyv); without it every call goes to the city. */
  cache?: SafeCache;
  /** Cache policy per request path (lists short, details longer); null means do not cache. */
  policy?: (segments: string[]) => CachePolicy | null;
  /** Circuit breaker: opens after `volumeThreshold` failures in a row window, probes again after `resetMs`. */
  breaker?: { resetMs: number; volumeThreshold: number };
  /** Longest `Retry-After` (seconds) a retry will wait for; longer ones fail at once as RATE_LIMITED. */
  maxRetryAfterSeconds?: number;
  /** Largest answer read (bytes); a bigger one is refused as UPSTREAM_BAD_RESPONSE (bounded memory). */
  maxBodyBytes?: number;
}

export class UpstreamClient {
  /** Number of HTTP requests sent (including retries); exposed for tests and benchmarks. */
  requestCount = 0;
  /** Identical requests in flight share one call, across GraphQL requests too. */
  private inFlight = new Map<string, Promise<unknown>>();
  /** Cache keys never mix credentials: the token's hash is part of every key. */
  private readonly credential: string;

  /** One breaker per upstream: a dead city answers at once instead of waiting out timeouts. */
  private breaker: CircuitBreaker<[string[], Query], unknown>;

  constructor(readonly options: UpstreamClientOptions) {
    this.credential = options.token ? crypto.createHash('sha256').update(options.token).digest('hex').slice(0, 16) : 'anonymous';
    const b = options.breaker ?? { resetMs: 10000, volumeThreshold: 5 };
    this.breaker = new CircuitBreaker((segments: string[], query: Query) => this.fetchJson(segments, query), {
      timeout: false, // each request has its own deadline
      resetTimeout: b.resetMs,
      volumeThreshold: b.volumeThreshold,
      errorThresholdPercentage: 50,
      // Only the city's failures count: an answer it gave (a 4xx) means it is up.
      errorFilter: (err: unknown) => err instanceof UpstreamError && err.status !== undefined && err.status < 500 && err.status !== 429,
    });
    this.breaker.on('open', () => options.logger.warn({ upstream: options.upstream }, 'circuit open: upstream failing, answering at once'));
    this.breaker.on('close', () => options.logger.info({ upstream: options.upstream }, 'circuit closed: upstream answering again'));
  }

  /** Through the breaker: when it is open, fail at once with what happened. */
  private async guarded<T>(segments: string[], query: Query): Promise<T | null> {
    try {
      return (await this.breaker.fire(segments, query)) as T | null;
    } catch (err) {
      if ((err as { code?: string }).code === 'EOPENBREAKER') {
        const reset = Math.round((this.options.breaker?.resetMs ?? 10000) / 1000);
        throw new UpstreamError(this.options.city, this.options.upstream, `GET /${segments.join('/')}`, `circuit open after repeated failures; the next try is in up to ${reset} s`, undefined, undefined, 'circuit_open');
      }
      throw err;
    }
  }

  /**
   * GETs JSON through the cache: fresh answers come from the cache; a stale one is served while a
   * refresh runs in the background; when the city fails, a copy within the stale-if-error window is
   * served and the request is flagged stale (see request-scope.ts).
   */
  async getJson<T>(segments: string[], query: Query = {}): Promise<T | null> {
    const policy = this.options.cache ? this.options.policy?.(segments) ?? null : null;
    const url = this.url(segments, query);
    if (!policy || !this.options.cache) return this.shared(url, () => this.guarded<T>(segments, query));
    const key = `${this.options.city}:${this.options.upstream}:${this.credential}:${url}`;
    const cached = await this.options.cache.get<CachedAnswer>(key);
    const age = cached ? Date.now() - cached.fetchedAt : Infinity;
    if (cached && age < policy.ttlMs) return cached.body as T | null;
    const refresh = () =>
      this.shared(url, async () => {
        const body = await this.guarded<T>(segments, query);
        await this.options.cache!.set(key, { body, fetchedAt: Date.now() } satisfies CachedAnswer, policy.ttlMs + Math.max(policy.staleWhileRevalidateMs, policy.staleIfErrorMs));
        return body;
      });
    if (cached && age < policy.ttlMs + policy.staleWhileRevalidateMs) {
      refresh().catch((err) => this.options.logger.warn({ url, err: (err as Error).message }, 'background refresh failed'));
      return cached.body as T | null;
    }
    try {
      return await refresh();
    } catch (err) {
      if (cached && err instanceof UpstreamError && age < policy.ttlMs + policy.staleIfErrorMs) {
        noteStale({ upstream: this.options.upstream, request: `GET /${segments.join('/')}`, fetchedAt: new Date(cached.fetchedAt).toISOString(), reason: err.detail });
        return cached.body as T | null;
      }
      throw err;
    }
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
    const path = segments.map((s) => encodeURIComponent(s)).join('/');
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
    }
    const qs = params.toString();
    return `${base}/${path}${qs ? `?${qs}` : ''}`;
  }

  /** GETs JSON from the city; resolves null on 404 (unknown id), throws UpstreamError on anything else that is not 2xx. */
  private async fetchJson<T>(segments: string[], query: Query = {}): Promise<T | null> {
    const url = this.url(segments, query);
    const request = `GET /${segments.join('/')}`;
    const { city, upstream, token, timeoutMs, retries, userAgent, logger } = this.options;
    return retry(
        async (bail: (e: Error) => void): Promise<T | null> => {
          this.requestCount++;
          let response: Response;
          try {
            response = await fetch(url, {
              headers: {
                accept: 'application/json',
                'user-agent': userAgent,
                ...(token ? { authorization: `Bearer ${token}` } : {}),
              },
              signal: AbortSignal.timeout(timeoutMs),
            });
          } catch (err) {
            const cause = (err as { cause?: { code?: string } }).cause?.code;
            if ((err as Error).name === 'TimeoutError') {
              // A city that did not answer in time is not asked again: that would double the wait.
              bail(new UpstreamError(city, upstream, request, `no answer within ${timeoutMs} ms`));
              return null;
            }
            throw new UpstreamError(city, upstream, request, cause ?? (err as Error).message);
          }
          if (response.status === 404) {
            await response.body?.cancel();
            return null;
          }
          if (!response.ok) {
            const body = (await response.text().catch(() => '')).slice(0, 500);
            const error = new UpstreamError(city, upstream, request, describeStatus(response.status), response.status, body);
            if (response.status === 429 || response.status === 503) {
              // Honour Retry-After when it is short; a long one is the city asking us to stop.
              const wait = Number(response.headers.get('retry-after'));
              if (Number.isFinite(wait) && wait > (this.options.maxRetryAfterSeconds ?? 2)) {
                bail(error);
                return null;
              }
              if (Number.isFinite(wait) && wait > 0) await new Promise((r) => setTimeout(r, wait * 1000));
              throw error;
            }
            if (response.status >= 500) throw error;
            bail(error); // 4xx other than 429: retrying will not help
            return null;
          }
          const limit = this.options.maxBodyBytes ?? 50 * 1024 * 1024;
          let text: string;
          try {
            text = await readBounded(response, limit);
          } catch (err) {
            if ((err as Error).message === 'too large') {
              bail(new UpstreamError(city, upstream, request, `answered with more than ${limit} bytes`, response.status, undefined, 'bad_response'));
              return null;
            }
            const e = err as Error;
            if (e.name === 'TimeoutError' || e.name === 'AbortError') {
              bail(new UpstreamError(city, upstream, request, `no answer within ${timeoutMs} ms`));
              return null;
            }
            throw new UpstreamError(city, upstream, request, e.message);
          }
          try {
            return JSON.parse(text) as T;
          } catch {
            bail(new UpstreamError(city, upstream, request, 'answered with a body that is not JSON', response.status, undefined, 'bad_response'));
            return null;
          }
        },
        {
          retries,
          minTimeout: 100,
          maxTimeout: 1000,
          randomize: true, // jitter, so that many clients do not retry in step
          onRetry: (err) => logger.warn({ url, err: (err as Error).message }, 'retrying upstream request'),
        },
      );
  }
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
