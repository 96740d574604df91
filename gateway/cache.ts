/**
 * The gateway's cache: whole responses (by the cache hints the subgraphs send) and persisted
 * queries (APQ), on one keyv store — in memory by default, Redis when REDIS_URL is set, so several
 * gateways share it. Every response says how it was served: header `x-cache` HIT, MISS (cacheable,
 * now stored), STALE (a city was served from a stale copy; not stored) or BYPASS (not cacheable).
 */
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { SafeCache } from '../subgraphs/shared/cache';
import type { Logger } from '../subgraphs/shared/logger';
import { gatewayMetrics } from '../subgraphs/shared/observability/metrics';
import { currentRequest } from './request-guard';

export interface GatewayContext {
  /** Answers the cities served from stale copies during this request. */
  stale: Array<Record<string, unknown>>;
  /** The client the request counts as for rate limiting (see rate-limit.ts), when limiting is on. */
  client?: string;
  /** What the query charges the client's cost budget: its cost as the limits gate measured it, or an export page's fixed charge. */
  cost?: number;
  /** The limits gate measured this request's cost with its variables (and would have refused it over the limit). */
  costChecked?: boolean;
}

/** Apollo's KeyValueCache over SafeCache: a cache failure is a miss, never an error. */
export class SafeKeyValueCache implements KeyValueCache<string> {
  constructor(readonly cache: SafeCache) {}
  get(key: string): Promise<string | undefined> {
    return this.cache.get<string>(key);
  }
  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    // Apollo gives seconds (null: no expiry); keep such entries a day.
    await this.cache.set(key, value, (options?.ttl ?? 86400) * 1000);
  }
  async delete(key: string): Promise<boolean | void> {
    await this.cache.delete(key);
    return true;
  }
}

/** How a response was served (`x-cache`; counted in cdg_gateway_cache_total). */
export type CacheStatus = 'HIT' | 'MISS' | 'STALE' | 'BYPASS';

export function createGatewayCache(options: { redisUrl?: string; maxEntries: number; timeoutMs: number; responses?: boolean; logger: Logger }) {
  const safe = new SafeCache({ ...options, namespace: 'gateway' });
  const plugins: ApolloServerPlugin<GatewayContext>[] = [
    responseCachePlugin<GatewayContext>({
      // Responses are per client when a client identifies itself: never shared across credentials.
      sessionId: async ({ request }) => credentialOf(request.http?.headers) || null,
      // Language preferences change answers; credentials keep even public answers apart (no leaks
      // between clients), hashed so that keys never hold a token.
      extraCacheKeyData: async ({ request }) => {
        const h = request.http?.headers;
        const credential = credentialOf(h);
        return [h?.get('accept-language') ?? '', credential ? createHash('sha256').update(credential).digest('hex') : ''];
      },
      shouldReadFromCache: async () => options.responses !== false,
      shouldWriteToCache: async ({ contextValue }) => options.responses !== false && contextValue.stale.length === 0,
    }),
    {
      async requestDidStart() {
        return {
          async willSendResponse({ response, metrics, contextValue, overallCachePolicy }) {
            const status: CacheStatus = metrics.responseCacheHit ? 'HIT' : contextValue.stale.length ? 'STALE' : options.responses !== false && overallCachePolicy.policyIfCacheable() ? 'MISS' : 'BYPASS';
            gatewayMetrics().cache.inc({ layer: 'response', status });
            const record = currentRequest();
            if (record) record.cache = status;
            for (const city of new Set(contextValue.stale.map((s) => String(s.city)))) gatewayMetrics().stale.inc({ city });
            response.http.headers.set('x-cache', status);
            // Answers follow Accept-Language (the default of `lang`): HTTP caches outside must keep them apart.
            response.http.headers.set('vary', 'Accept-Language');
            if (contextValue.stale.length && response.body.kind === 'single') {
              response.body.singleResult.extensions = { ...response.body.singleResult.extensions, stale: contextValue.stale };
            }
          },
        };
      },
    },
  ];
  return { safe, keyValueCache: new SafeKeyValueCache(safe), plugins };
}

/** A request's credentials, each header on its own (the same value as a token or as an API key is not one client). */
function credentialOf(headers: { get(name: string): string | undefined | null } | undefined): string {
  const auth = headers?.get('authorization') ?? '';
  const key = headers?.get('x-api-key') ?? '';
  return auth || key ? `authorization=${auth}\nx-api-key=${key}` : '';
}
