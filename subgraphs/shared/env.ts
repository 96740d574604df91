/** Reading environment variables with a clear error for a bad value (used by every config.ts). */
import type { RequestBudget } from './request-scope';
import path from 'node:path';
import { ROOT_DIR, type CityEntry } from '../../schema/cities';
import type { SyncSettings } from './sync/runner';
import { DEFAULT_READY_CACHE_MS, defaultReadyMaxAgeS, type ReadinessSettings } from './readiness';
export type { ReadinessSettings };

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

/** Where a city subgraph keeps its store: DATABASE_URL (PostgreSQL), else PGlite under DATA_DIR. */
export interface StoreEnvSettings {
  dataDir: string;
  databaseUrl?: string;
  /** Put before each city's schema name on PostgreSQL (several deployments in one database). */
  schemaPrefix?: string;
  poolSize: number;
  sharedBuffersMb: number;
  /** What one GraphQL request may read from the store before it is refused (REQUEST_MAX_ROWS, REQUEST_MAX_MS). */
  requestBudget?: RequestBudget;
}

/** The default DATA_DIR: inside the checkout (gitignored), one directory per city. */
export const DEFAULT_DATA_DIR = path.join(ROOT_DIR, '.data');

export function storeSettingsFromEnv(env: NodeJS.ProcessEnv): StoreEnvSettings {
  return {
    dataDir: env.DATA_DIR ? (env.DATA_DIR === 'memory' ? 'memory' : path.resolve(env.DATA_DIR)) : DEFAULT_DATA_DIR,
    databaseUrl: env.DATABASE_URL || undefined,
    schemaPrefix: env.DATABASE_SCHEMA_PREFIX || undefined,
    poolSize: intFromEnv(env.DATABASE_POOL_SIZE, 10, 'DATABASE_POOL_SIZE') || 10,
    sharedBuffersMb: intFromEnv(env.PGLITE_SHARED_BUFFERS_MB, 32, 'PGLITE_SHARED_BUFFERS_MB') || 32,
    requestBudget: {
      maxRows: intFromEnv(env.REQUEST_MAX_ROWS, 20000, 'REQUEST_MAX_ROWS') || 20000,
      maxMs: intFromEnv(env.REQUEST_MAX_MS, 20000, 'REQUEST_MAX_MS') || 20000,
    },
  };
}

function dateFromEnv(value: string | undefined, fallback: string, name: string): string {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new Error(`${name} must be a date in YYYY-MM-DD form (got ${JSON.stringify(value)}).`);
  return value;
}

/** How a city syncs: SYNC_INTERVAL_S, {CITY}_SYNC_FROM, SYNC_LOOKBACK_DAYS, SYNC_FULL_EVERY_H, SYNC_CONCURRENCY. */
export function syncSettingsFromEnv(env: NodeJS.ProcessEnv, city: CityEntry): SyncSettings {
  return {
    intervalS: intFromEnv(env.SYNC_INTERVAL_S, 300, 'SYNC_INTERVAL_S'),
    from: dateFromEnv(env[city.sync.fromEnv], city.sync.from, city.sync.fromEnv),
    lookbackDays: intFromEnv(env.SYNC_LOOKBACK_DAYS, 14, 'SYNC_LOOKBACK_DAYS'),
    fullEveryHours: intFromEnv(env.SYNC_FULL_EVERY_H, 24, 'SYNC_FULL_EVERY_H') || 24,
    concurrency: intFromEnv(env.SYNC_CONCURRENCY, 4, 'SYNC_CONCURRENCY') || 4,
  };
}

/** What /ready checks: READY_MAX_AGE_S (default: 3 × SYNC_INTERVAL_S, at least 1 h; 0: no age check), READY_CACHE_MS. */
export function readinessSettingsFromEnv(env: NodeJS.ProcessEnv): ReadinessSettings {
  const intervalS = intFromEnv(env.SYNC_INTERVAL_S, 300, 'SYNC_INTERVAL_S');
  return {
    maxAgeS: intFromEnv(env.READY_MAX_AGE_S, defaultReadyMaxAgeS(intervalS), 'READY_MAX_AGE_S'),
    cacheMs: intFromEnv(env.READY_CACHE_MS, DEFAULT_READY_CACHE_MS, 'READY_CACHE_MS'),
  };
}

/**
 * The city's upstreams whose credential variable (`<CITY>_<UPSTREAM>_TOKEN`) is unset while the
 * subgraph is pointed at the city's live service (a replica or another address may need none).
 */
export function unsetCredentials(city: CityEntry, env: NodeJS.ProcessEnv): Array<{ upstream: CityEntry['upstreams'][number]; variable: string; url: string }> {
  return city.upstreams.flatMap((upstream) => {
    const url = env[upstream.baseUrlEnv] || upstream.liveBaseUrl;
    return upstream.tokenEnv && !env[upstream.tokenEnv] && url === upstream.liveBaseUrl ? [{ upstream, variable: upstream.tokenEnv, url }] : [];
  });
}

/**
 * What every city subgraph reads the same way from its environment: its address and agent
 * (`<CITY>_PORT`, `<CITY>_HOST`, `<CITY>_USER_AGENT`) and the shared breaker, store and sync
 * settings; `int` reads the adapter's other `<CITY>_<NAME>` variables.
 */
export function citySubgraphEnv(city: CityEntry, env: NodeJS.ProcessEnv) {
  const name = (suffix: string) => `${city.envPrefix}_${suffix}`;
  return {
    int: (suffix: string, fallback: number) => intFromEnv(env[name(suffix)], fallback, name(suffix)),
    common: {
      port: intFromEnv(env[name('PORT')], city.subgraph.port, name('PORT')),
      host: env[name('HOST')] || '127.0.0.1',
      userAgent: env[name('USER_AGENT')] || `city-decision-graph/0.1 (${city.id} subgraph on ${city.adapter?.name ?? 'its own'}; +https://github.com/city-decision-graph)`,
      breaker: breakerSettingsFromEnv(env),
      store: storeSettingsFromEnv(env),
      sync: syncSettingsFromEnv(env, city),
      readiness: readinessSettingsFromEnv(env),
    },
  };
}
