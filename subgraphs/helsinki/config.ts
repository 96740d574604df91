/** Helsinki subgraph configuration: every environment variable it reads, with safe defaults. */
import { cityById } from '../../schema/cities';
import { breakerSettingsFromEnv, type BreakerSettings, cacheSettingsFromEnv, intFromEnv as int } from '../shared/env';

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
  pageSize: number;
  maxPages: number;
  userAgent: string;
  /** Upstream cache: Redis when REDIS_URL is set, else in memory. */
  cache: ReturnType<typeof cacheSettingsFromEnv>;
  /** The circuit breaker toward each upstream. */
  breaker: BreakerSettings;
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
    maxPages: int(env.HELSINKI_AHJO_MAX_PAGES, 50, 'HELSINKI_AHJO_MAX_PAGES') || 50,
    cache: cacheSettingsFromEnv(env),
    breaker: breakerSettingsFromEnv(env),
    userAgent: env.HELSINKI_USER_AGENT || 'city-decision-graph/0.1 (helsinki subgraph; +https://github.com/city-decision-graph)',
  };
}
