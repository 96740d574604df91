/**
 * What every city subgraph is: a store (its synced copy), the sync that fills it from the city's
 * upstreams, and the GraphQL service that answers from it. `/ready` is 200 once every upstream has
 * completed a sync (by this instance or another one sharing the store).
 */
import { cityById } from '../../schema/cities';
import { citySubgraphSdl } from '../../schema/compose';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { createSubgraphService, type SubgraphService } from './server';
import type { Logger } from './logger';
import { Store } from './store/store';
import { SyncRunner, type SyncSettings, type UpstreamHarvester } from './sync/runner';
import type { StoreEnvSettings } from './env';

export interface CitySubgraphOptions<TContext extends object> {
  cityId: string;
  store: StoreEnvSettings;
  sync: SyncSettings & {
    /** Start syncing when the service listens (default true); tests and benchmarks may run it themselves. */
    onListen?: boolean;
  };
  upstreams: UpstreamHarvester[];
  resolvers: GraphQLResolverMap<TContext>;
  context: (store: Store, sync: SyncRunner) => TContext;
  /** Cache hint (seconds) for fields without their own. */
  defaultMaxAge: number;
  logger: Logger;
}

export interface CitySubgraph extends SubgraphService {
  store: Store;
  sync: SyncRunner;
}

export async function buildCitySubgraph<TContext extends object>(opts: CitySubgraphOptions<TContext>): Promise<CitySubgraph> {
  const city = cityById(opts.cityId);
  const store = await Store.open({ city: city.id, languages: city.languages, ...opts.store });
  const sync = new SyncRunner(store, opts.upstreams, opts.sync, opts.logger.child({ component: 'sync' }));
  try {
    await sync.load();
    const service = await createSubgraphService({
      city: city.id,
      cityName: city.name,
      sdl: citySubgraphSdl(city.subgraph.schemaFile),
      resolvers: opts.resolvers,
      context: () => opts.context(store, sync),
      logger: opts.logger,
      defaultMaxAge: opts.defaultMaxAge,
      budget: opts.store.requestBudget,
      readiness: async () => ({
        ready: sync.isReady(),
        store: { engine: store.engine, location: store.db.location },
        sources: (await sync.statuses()).map((s) => ({ key: s.key, synced: !!s.lastSuccessAt, syncing: s.syncing, lastSuccessAt: s.lastSuccessAt, lastError: s.lastError, recordsHeld: s.recordsHeld })),
      }),
      onListen: () => {
        if (opts.sync.onListen !== false) sync.start();
      },
      onStop: async () => {
        await sync.stop();
        await store.close();
      },
    });
    return { ...service, store, sync };
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
}
