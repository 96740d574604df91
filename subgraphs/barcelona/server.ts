/** Builds the Barcelona subgraph (no listen): used by index.ts and by tests in process. */
import { citySubgraphSdl } from '../../schema/compose';
import { cityById } from '../../schema/cities';
import { createSubgraphService, type SubgraphService } from '../shared/server';
import { createLogger, type Logger } from '../shared/logger';
import { SafeCache } from '../shared/cache';
import { PlenaryFiles } from './upstream/plenary';
import { DecidimSource, spacedRequests } from './upstream/decidim';
import { UpstreamClient, type UpstreamClientOptions } from '../shared/upstream';
import { PlenaryIndexer } from './plenary-index';
import { createContext } from './context';
import { resolvers } from './resolvers';
import type { BarcelonaConfig } from './config';

export interface BarcelonaSubgraph extends SubgraphService {
  plenary: PlenaryFiles;
  indexer: PlenaryIndexer;
  decidim: DecidimSource;
  cache?: SafeCache;
}

export async function buildBarcelonaSubgraph(
  config: Omit<BarcelonaConfig, 'port' | 'host' | 'cache' | 'retries' | 'breaker'> & Partial<Pick<BarcelonaConfig, 'cache' | 'retries' | 'breaker'>>,
  logger: Logger = createLogger('barcelona-subgraph'),
): Promise<BarcelonaSubgraph> {
  const city = cityById('barcelona');
  const cache = config.cache ? new SafeCache({ ...config.cache, namespace: 'barcelona', logger }) : undefined;
  const client = (upstream: string, baseUrl: string, extra: Partial<UpstreamClientOptions> = {}) =>
    new UpstreamClient({ city: city.id, upstream, baseUrl, timeoutMs: config.timeoutMs, retries: config.retries ?? 1, userAgent: config.userAgent, logger, breaker: config.breaker, ...extra });
  const plenary = new PlenaryFiles(client('Barcelona plenary files', config.plenaryBaseUrl), { recheckMs: config.plenaryRecheckMs, cache });
  const indexer = new PlenaryIndexer(plenary);
  const decidim = new DecidimSource(client('Decidim API', config.decidimUrl, { schedule: spacedRequests(config.decidimRequestsPerMinute) }), { cacheMs: config.decidimCacheMs, cache });
  const service = await createSubgraphService({
    city: city.id,
    cityName: city.name,
    sdl: citySubgraphSdl(city.subgraph.schemaFile),
    resolvers,
    context: () => createContext(indexer, decidim, config.plenaryBaseUrl),
    logger,
    defaultMaxAge: 300,
    onStop: async () => cache?.disconnect(),
  });
  return { ...service, plenary, indexer, decidim, cache };
}
