/**
 * What every city subgraph is: a store (its synced copy), the sync that fills it from the city's
 * upstreams, and the GraphQL service that answers from it. `/ready` is 200 when the city can answer
 * now: every upstream has a completed sync (by this instance or another one sharing the store), recent
 * enough, and answers a probe (readiness.ts); else 503 with the reasons.
 */
import type { CityEntry } from '../../schema/cities';
import { topicTableOf } from '../../schema/topics';
import { citySubgraphSdl } from '../../schema/compose';
import { resolversForCity } from './adapter';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { createSubgraphService, type SubgraphService } from './server';
import type { Logger } from './logger';
import { Store } from './store/store';
import { SyncRunner, type SyncSettings, type UpstreamHarvester } from './sync/runner';
import type { StoreEnvSettings } from './env';
import { DEFAULT_READY_CACHE_MS, defaultReadyMaxAgeS, ReadinessCheck, type ReadinessSettings } from './readiness';

export interface CitySubgraphOptions<TContext extends object> {
  /** The registry's entry of the city this subgraph serves (its adapter's SDL and resolvers are renamed for it). */
  city: CityEntry;
  store: StoreEnvSettings;
  sync: SyncSettings & {
    /** Start syncing when the service listens (default true); tests and benchmarks may run it themselves. */
    onListen?: boolean;
  };
  upstreams: UpstreamHarvester[];
  /** What /ready checks (default: READY_MAX_AGE_S and READY_CACHE_MS's defaults), and the agent its probes send. */
  readiness?: Partial<ReadinessSettings> & { userAgent?: string };
  resolvers: GraphQLResolverMap<TContext>;
  context: (store: Store, sync: SyncRunner) => TContext;
  /** Cache hint (seconds) for fields without their own. */
  defaultMaxAge: number;
  logger: Logger;
}

export interface CitySubgraph extends SubgraphService {
  store: Store;
  sync: SyncRunner;
  /** What /ready answers (also used at start to warn about upstreams that do not answer). */
  readiness: ReadinessCheck;
}

export async function buildCitySubgraph<TContext extends object>(opts: CitySubgraphOptions<TContext>): Promise<CitySubgraph> {
  const city = opts.city;
  // The city's topic table: decisions get their COFOG topic from it as they are written (and all again when it changed).
  const store = await Store.open({ city: city.id, languages: city.languages, topics: topicTableOf(city), ...opts.store });
  const sync = new SyncRunner(store, opts.upstreams, opts.sync, opts.logger.child({ component: 'sync' }));
  const readiness = new ReadinessCheck(
    sync,
    { maxAgeS: opts.readiness?.maxAgeS ?? defaultReadyMaxAgeS(opts.sync.intervalS), cacheMs: opts.readiness?.cacheMs ?? DEFAULT_READY_CACHE_MS, userAgent: opts.readiness?.userAgent },
    opts.logger.child({ component: 'readiness' }),
  );
  try {
    await sync.load();
    const service = await createSubgraphService({
      city: city.id,
      cityName: city.name,
      sdl: citySubgraphSdl(city),
      resolvers: city.adapter ? resolversForCity(opts.resolvers as Record<string, unknown>, city.adapter, city) as GraphQLResolverMap<TContext> : opts.resolvers,
      context: () => opts.context(store, sync),
      logger: opts.logger,
      defaultMaxAge: opts.defaultMaxAge,
      budget: opts.store.requestBudget,
      languages: city.languages,
      readiness: async () => {
        const r = await readiness.check();
        return {
          ready: r.ready,
          reasons: r.reasons,
          checkedAt: r.checkedAt,
          store: { engine: store.engine, location: store.db.location },
          sources: r.sources.map((s) => ({ key: s.key, synced: !!s.lastSuccessAt, syncing: s.syncing, lastSuccessAt: s.lastSuccessAt, lastError: s.lastError, recordsHeld: s.recordsHeld })),
          upstreams: r.upstreams.map(({ key, name, url, synced, fresh, reachable, probe, reasons }) => ({ key, name, url, synced, fresh, reachable, probe: probe && { status: probe.status, error: probe.error, at: probe.at, via: probe.via }, reasons })),
          maxAgeS: readiness.settings.maxAgeS,
        };
      },
      onListen: () => {
        if (opts.sync.onListen !== false) sync.start();
      },
      onStop: async () => {
        await sync.stop();
        await store.close();
      },
    });
    return { ...service, store, sync, readiness };
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
}

