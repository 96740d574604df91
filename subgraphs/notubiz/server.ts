/** Builds a Notubiz city's subgraph (no listen): used by index.ts and by tests in process. */
import { cityFromEnv, type CityEntry } from '../../schema/cities';
import { buildCitySubgraph, type CitySubgraph } from '../shared/city-subgraph';
import { createLogger, type Logger } from '../shared/logger';
import { UpstreamClient } from '../shared/upstream';
import { NotubizClient } from './upstream/notubiz';
import { createContext } from './context';
import { notubizResolvers } from './resolvers';
import { notubizHarvester } from './sync';
import { notubizCity } from './mapping/common';
import { notubizConfigFromEnv, type NotubizConfig } from './config';

export interface NotubizSubgraph extends CitySubgraph {
  /** The Notubiz HTTP client (its requestCount is read by tests and benchmarks). */
  upstream: UpstreamClient;
}

/** The subgraph of one city on Notubiz (its registry entry), configured by `config`. */
export async function buildNotubizSubgraph(
  city: CityEntry,
  config: Omit<NotubizConfig, 'port' | 'host' | 'sync'> & { sync: NotubizConfig['sync'] & { onListen?: boolean } },
  logger: Logger = createLogger(`${city.id}-subgraph`),
): Promise<NotubizSubgraph> {
  const mapping = notubizCity(city);
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
    city,
    store: config.store,
    sync: config.sync,
    readiness: { ...config.readiness, userAgent: config.userAgent },
    upstreams: [notubizHarvester(mapping, notubiz, config.notubizBaseUrl, { windowMonths: config.windowMonths })],
    resolvers: notubizResolvers(city),
    context: (store, sync) => createContext(city, mapping, store, sync, config.notubizBaseUrl),
    defaultMaxAge: 60,
    logger,
  });
  return { ...service, upstream };
}

/** The subgraph as its environment configures it (CITY_ID names the city; index.ts, and `npm run sync`). */
export function buildFromEnv(env: NodeJS.ProcessEnv = process.env, logger?: Logger): Promise<NotubizSubgraph> {
  const city = cityFromEnv('notubiz', env);
  return buildNotubizSubgraph(city, notubizConfigFromEnv(city, env), logger ?? createLogger(`${city.id}-subgraph`));
}
