/** Notubiz subgraph configuration: every environment variable it reads (`<CITY>_…`), with safe defaults. */
import type { CityEntry } from '../../schema/cities';
import { citySubgraphEnv, type BreakerSettings, type ReadinessSettings, type StoreEnvSettings } from '../shared/env';
import type { SyncSettings } from '../shared/sync/runner';

export interface NotubizConfig {
  port: number;
  host: string;
  /** Base URL of the Notubiz API (or a replica of it). */
  notubizBaseUrl: string;
  timeoutMs: number;
  retries: number;
  /** Most `/events` pages of one organisation and period the sync asks for (a fuller period is halved). */
  maxPages: number;
  /** Largest period the sync lists at once, in months. */
  windowMonths: number;
  userAgent: string;
  /** The circuit breaker toward Notubiz. */
  breaker: BreakerSettings;
  /** The store: PGlite under DATA_DIR, or PostgreSQL with DATABASE_URL. */
  store: StoreEnvSettings;
  sync: SyncSettings;
  /** What /ready checks: READY_MAX_AGE_S, READY_CACHE_MS. */
  readiness?: ReadinessSettings;
}

/** One city's configuration: `${city.envPrefix}_PORT`, `${city.envPrefix}_NOTUBIZ_URL` … (AMSTERDAM_PORT for Amsterdam). */
export function notubizConfigFromEnv(city: CityEntry, env: NodeJS.ProcessEnv = process.env): NotubizConfig {
  const notubiz = city.upstreams[0];
  const { int, common } = citySubgraphEnv(city, env);
  return {
    ...common,
    notubizBaseUrl: env[notubiz.baseUrlEnv] || notubiz.liveBaseUrl,
    timeoutMs: int('NOTUBIZ_TIMEOUT_MS', 10000),
    retries: int('NOTUBIZ_RETRIES', 2),
    maxPages: int('NOTUBIZ_MAX_PAGES', 100) || 100,
    windowMonths: int('SYNC_WINDOW_MONTHS', 12) || 12,
  };
}
