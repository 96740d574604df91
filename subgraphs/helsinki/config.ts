/** Helsinki subgraph configuration: every environment variable it reads, with safe defaults. */
import { cityById } from '../../schema/cities';
import { breakerSettingsFromEnv, type BreakerSettings, intFromEnv as int, storeSettingsFromEnv, syncSettingsFromEnv, type StoreEnvSettings } from '../shared/env';
import type { SyncSettings } from '../shared/sync/runner';

const city = cityById('helsinki');
const ahjo = city.upstreams[0];

export interface HelsinkiConfig {
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
}

export function helsinkiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): HelsinkiConfig {
  return {
    port: int(env.HELSINKI_PORT, city.subgraph.port, 'HELSINKI_PORT'),
    host: env.HELSINKI_HOST || '127.0.0.1',
    ahjoBaseUrl: env[ahjo.baseUrlEnv] || ahjo.liveBaseUrl,
    ahjoToken: (ahjo.tokenEnv && env[ahjo.tokenEnv]) || undefined,
    timeoutMs: int(env.HELSINKI_AHJO_TIMEOUT_MS, 10000, 'HELSINKI_AHJO_TIMEOUT_MS'),
    retries: int(env.HELSINKI_AHJO_RETRIES, 2, 'HELSINKI_AHJO_RETRIES'),
    pageSize: int(env.HELSINKI_AHJO_PAGE_SIZE, 1000, 'HELSINKI_AHJO_PAGE_SIZE') || 1000,
    maxPages: int(env.HELSINKI_AHJO_MAX_PAGES, 5, 'HELSINKI_AHJO_MAX_PAGES') || 5,
    windowMonths: int(env.HELSINKI_SYNC_WINDOW_MONTHS, 12, 'HELSINKI_SYNC_WINDOW_MONTHS') || 12,
    breaker: breakerSettingsFromEnv(env),
    store: storeSettingsFromEnv(env),
    sync: syncSettingsFromEnv(env, city),
    userAgent: env.HELSINKI_USER_AGENT || 'city-decision-graph/0.1 (helsinki subgraph; +https://github.com/city-decision-graph)',
  };
}
