/** OParl subgraph configuration: every environment variable it reads (`<CITY>_…`), with safe defaults. */
import type { CityEntry } from '../../schema/cities';
import { citySubgraphEnv, type BreakerSettings, type ReadinessSettings, type StoreEnvSettings } from '../shared/env';
import type { SyncSettings } from '../shared/sync/runner';

export interface OParlConfig {
  port: number;
  host: string;
  /** URL of the OParl System object (or of a replica's). */
  systemUrl: string;
  /** Which Body of the System is the city (settings.bodyId). */
  bodyId?: string;
  timeoutMs: number;
  retries: number;
  /** Most pages one list is followed for. */
  maxPages: number;
  userAgent: string;
  breaker: BreakerSettings;
  store: StoreEnvSettings;
  sync: SyncSettings;
  /** What /ready checks: READY_MAX_AGE_S, READY_CACHE_MS. */
  readiness?: ReadinessSettings;
}

export function oparlConfigFromEnv(city: CityEntry, env: NodeJS.ProcessEnv = process.env): OParlConfig {
  const upstream = city.upstreams.find((u) => u.name === 'oparl')!;
  const { int, common } = citySubgraphEnv(city, env);
  return {
    ...common,
    systemUrl: env[upstream.baseUrlEnv] || upstream.liveBaseUrl,
    bodyId: city.settings.bodyId as string | undefined,
    timeoutMs: int('OPARL_TIMEOUT_MS', 15000) || 15000,
    retries: int('OPARL_RETRIES', 2),
    maxPages: int('OPARL_MAX_PAGES', 10000) || 10000,
  };
}
