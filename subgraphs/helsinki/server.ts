/** Builds the Helsinki subgraph (no listen): used by index.ts and by tests in process. */
import { citySubgraphSdl } from '../../schema/compose';
import { cityById } from '../../schema/cities';
import { createSubgraphService, type SubgraphService } from '../shared/server';
import { createLogger, type Logger } from '../shared/logger';
import { UpstreamClient } from '../shared/upstream';
import { AhjoClient } from './upstream/ahjo';
import { createContext } from './context';
import { resolvers } from './resolvers';
import type { HelsinkiConfig } from './config';

export interface HelsinkiSubgraph extends SubgraphService {
  /** The Ahjo HTTP client (its requestCount is read by tests and benchmarks). */
  upstream: UpstreamClient;
}

export async function buildHelsinkiSubgraph(
  config: Pick<HelsinkiConfig, 'ahjoBaseUrl' | 'ahjoToken' | 'timeoutMs' | 'retries' | 'pageSize' | 'maxPages' | 'userAgent'>,
  logger: Logger = createLogger('helsinki-subgraph'),
): Promise<HelsinkiSubgraph> {
  const city = cityById('helsinki');
  const upstream = new UpstreamClient({
    city: city.id,
    upstream: 'Ahjo REST API',
    baseUrl: config.ahjoBaseUrl,
    token: config.ahjoToken,
    timeoutMs: config.timeoutMs,
    retries: config.retries,
    userAgent: config.userAgent,
    logger,
  });
  const ahjo = new AhjoClient(upstream, { pageSize: config.pageSize, maxPages: config.maxPages });
  const service = await createSubgraphService({
    city: city.id,
    cityName: city.name,
    sdl: citySubgraphSdl(city.subgraph.schemaFile),
    resolvers,
    context: () => createContext(ahjo, config.ahjoBaseUrl),
    logger,
  });
  return { ...service, upstream };
}
