/** Builds an OParl city's subgraph (no listen): used by index.ts, `npm run sync` and tests in process. */
import { cityFromEnv, type CityEntry } from '../../schema/cities';
import { buildCitySubgraph, type CitySubgraph } from '../shared/city-subgraph';
import { createLogger, type Logger } from '../shared/logger';
import { UpstreamClient } from '../shared/upstream';
import { OParlClient } from './upstream/oparl';
import { createContext } from './context';
import { createResolvers } from './resolvers';
import { oparlHarvester } from './sync';
import { oparlCity } from './mapping/common';
import { oparlConfigFromEnv, type OParlConfig } from './config';

export interface OParlSubgraph extends CitySubgraph {
  /** The OParl HTTP client (its requestCount is read by tests and benchmarks). */
  upstream: UpstreamClient;
}

export async function buildOParlSubgraph(
  city: CityEntry,
  config: Omit<OParlConfig, 'port' | 'host' | 'sync'> & { sync: OParlConfig['sync'] & { onListen?: boolean } },
  logger: Logger = createLogger(`${city.id}-subgraph`),
): Promise<OParlSubgraph> {
  const upstream = new UpstreamClient({
    city: city.id,
    upstream: 'OParl API',
    // OParl links are absolute URLs: the client is rooted at the System's origin and follows them there.
    baseUrl: new URL(config.systemUrl).origin,
    timeoutMs: config.timeoutMs,
    retries: config.retries,
    userAgent: config.userAgent,
    logger,
    breaker: config.breaker,
  });
  const client = new OParlClient(upstream, config.systemUrl, config.maxPages);
  const oparl = oparlCity(city, config.systemUrl);
  const service = await buildCitySubgraph({
    city,
    store: config.store,
    sync: config.sync,
    readiness: { ...config.readiness, userAgent: config.userAgent },
    upstreams: [oparlHarvester(client, oparl, config.systemUrl, { bodyId: config.bodyId })],
    resolvers: createResolvers(city),
    context: (store, sync) => createContext(city, oparl, store, sync, config.systemUrl),
    defaultMaxAge: 60,
    logger,
  });
  return { ...service, upstream };
}

/** The subgraph as its environment configures it (CITY_ID names the city): index.ts, and `npm run sync`. */
export function buildFromEnv(env: NodeJS.ProcessEnv = process.env, logger?: Logger): Promise<OParlSubgraph> {
  const city = cityFromEnv('oparl', env);
  return buildOParlSubgraph(city, oparlConfigFromEnv(city, env), logger ?? createLogger(`${city.id}-subgraph`));
}
