/** Reading environment variables with a clear error for a bad value (used by every config.ts). */
export function intFromEnv(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer (got ${JSON.stringify(value)}).`);
  return n;
}

/** A circuit breaker toward an upstream: opens after `volumeThreshold` calls with half of them failing, probes again after `resetMs`. */
export interface BreakerSettings {
  resetMs: number;
  volumeThreshold: number;
}

/** The breaker settings every subgraph reads: UPSTREAM_BREAKER_RESET_MS, UPSTREAM_BREAKER_MIN_CALLS. */
export function breakerSettingsFromEnv(env: NodeJS.ProcessEnv): BreakerSettings {
  return {
    resetMs: intFromEnv(env.UPSTREAM_BREAKER_RESET_MS, 10000, 'UPSTREAM_BREAKER_RESET_MS') || 10000,
    volumeThreshold: intFromEnv(env.UPSTREAM_BREAKER_MIN_CALLS, 5, 'UPSTREAM_BREAKER_MIN_CALLS') || 5,
  };
}

/** The cache settings every service reads: REDIS_URL (else in memory), CACHE_MAX_ENTRIES, CACHE_TIMEOUT_MS. */
export function cacheSettingsFromEnv(env: NodeJS.ProcessEnv): { redisUrl?: string; maxEntries: number; maxBytes?: number; timeoutMs: number } {
  return {
    redisUrl: env.REDIS_URL || undefined,
    maxEntries: intFromEnv(env.CACHE_MAX_ENTRIES, 10000, 'CACHE_MAX_ENTRIES') || 10000,
    maxBytes: (intFromEnv(env.CACHE_MAX_MB, 256, 'CACHE_MAX_MB') || 256) * 1024 * 1024,
    timeoutMs: intFromEnv(env.CACHE_TIMEOUT_MS, 250, 'CACHE_TIMEOUT_MS') || 250,
  };
}
