/**
 * HTTP client for a city's upstream API: JSON GETs with a timeout, retries on network errors,
 * 429 and 5xx (GET is idempotent), a bearer token when configured, and every path segment and
 * query value escaped so user input never reaches the upstream raw.
 */
import retry from 'async-retry';
import { UpstreamError } from './errors';
import type { Logger } from './logger';

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
}

export class UpstreamClient {
  /** Number of HTTP requests sent (including retries); exposed for tests and benchmarks. */
  requestCount = 0;

  constructor(readonly options: UpstreamClientOptions) {}

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

  /** GETs JSON; resolves null on 404 (unknown id), throws UpstreamError on anything else that is not 2xx. */
  async getJson<T>(segments: string[], query: Query = {}): Promise<T | null> {
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
            const detail = (err as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : cause ?? (err as Error).message;
            throw new UpstreamError(city, upstream, request, detail);
          }
          if (response.status === 404) {
            await response.body?.cancel();
            return null;
          }
          if (!response.ok) {
            const body = (await response.text().catch(() => '')).slice(0, 500);
            const error = new UpstreamError(city, upstream, request, describeStatus(response.status), response.status, body);
            if (response.status === 429 || response.status >= 500) throw error;
            bail(error); // 4xx other than 429: retrying will not help
            return null;
          }
          try {
            return (await response.json()) as T;
          } catch {
            bail(new UpstreamError(city, upstream, request, 'answered with a body that is not JSON', response.status));
            return null;
          }
        },
        {
          retries,
          minTimeout: 100,
          maxTimeout: 1000,
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
