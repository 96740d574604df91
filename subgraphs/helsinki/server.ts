/** Builds the Helsinki subgraph (no listen): used by index.ts and by tests in process. */
import { citySubgraphSdl } from '../../schema/compose';
import { cityById } from '../../schema/cities';
import { createSubgraphService, type SubgraphService } from '../shared/server';
import { createLogger, type Logger } from '../shared/logger';
import { UpstreamClient } from '../shared/upstream';
import { policyTable, SafeCache } from '../shared/cache';
import { AhjoClient } from './upstream/ahjo';
import { createContext } from './context';
import { resolvers } from './resolvers';
import type { HelsinkiConfig } from './config';

export interface HelsinkiSubgraph extends SubgraphService {
  /** The Ahjo HTTP client (its requestCount is read by tests and benchmarks). */
  upstream: UpstreamClient;
  cache?: SafeCache;
}

/** How long Ahjo's answers stay fresh (seconds): lists change often, details and organisations less. */
export const AHJO_CACHE_POLICY = policyTable([
  [/^\/(decisions|meetings|cases)$/, 60],
  [/^\/(decisions|meetings|cases)\/[^/]+$/, 600],
  [/^\/(agents\/decisionmakers|organization)$/, 3600],
]);

export async function buildHelsinkiSubgraph(
  config: Pick<HelsinkiConfig, 'ahjoBaseUrl' | 'ahjoToken' | 'timeoutMs' | 'retries' | 'pageSize' | 'maxPages' | 'userAgent'> & Partial<Pick<HelsinkiConfig, 'cache' | 'breaker'>> & {
    /** Replaces the cache policy (tests and benchmarks use short TTLs). */
    cachePolicy?: typeof AHJO_CACHE_POLICY;
  },
  logger: Logger = createLogger('helsinki-subgraph'),
): Promise<HelsinkiSubgraph> {
  const city = cityById('helsinki');
  const cache = config.cache ? new SafeCache({ ...config.cache, namespace: 'helsinki:ahjo', logger }) : undefined;
  const upstream = new UpstreamClient({
    city: city.id,
    upstream: 'Ahjo REST API',
    baseUrl: config.ahjoBaseUrl,
    token: config.ahjoToken,
    timeoutMs: config.timeoutMs,
    retries: config.retries,
    userAgent: config.userAgent,
    logger,
    cache,
    breaker: config.breaker,
    policy: config.cachePolicy ?? AHJO_CACHE_POLICY,
  });
  const ahjo = new AhjoClient(upstream, { pageSize: config.pageSize, maxPages: config.maxPages });
  const service = await createSubgraphService({
    city: city.id,
    cityName: city.name,
    sdl: citySubgraphSdl(city.subgraph.schemaFile),
    resolvers,
    context: () => createContext(ahjo, config.ahjoBaseUrl),
    logger,
    defaultMaxAge: 60,
    onStop: async () => cache?.disconnect(),
  });
  return { ...service, upstream, cache };
}
