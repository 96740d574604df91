/** Gateway configuration: every environment variable the gateway reads, with safe defaults. */
import fs from 'node:fs';
import { CITIES, SUPERGRAPH_FILE, subgraphUrl } from '../schema/cities';
import { cacheSettingsFromEnv, intFromEnv as int } from '../subgraphs/shared/env';
import { DEFAULT_LIMITS, type QueryLimits } from './limits';
import { tracingSettingsFromEnv, type TracingSettings } from '../subgraphs/shared/observability/tracing';

export interface GatewayConfig {
  port: number;
  host: string;
  /**
   * `live` (default): the supergraph is composed from the cities' running subgraphs, at start and
   * every `supergraphPollS` (gateway/composition.ts); `static`: the committed file at `supergraphPath`
   * is pinned (a reviewed schema for production).
   */
  supergraphMode: 'live' | 'static';
  /** The committed supergraph served with SUPERGRAPH=static. */
  supergraphPath: string;
  /** Seconds between checks of the cities' SDLs in live mode (0: only at start). */
  supergraphPollS: number;
  /** City id → subgraph URL (registry default, or `{CITY}_SUBGRAPH_URL`). */
  subgraphUrls: Record<string, string>;
  /** How long the gateway waits for a city subgraph before giving up on it. */
  subgraphTimeoutMs: number;
  /** A city's circuit, opened after repeated failures to reach its subgraph, probes again after this. */
  subgraphBreakerResetMs: number;
  logLevel: string;
  /** Response cache and APQ store: Redis when REDIS_URL is set, else in memory. */
  cache: ReturnType<typeof cacheSettingsFromEnv>;
  /** Approximate size of the query-plan cache. */
  queryPlanCacheMiB: number;
  /** Entries of the in-process edge cache of whole response bytes (0 turns it off). */
  edgeCacheEntries: number;
  /** Whether whole responses are cached (RESPONSE_CACHE=false: every query reaches the cities; APQ and plans still cached). */
  responseCache: boolean;
  /** Query limits checked before any city is asked. */
  limits: QueryLimits;
  /** Introspection (on by default: the schema is the product). */
  introspection: boolean;
  /** The landing page on GET /graphql from a browser (default: off when NODE_ENV=production). */
  landingPage: boolean;
  /** Largest request body accepted, in bytes; a bigger one gets 413. */
  maxRequestBytes: number;
  /** Requests a minute per client (a registered x-api-key, else IP); 0 turns limiting off. */
  rateLimitPerMinute: number;
  /** Query cost a minute per client (the cost the limits measure); 0 turns it off. */
  rateLimitCostPerMinute: number;
  /** API keys with a budget of their own (API_KEYS, comma-separated); any other key counts as its IP. */
  apiKeys: string[];
  /**
   * Proxies in front of the gateway (TRUST_PROXY_HOPS, default 0): their X-Forwarded-For names the
   * client for rate limiting. Set it only behind proxies that append to that header (deploy/nginx.conf).
   */
  trustProxyHops: number;
  /** Hide internal addresses and details from clients' errors (default: on when NODE_ENV=production). */
  maskErrors: boolean;
  /** A request's headers must have arrived this long after its first byte, else 408 and the connection closes (slow clients). */
  headersTimeoutMs: number;
  /** The whole request (headers and body) must have arrived within this; answering it is not counted. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Deepest nesting of JSON objects and arrays in a request (the body is level 1); deeper gets 400. */
  maxJsonDepth: number;
  /** Largest query (UTF-8 bytes) that may be registered as an automatic persisted query; larger gets 400. */
  maxPersistedQueryBytes: number;
  /** OpenTelemetry: where spans go (OTEL_EXPORTER_OTLP_ENDPOINT; off when unset). */
  tracing: TracingSettings;
}

export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return {
    tracing: tracingSettingsFromEnv(env, 'gateway'),
    port: int(env.PORT, 4000, 'PORT'),
    host: env.HOST || '127.0.0.1',
    supergraphMode: supergraphModeFromEnv(env.SUPERGRAPH),
    supergraphPath: env.SUPERGRAPH_PATH || SUPERGRAPH_FILE,
    supergraphPollS: int(env.SUPERGRAPH_POLL_S, 30, 'SUPERGRAPH_POLL_S'),
    subgraphUrls: Object.fromEntries(CITIES.map((c) => [c.id, subgraphUrl(c, env)])),
    subgraphTimeoutMs: int(env.SUBGRAPH_TIMEOUT_MS, 15000, 'SUBGRAPH_TIMEOUT_MS'),
    subgraphBreakerResetMs: int(env.SUBGRAPH_BREAKER_RESET_MS, 10000, 'SUBGRAPH_BREAKER_RESET_MS') || 10000,
    logLevel: env.LOG_LEVEL || 'info',
    cache: cacheSettingsFromEnv(env),
    queryPlanCacheMiB: int(env.QUERY_PLAN_CACHE_MIB, 30, 'QUERY_PLAN_CACHE_MIB') || 30,
    edgeCacheEntries: env.RESPONSE_CACHE === 'false' ? 0 : int(env.EDGE_CACHE_ENTRIES, 1000, 'EDGE_CACHE_ENTRIES'),
    responseCache: env.RESPONSE_CACHE !== 'false',
    limits: {
      maxDepth: int(env.MAX_QUERY_DEPTH, DEFAULT_LIMITS.maxDepth, 'MAX_QUERY_DEPTH'),
      maxAliases: int(env.MAX_QUERY_ALIASES, DEFAULT_LIMITS.maxAliases, 'MAX_QUERY_ALIASES'),
      maxRootFields: int(env.MAX_ROOT_FIELDS, DEFAULT_LIMITS.maxRootFields, 'MAX_ROOT_FIELDS'),
      maxCost: int(env.MAX_QUERY_COST, DEFAULT_LIMITS.maxCost, 'MAX_QUERY_COST'),
      maxTokens: int(env.MAX_QUERY_TOKENS, DEFAULT_LIMITS.maxTokens, 'MAX_QUERY_TOKENS'),
      maxIntrospectionNodes: int(env.MAX_INTROSPECTION_NODES, DEFAULT_LIMITS.maxIntrospectionNodes, 'MAX_INTROSPECTION_NODES'),
      maxFieldRepeats: int(env.MAX_FIELD_REPEATS, DEFAULT_LIMITS.maxFieldRepeats, 'MAX_FIELD_REPEATS'),
    },
    introspection: env.INTROSPECTION !== 'false',
    landingPage: env.LANDING_PAGE ? env.LANDING_PAGE === 'true' : env.NODE_ENV !== 'production',
    maxRequestBytes: int(env.MAX_REQUEST_BYTES, 1024 * 1024, 'MAX_REQUEST_BYTES') || 1024 * 1024,
    rateLimitPerMinute: int(env.RATE_LIMIT_PER_MINUTE, 1200, 'RATE_LIMIT_PER_MINUTE'),
    rateLimitCostPerMinute: int(env.RATE_LIMIT_COST_PER_MINUTE, 500000, 'RATE_LIMIT_COST_PER_MINUTE'),
    apiKeys: (env.API_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean),
    trustProxyHops: int(env.TRUST_PROXY_HOPS, 0, 'TRUST_PROXY_HOPS'),
    maskErrors: env.MASK_ERRORS ? env.MASK_ERRORS === 'true' : env.NODE_ENV === 'production',
    ...httpTimeoutsFromEnv(env),
    maxJsonDepth: int(env.MAX_JSON_DEPTH, 64, 'MAX_JSON_DEPTH') || 64,
    maxPersistedQueryBytes: int(env.MAX_PERSISTED_QUERY_BYTES, 20480, 'MAX_PERSISTED_QUERY_BYTES') || 20480,
  };
}

function supergraphModeFromEnv(value: string | undefined): GatewayConfig['supergraphMode'] {
  if (!value) return 'live';
  if (value === 'live' || value === 'static') return value;
  throw new Error(`SUPERGRAPH must be "live" or "static" (got ${JSON.stringify(value)}).`);
}

/** HTTP timeouts against slow clients; Node requires headers to be due no later than the whole request. */
function httpTimeoutsFromEnv(env: NodeJS.ProcessEnv): Pick<GatewayConfig, 'headersTimeoutMs' | 'requestTimeoutMs' | 'keepAliveTimeoutMs'> {
  const headersTimeoutMs = int(env.HEADERS_TIMEOUT_MS, 10000, 'HEADERS_TIMEOUT_MS') || 10000;
  const requestTimeoutMs = int(env.REQUEST_TIMEOUT_MS, 30000, 'REQUEST_TIMEOUT_MS') || 30000;
  if (headersTimeoutMs > requestTimeoutMs) throw new Error(`HEADERS_TIMEOUT_MS (${headersTimeoutMs}) must not be more than REQUEST_TIMEOUT_MS (${requestTimeoutMs}).`);
  return { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs: int(env.KEEP_ALIVE_TIMEOUT_MS, 5000, 'KEEP_ALIVE_TIMEOUT_MS') || 5000 };
}

export function readSupergraph(config: Pick<GatewayConfig, 'supergraphPath'>): string {
  return fs.readFileSync(config.supergraphPath, 'utf8');
}
