/**
 * A Decidim city's subgraph configuration: every environment variable it reads, named after the
 * city (`BARCELONA_PORT`, `BARCELONA_PLENARY_URL`, …), with safe defaults from its registry entry.
 */
import type { CityEntry } from '../../schema/cities';
import { citySubgraphEnv, type BreakerSettings, type ReadinessSettings, type StoreEnvSettings } from '../shared/env';
import type { SyncSettings } from '../shared/sync/runner';

export interface DecidimConfig {
  port: number;
  host: string;
  /** Base URL of the plenary files (or a replica); null for a city without plenary files. */
  plenaryBaseUrl: string | null;
  /** Decidim GraphQL endpoint (or a replica). */
  decidimUrl: string;
  timeoutMs: number;
  /** Retries of a failed request to the file server or Decidim (connection errors, 5xx, short 429s). */
  retries: number;
  /** The circuit breaker toward each upstream. */
  breaker: BreakerSettings;
  /** Client-side limit on Decidim requests (decidim.barcelona allows 100 per minute per IP). */
  decidimRequestsPerMinute: number;
  userAgent: string;
  /** The store: PGlite under DATA_DIR, or PostgreSQL with DATABASE_URL. */
  store: StoreEnvSettings;
  /** How often the files are revalidated (conditional GET) and Decidim's snapshot is taken: SYNC_INTERVAL_S. */
  sync: SyncSettings;
  /** What /ready checks: READY_MAX_AGE_S, READY_CACHE_MS. */
  readiness?: ReadinessSettings;
}

export function decidimConfigFromEnv(city: CityEntry, env: NodeJS.ProcessEnv = process.env): DecidimConfig {
  const plenary = city.upstreams.find((u) => u.name === 'plenary');
  const decidim = city.upstreams.find((u) => u.name === 'decidim');
  if (!decidim) throw new Error(`City "${city.id}" is not on the decidim adapter (it has no decidim upstream).`);
  const { int, common } = citySubgraphEnv(city, env);
  return {
    // Some city firewalls (Barcelona's) answer 418 to bot agents: the agent says who we are.
    ...common,
    plenaryBaseUrl: plenary ? env[plenary.baseUrlEnv] || plenary.liveBaseUrl : null,
    decidimUrl: env[decidim.baseUrlEnv] || decidim.liveBaseUrl,
    timeoutMs: int('TIMEOUT_MS', 15000),
    retries: int('RETRIES', 1),
    decidimRequestsPerMinute: int('DECIDIM_REQUESTS_PER_MINUTE', 90) || 90,
  };
}
