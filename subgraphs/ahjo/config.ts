/** Ahjo subgraph configuration of one city: every environment variable it reads (`<CITY>_…`), with safe defaults. */
import type { CityEntry } from '../../schema/cities';
import { citySubgraphEnv, type BreakerSettings, type ReadinessSettings, type StoreEnvSettings } from '../shared/env';
import type { SyncSettings } from '../shared/sync/runner';

export interface AhjoConfig {
  port: number;
  host: string;
  /** Base URL of the Ahjo REST API (or a replica of it). */
  ahjoBaseUrl: string;
  /** Bearer token for Ahjo, when it needs one. */
  ahjoToken?: string;
  timeoutMs: number;
  retries: number;
  /** Ahjo list page size, and the most pages of one period the sync asks for (a bigger period is halved). */
  pageSize: number;
  maxPages: number;
  /** Largest period the sync lists at once, in months. */
  windowMonths: number;
  userAgent: string;
  /** The circuit breaker toward Ahjo. */
  breaker: BreakerSettings;
  /** The store: PGlite under DATA_DIR, or PostgreSQL with DATABASE_URL. */
  store: StoreEnvSettings;
  sync: SyncSettings;
  /** What /ready checks: READY_MAX_AGE_S, READY_CACHE_MS. */
  readiness?: ReadinessSettings;
}

export function ahjoConfigFromEnv(city: CityEntry, env: NodeJS.ProcessEnv = process.env): AhjoConfig {
  const ahjo = city.upstreams[0];
  const { int: intVar, common } = citySubgraphEnv(city, env);
  return {
    ...common,
    ahjoBaseUrl: env[ahjo.baseUrlEnv] || ahjo.liveBaseUrl,
    ahjoToken: (ahjo.tokenEnv && env[ahjo.tokenEnv]) || undefined,
    timeoutMs: intVar('AHJO_TIMEOUT_MS', 10000),
    retries: intVar('AHJO_RETRIES', 2),
    pageSize: intVar('AHJO_PAGE_SIZE', 1000) || 1000,
    maxPages: intVar('AHJO_MAX_PAGES', 5) || 5,
    windowMonths: intVar('SYNC_WINDOW_MONTHS', 12) || 12,
  };
}
