/** Amsterdam subgraph configuration: every environment variable it reads, with safe defaults. */
import { cityById } from '../../schema/cities';
import { breakerSettingsFromEnv, type BreakerSettings, intFromEnv as int, storeSettingsFromEnv, syncSettingsFromEnv, type StoreEnvSettings } from '../shared/env';
import type { SyncSettings } from '../shared/sync/runner';

const city = cityById('amsterdam');
const notubiz = city.upstreams[0];

export interface AmsterdamConfig {
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
}

export function amsterdamConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AmsterdamConfig {
  return {
    port: int(env.AMSTERDAM_PORT, city.subgraph.port, 'AMSTERDAM_PORT'),
    host: env.AMSTERDAM_HOST || '127.0.0.1',
    notubizBaseUrl: env[notubiz.baseUrlEnv] || notubiz.liveBaseUrl,
    timeoutMs: int(env.AMSTERDAM_NOTUBIZ_TIMEOUT_MS, 10000, 'AMSTERDAM_NOTUBIZ_TIMEOUT_MS'),
    retries: int(env.AMSTERDAM_NOTUBIZ_RETRIES, 2, 'AMSTERDAM_NOTUBIZ_RETRIES'),
    maxPages: int(env.AMSTERDAM_NOTUBIZ_MAX_PAGES, 100, 'AMSTERDAM_NOTUBIZ_MAX_PAGES') || 100,
    windowMonths: int(env.AMSTERDAM_SYNC_WINDOW_MONTHS, 12, 'AMSTERDAM_SYNC_WINDOW_MONTHS') || 12,
    breaker: breakerSettingsFromEnv(env),
    store: storeSettingsFromEnv(env),
    sync: syncSettingsFromEnv(env, city),
    userAgent: env.AMSTERDAM_USER_AGENT || 'city-decision-graph/0.1 (amsterdam subgraph; +https://github.com/city-decision-graph)',
  };
}
