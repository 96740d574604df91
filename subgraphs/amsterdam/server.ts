/** Builds the Amsterdam subgraph (no listen): used by index.ts and by tests in process. */
import { citySubgraphSdl } from '../../schema/compose';
import { cityById } from '../../schema/cities';
import { createSubgraphService, type SubgraphService } from '../shared/server';
import { createLogger, type Logger } from '../shared/logger';
import { UpstreamClient } from '../shared/upstream';
import { policyTable, SafeCache } from '../shared/cache';
import { NotubizClient } from './upstream/notubiz';
import { createContext } from './context';
import { resolvers } from './resolvers';
import type { AmsterdamConfig } from './config';

export interface AmsterdamSubgraph extends SubgraphService {
  /** The Notubiz HTTP client (its requestCount is read by tests and benchmarks). */
  upstream: UpstreamClient;
  cache?: SafeCache;
}

/** How long Notubiz's answers stay fresh (seconds). */
export const NOTUBIZ_CACHE_POLICY = policyTable([
  [/^\/events$/, 60],
  [/^\/events\/meetings\/\d+$/, 600],
  [/^\/module_items\/\d+$/, 600],
  [/^\/organisations(\/\d+\/gremia)?$/, 3600],
]);

export async function buildAmsterdamSubgraph(
  config: Pick<AmsterdamConfig, 'notubizBaseUrl' | 'timeoutMs' | 'retries' | 'maxPages' | 'userAgent'> & Partial<Pick<AmsterdamConfig, 'cache' | 'breaker'>>,
  logger: Logger = createLogger('amsterdam-subgraph'),
): Promise<AmsterdamSubgraph> {
  const city = cityById('amsterdam');
  const cache = config.cache ? new SafeCache({ ...config.cache, namespace: 'amsterdam:notubiz', logger }) : undefined;
  const upstream = new UpstreamClient({
    city: city.id,
    upstream: 'Notubiz API',
    baseUrl: config.notubizBaseUrl,
    timeoutMs: config.timeoutMs,
    retries: config.retries,
    userAgent: config.userAgent,
    logger,
    cache,
    breaker: config.breaker,
    policy: NOTUBIZ_CACHE_POLICY,
  });
  const notubiz = new NotubizClient(upstream, config.maxPages);
  const service = await createSubgraphService({
    city: city.id,
    cityName: city.name,
    sdl: citySubgraphSdl(city.subgraph.schemaFile),
    resolvers,
    context: () => createContext(notubiz, config.notubizBaseUrl),
    logger,
    defaultMaxAge: 60,
    onStop: async () => cache?.disconnect(),
  });
  return { ...service, upstream, cache };
}
