/** Builds an Ahjo city's subgraph (no listen): used by index.ts and by tests in process. */
import { cityFromEnv, type CityEntry } from '../../schema/cities';
import { buildCitySubgraph, type CitySubgraph } from '../shared/city-subgraph';
import { createLogger, type Logger } from '../shared/logger';
import { UpstreamClient } from '../shared/upstream';
import { AhjoClient } from './upstream/ahjo';
import { createContext } from './context';
import { ahjoResolvers } from './resolvers';
import { ahjoHarvester } from './sync';
import { mappingCity } from './mapping/common';
import { ahjoConfigFromEnv, type AhjoConfig } from './config';

export interface AhjoSubgraph extends CitySubgraph {
  /** The Ahjo HTTP client (its requestCount is read by tests and benchmarks). */
  upstream: UpstreamClient;
}

export async function buildAhjoSubgraph(
  city: CityEntry,
  config: Omit<AhjoConfig, 'port' | 'host' | 'sync'> & { sync: AhjoConfig['sync'] & { onListen?: boolean } },
  logger: Logger = createLogger(`${city.id}-subgraph`),
): Promise<AhjoSubgraph> {
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
    city,
    store: config.store,
    sync: config.sync,
    readiness: { ...config.readiness, userAgent: config.userAgent },
    upstreams: [ahjoHarvester(mappingCity(city), ahjo, config.ahjoBaseUrl, { windowMonths: config.windowMonths, maxPerWindow: config.pageSize * config.maxPages })],
    resolvers: ahjoResolvers(city),
    context: (store, sync) => createContext(city, store, sync, config.ahjoBaseUrl),
    defaultMaxAge: 60,
    logger,
  });
  return { ...service, upstream };
}

/** The subgraph of the city CITY_ID names, as its environment configures it (index.ts, `npm run sync`, tests). */
export function buildFromEnv(env: NodeJS.ProcessEnv = process.env, logger?: Logger): Promise<AhjoSubgraph> {
  const city = cityFromEnv('ahjo', env);
  return buildAhjoSubgraph(city, ahjoConfigFromEnv(city, env), logger ?? createLogger(`${city.id}-subgraph`));
}
