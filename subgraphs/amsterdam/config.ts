/** Amsterdam subgraph configuration: every environment variable it reads, with safe defaults. */
import { cityById } from '../../schema/cities';
import { breakerSettingsFromEnv, type BreakerSettings, cacheSettingsFromEnv, intFromEnv as int } from '../shared/env';

const city = cityById('amsterdam');
const notubiz = city.upstreams[0];

export interface AmsterdamConfig {
  port: number;
  host: string;
  /** Base URL of the Notubiz API (or a replica of it). */
  notubizBaseUrl: string;
  timeoutMs: number;
  retries: number;
  maxPages: number;
  userAgent: string;
  /** Upstream cache: Redis when REDIS_URL is set, else in memory. */
  cache: ReturnType<typeof cacheSettingsFromEnv>;
  /** The circuit breaker toward each upstream. */
  breaker: BreakerSettings;
}

export function amsterdamConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AmsterdamConfig {
  return {
    port: int(env.AMSTERDAM_PORT, city.subgraph.port, 'AMSTERDAM_PORT'),
    host: env.AMSTERDAM_HOST || '127.0.0.1',
    notubizBaseUrl: env[notubiz.baseUrlEnv] || notubiz.liveBaseUrl,
    timeoutMs: int(env.AMSTERDAM_NOTUBIZ_TIMEOUT_MS, 10000, 'AMSTERDAM_NOTUBIZ_TIMEOUT_MS'),
    retries: int(env.AMSTERDAM_NOTUBIZ_RETRIES, 2, 'AMSTERDAM_NOTUBIZ_RETRIES'),
    maxPages: int(env.AMSTERDAM_NOTUBIZ_MAX_PAGES, 100, 'AMSTERDAM_NOTUBIZ_MAX_PAGES') || 100,
    cache: cacheSettingsFromEnv(env),
    breaker: breakerSettingsFromEnv(env),
    userAgent: env.AMSTERDAM_USER_AGENT || 'city-decision-graph/0.1 (amsterdam subgraph; +https://github.com/city-decision-graph)',
  };
}
