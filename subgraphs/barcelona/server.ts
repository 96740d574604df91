/** Builds the Barcelona subgraph (no listen): used by index.ts and by tests in process. */
import { cityById } from '../../schema/cities';
import { buildCitySubgraph, type CitySubgraph } from '../shared/city-subgraph';
import { createLogger, type Logger } from '../shared/logger';
import { UpstreamClient, type UpstreamClientOptions } from '../shared/upstream';
import { PLENARY_FILES, PlenaryFileClient } from './upstream/plenary';
import { DecidimClient, spacedRequests } from './upstream/decidim';
import { createContext } from './context';
import { resolvers } from './resolvers';
import { decidimHarvester, plenaryHarvester } from './sync';
import { barcelonaConfigFromEnv, type BarcelonaConfig } from './config';

export interface BarcelonaSubgraph extends CitySubgraph {
  /** The HTTP clients toward the file server and Decidim (their requestCount is read by tests and benchmarks). */
  plenary: UpstreamClient;
  decidim: UpstreamClient;
}

export async function buildBarcelonaSubgraph(
  config: Omit<BarcelonaConfig, 'port' | 'host' | 'sync'> & { sync: BarcelonaConfig['sync'] & { onListen?: boolean } },
  logger: Logger = createLogger('barcelona-subgraph'),
): Promise<BarcelonaSubgraph> {
  const city = cityById('barcelona');
  const client = (upstream: string, baseUrl: string, extra: Partial<UpstreamClientOptions> = {}) =>
    new UpstreamClient({ city: city.id, upstream, baseUrl, timeoutMs: config.timeoutMs, retries: config.retries, userAgent: config.userAgent, logger, breaker: config.breaker, ...extra });
  const plenary = client('Barcelona plenary files', config.plenaryBaseUrl);
  const decidim = client('Decidim API', config.decidimUrl, { schedule: spacedRequests(config.decidimRequestsPerMinute) });
  const files = new PlenaryFileClient(plenary);
  const service = await buildCitySubgraph({
    cityId: city.id,
    store: config.store,
    sync: config.sync,
    // Each file is its own upstream (own validators, errors and `sources` entry), then Decidim.
    upstreams: [...PLENARY_FILES.map((spec) => plenaryHarvester(files, spec)), decidimHarvester(new DecidimClient(decidim), config.decidimUrl)],
    resolvers,
    context: (store, sync) => createContext(store, sync, config.plenaryBaseUrl),
    defaultMaxAge: 300,
    logger,
  });
  return { ...service, plenary, decidim };
}

/** The subgraph as its environment configures it (index.ts, and `npm run sync`). */
export function buildFromEnv(env: NodeJS.ProcessEnv = process.env, logger: Logger = createLogger('barcelona-subgraph')): Promise<BarcelonaSubgraph> {
  return buildBarcelonaSubgraph(barcelonaConfigFromEnv(env), logger);
}
