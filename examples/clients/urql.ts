/**
 * urql (`@urql/core`) over GET. The gateway's CSRF prevention wants a GET to carry
 * `apollo-require-preflight: true` (README, "What the endpoint supports"); without it the answer is
 * HTTP 400 `BAD_REQUEST` naming the header.
 */
import { Client, cacheExchange, fetchExchange } from '@urql/core';

export interface UrqlOptions {
  url: string;
  /** Send the preflight header (default true: leaving it out is only to show the 400). */
  preflight?: boolean;
  fetch?: typeof fetch;
}

export function createUrqlClient({ url, preflight = true, fetch: fetchImpl }: UrqlOptions): Client {
  return new Client({
    url,
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: 'force',
    fetchOptions: (): RequestInit => ({ headers: preflight ? { 'apollo-require-preflight': 'true' } : {} }),
    fetch: fetchImpl,
  });
}
