/** Builds the Amsterdam subgraph (no listen): used by index.ts and by tests in process. */
import { cityById } from '../../schema/cities';
import { buildCitySubgraph, type CitySubgraph } from '../shared/city-subgraph';
import { createLogger, type Logger } from '../shared/logger';
import { UpstreamClient } from '../shared/upstream';
import { NotubizClient } from './upstream/notubiz';
import { createContext } from './context';
import { resolvers } from './resolvers';
import { notubizHarvester } from './sync';
import { amsterdamConfigFromEnv, type AmsterdamConfig } from './config';

export interface AmsterdamSubgraph extends CitySubgraph {
  /** The Notubiz HTTP client (its requestCount is read by tests and benchmarks). */
  upstream: UpstreamClient;
}

export async function buildAmsterdamSubgraph(
  config: Omit<AmsterdamConfig, 'port' | 'host' | 'sync'> & { sync: AmsterdamConfig['sync'] & { onListen?: boolean } },
  logger: Logger = createLogger('amsterdam-subgraph'),
): Promise<AmsterdamSubgraph> {
  const city = cityById('amsterdam');
  const upstream = new UpstreamClient({
    city: city.id,
    upstream: 'Notubiz API',
    baseUrl: config.notubizBaseUrl,
    timeoutMs: config.timeoutMs,
    retries: config.retries,
    userAgent: config.userAgent,
    logger,
    breaker: config.breaker,
  });
  const notubiz = new NotubizClient(upstream, config.maxPages);
  const service = await buildCitySubgraph({
    cityId: city.id,
    store: config.store,
    sync: config.sync,
    upstreams: [notubizHarvester(notubiz, config.notubizBaseUrl, { windowMonths: config.windowMonths })],
    resolvers,
    context: (store, sync) => createContext(store, sync, config.notubizBaseUrl),
    defaultMaxAge: 60,
    logger,
  });
  return { ...service, upstream };
}

/** The subgraph as its environment configures it (index.ts, and `npm run sync`). */
export function buildFromEnv(env: NodeJS.ProcessEnv = process.env, logger: Logger = createLogger('amsterdam-subgraph')): Promise<AmsterdamSubgraph> {
  return buildAmsterdamSubgraph(amsterdamConfigFromEnv(env), logger);
}
