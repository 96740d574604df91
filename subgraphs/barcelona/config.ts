/** Barcelona subgraph configuration: every environment variable it reads, with safe defaults. */
import { cityById } from '../../schema/cities';
import { breakerSettingsFromEnv, type BreakerSettings, intFromEnv as int, storeSettingsFromEnv, syncSettingsFromEnv, type StoreEnvSettings } from '../shared/env';
import type { SyncSettings } from '../shared/sync/runner';

const city = cityById('barcelona');
const [plenary, decidim] = city.upstreams;

export interface BarcelonaConfig {
  port: number;
  host: string;
  /** Base URL of the plenary files (or a replica). */
  plenaryBaseUrl: string;
  /** Decidim GraphQL endpoint (or a replica). */
  decidimUrl: string;
  timeoutMs: number;
  /** Retries of a failed request to the file server or Decidim (connection errors, 5xx, short 429s). */
  retries: number;
  /** The circuit breaker toward each upstream. */
  breaker: BreakerSettings;
  /** Client-side limit on Decidim requests (the instance allows 100 per minute per IP). */
  decidimRequestsPerMinute: number;
  userAgent: string;
  /** The store: PGlite under DATA_DIR, or PostgreSQL with DATABASE_URL. */
  store: StoreEnvSettings;
  /** How often the files are revalidated (conditional GET) and Decidim's snapshot is taken: SYNC_INTERVAL_S. */
  sync: SyncSettings;
}

export function barcelonaConfigFromEnv(env: NodeJS.ProcessEnv = process.env): BarcelonaConfig {
  return {
    port: int(env.BARCELONA_PORT, city.subgraph.port, 'BARCELONA_PORT'),
    host: env.BARCELONA_HOST || '127.0.0.1',
    plenaryBaseUrl: env[plenary.baseUrlEnv] || plenary.liveBaseUrl,
    decidimUrl: env[decidim.baseUrlEnv] || decidim.liveBaseUrl,
    timeoutMs: int(env.BARCELONA_TIMEOUT_MS, 15000, 'BARCELONA_TIMEOUT_MS'),
    retries: int(env.BARCELONA_RETRIES, 1, 'BARCELONA_RETRIES'),
    breaker: breakerSettingsFromEnv(env),
    decidimRequestsPerMinute: int(env.BARCELONA_DECIDIM_REQUESTS_PER_MINUTE, 90, 'BARCELONA_DECIDIM_REQUESTS_PER_MINUTE') || 90,
    store: storeSettingsFromEnv(env),
    sync: syncSettingsFromEnv(env, city),
    // The city's firewall answers 418 to some bot agents: say who we are.
    userAgent: env.BARCELONA_USER_AGENT || 'city-decision-graph/0.1 (barcelona subgraph; open-data research; +https://github.com/city-decision-graph)',
  };
}
