/** Builds a Decidim city's subgraph (no listen): used by index.ts and by tests in process. */
import { cityFromEnv, type CityEntry } from '../../schema/cities';
import { buildCitySubgraph, type CitySubgraph } from '../shared/city-subgraph';
import { createLogger, type Logger } from '../shared/logger';
import { UpstreamClient, type UpstreamClientOptions } from '../shared/upstream';
import { plenaryFileSpecs, PlenaryFileClient } from './upstream/plenary';
import { DecidimClient, spacedRequests } from './upstream/decidim';
import { createContext } from './context';
import { decidimResolvers } from './resolvers';
import { decidimHarvester, plenaryHarvester } from './sync';
import { decidimConfigFromEnv, type DecidimConfig } from './config';
import { decidimCity, plenaryOptionsOf } from './mapping/city';

export interface DecidimSubgraph extends CitySubgraph {
  /** The HTTP clients toward the file server (null without plenary files) and Decidim (their requestCount is read by tests and benchmarks). */
  plenary: UpstreamClient | null;
  decidim: UpstreamClient;
}

export async function buildDecidimSubgraph(
  city: CityEntry,
  config: Omit<DecidimConfig, 'port' | 'host' | 'sync'> & { sync: DecidimConfig['sync'] & { onListen?: boolean } },
  logger: Logger = createLogger(`${city.id}-subgraph`),
): Promise<DecidimSubgraph> {
  const mapped = decidimCity(city);
  const client = (upstream: string, baseUrl: string, extra: Partial<UpstreamClientOptions> = {}) =>
    new UpstreamClient({ city: city.id, upstream, baseUrl, timeoutMs: config.timeoutMs, retries: config.retries, userAgent: config.userAgent, logger, breaker: config.breaker, ...extra });
  // The plenary files only where the city publishes them (and the config points somewhere).
  const plenary = mapped.plenary && config.plenaryBaseUrl ? client(`${city.name} plenary files`, config.plenaryBaseUrl) : null;
  const decidim = client('Decidim API', config.decidimUrl, { schedule: spacedRequests(config.decidimRequestsPerMinute) });
  const specs = plenary && mapped.plenary ? plenaryFileSpecs(mapped.plenary.files, plenaryOptionsOf(mapped)) : [];
  const files = plenary ? new PlenaryFileClient(plenary) : null;
  const service = await buildCitySubgraph({
    city,
    store: config.store,
    sync: config.sync,
    readiness: { ...config.readiness, userAgent: config.userAgent },
    // Each file is its own upstream (own validators, errors and `sources` entry), then Decidim.
    upstreams: [...specs.map((spec) => plenaryHarvester(mapped, files!, spec)), decidimHarvester(mapped, new DecidimClient(decidim), config.decidimUrl)],
    resolvers: decidimResolvers(mapped),
    context: (store, sync) => createContext(mapped, specs.map((s) => s.key), store, sync, config.plenaryBaseUrl ?? config.decidimUrl),
    defaultMaxAge: 300,
    logger,
  });
  return { ...service, plenary, decidim };
}

/** The subgraph of the city CITY_ID names, as its environment configures it (index.ts, and `npm run sync`). */
export function buildFromEnv(env: NodeJS.ProcessEnv = process.env, logger?: Logger): Promise<DecidimSubgraph> {
  const city = cityFromEnv('decidim', env);
  return buildDecidimSubgraph(city, decidimConfigFromEnv(city, env), logger ?? createLogger(`${city.id}-subgraph`));
}
