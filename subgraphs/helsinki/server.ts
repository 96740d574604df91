/** Builds the Helsinki subgraph (no listen): used by index.ts and by tests in process. */
import { cityById } from '../../schema/cities';
import { buildCitySubgraph, type CitySubgraph } from '../shared/city-subgraph';
import { createLogger, type Logger } from '../shared/logger';
import { UpstreamClient } from '../shared/upstream';
import { AhjoClient } from './upstream/ahjo';
import { createContext } from './context';
import { resolvers } from './resolvers';
import { ahjoHarvester } from './sync';
import { helsinkiConfigFromEnv, type HelsinkiConfig } from './config';

export interface HelsinkiSubgraph extends CitySubgraph {
  /** The Ahjo HTTP client (its requestCount is read by tests and benchmarks). */
  upstream: UpstreamClient;
}

export async function buildHelsinkiSubgraph(
  config: Omit<HelsinkiConfig, 'port' | 'host' | 'sync'> & { sync: HelsinkiConfig['sync'] & { onListen?: boolean } },
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
    breaker: config.breaker,
  });
  const ahjo = new AhjoClient(upstream, { pageSize: config.pageSize, maxPages: config.maxPages });
  const service = await buildCitySubgraph({
    cityId: city.id,
    store: config.store,
    sync: config.sync,
    upstreams: [ahjoHarvester(ahjo, config.ahjoBaseUrl, { windowMonths: config.windowMonths, maxPerWindow: config.pageSize * config.maxPages })],
    resolvers,
    context: (store, sync) => createContext(store, sync, config.ahjoBaseUrl),
    defaultMaxAge: 60,
    logger,
  });
  return { ...service, upstream };
}

/** The subgraph as its environment configures it (index.ts, and `npm run sync`). */
export function buildFromEnv(env: NodeJS.ProcessEnv = process.env, logger: Logger = createLogger('helsinki-subgraph')): Promise<HelsinkiSubgraph> {
  return buildHelsinkiSubgraph(helsinkiConfigFromEnv(env), logger);
}
