/**
 * Starts the real path in process, over real HTTP on loopback: the Ahjo replica → the Helsinki
 * subgraph → the gateway (each on a free port). Nothing of ours is mocked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createAhjoReplica } from '../../subgraphs/helsinki/replica/server';
import { buildHelsinkiSubgraph, type HelsinkiSubgraph } from '../../subgraphs/helsinki/server';
import { createNotubizReplica } from '../../subgraphs/amsterdam/replica/server';
import { buildAmsterdamSubgraph, type AmsterdamSubgraph } from '../../subgraphs/amsterdam/server';
import { createBarcelonaReplica, type BarcelonaReplica } from '../../subgraphs/barcelona/replica/server';
import { buildBarcelonaSubgraph, type BarcelonaSubgraph } from '../../subgraphs/barcelona/server';
import { buildGateway, type Gateway } from '../../gateway/server';
import { createLogger } from '../../subgraphs/shared/logger';
import type { RunningService } from '../../subgraphs/shared/server';
import type { Faults } from '../../subgraphs/shared/replica';
import type { BreakerSettings } from '../../subgraphs/shared/env';
import { CITIES, ROOT_DIR, SUPERGRAPH_FILE } from '../../schema/cities';

export const DEFAULT_DATA_DIR = path.join(ROOT_DIR, CITIES.find((c) => c.id === 'helsinki')!.replica.defaultDir);
export const BARCELONA_DATA_DIR = path.join(ROOT_DIR, CITIES.find((c) => c.id === 'barcelona')!.replica.defaultDir);
export const AMSTERDAM_DATA_DIR = path.join(ROOT_DIR, CITIES.find((c) => c.id === 'amsterdam')!.replica.defaultDir);
/** A loopback port nothing listens on: a city left out of a test is simply unreachable. */
const NOWHERE = 'http://127.0.0.1:9/graphql';
export const logger = createLogger('test', process.env.LOG_LEVEL || 'silent');

export interface GraphQLResponse {
  data?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
}

export interface BarcelonaOptions {
  dataDir?: string;
  decidimRateLimitPerMinute?: number;
  decidimRequestsPerMinute?: number;
  decidimCacheMs?: number;
  plenaryRecheckMs?: number;
}

export interface Graph {
  gatewayUrl: string;
  replica?: RunningService & { requests: string[]; faults: Faults };
  subgraph: RunningService;
  subgraphService: HelsinkiSubgraph;
  gateway: RunningService;
  gatewayService: Gateway;
  /** Amsterdam's replica and subgraph, unless the test left Amsterdam out. */
  amsterdam?: { replica?: RunningService & { requests: string[]; faults: Faults }; subgraph: RunningService; service: AmsterdamSubgraph };
  /** Barcelona's replica (files + Decidim) and subgraph, unless the test left Barcelona out. */
  barcelona?: { replica: BarcelonaReplica; replicaService: RunningService; subgraph: RunningService; service: BarcelonaSubgraph };
  query(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
  close(): Promise<void>;
}

export async function postGraphQL(url: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as GraphQLResponse;
}

/** Starts replica (unless `ahjoBaseUrl` is given), subgraph and gateway. */
export interface CacheOption {
  redisUrl?: string;
  maxEntries?: number;
  /** Freshness of Helsinki's cached upstream answers, in ms (default: the production table). */
  helsinkiTtlMs?: number;
  /** Entries of the gateway's in-process edge cache (0 turns it off, to test the shared cache alone). */
  edgeCacheEntries?: number;
}

export interface GraphOptions {
  cache?: CacheOption;
  /** How long the gateway waits for a city subgraph (default 5 s). */
  subgraphTimeoutMs?: number;
  /** How long the gateway's open circuit toward a subgraph waits before probing (default 10 s). */
  subgraphBreakerResetMs?: number;
  /** Every city's circuit breaker toward its upstreams (default: opens after 5 calls, probes after 10 s). */
  breaker?: Partial<BreakerSettings>;
  /** Helsinki's replica data (default: the committed dataset). */
  dataDir?: string;
  /** A bearer token the Ahjo replica demands, and the one the subgraph sends. */
  replicaToken?: string;
  ahjoToken?: string;
  /** Point Helsinki at this Ahjo instead of starting a replica. */
  ahjoBaseUrl?: string;
  helsinkiLatencyMs?: number;
  /** Start Amsterdam too (otherwise it is unreachable). */
  amsterdam?: boolean | { dataDir?: string; latencyMs?: number; baseUrl?: string };
  /** Start Barcelona too (otherwise it is unreachable). */
  barcelona?: boolean | BarcelonaOptions;
}

/** The upstream cache of every city subgraph, when the test asks for caching. */
const cacheOf = (opts: GraphOptions) => (opts.cache ? { redisUrl: opts.cache.redisUrl, maxEntries: opts.cache.maxEntries ?? 10000, timeoutMs: 250 } : undefined);
const breakerOf = (opts: GraphOptions): BreakerSettings => ({ resetMs: 10000, volumeThreshold: 5, ...opts.breaker });

export async function startGraph(opts: GraphOptions = {}): Promise<Graph> {
  let replica: Graph['replica'];
  let ahjoBaseUrl = opts.ahjoBaseUrl;
  if (!ahjoBaseUrl) {
    const r = createAhjoReplica({ dataDir: opts.dataDir ?? DEFAULT_DATA_DIR, token: opts.replicaToken, latencyMs: opts.helsinkiLatencyMs });
    replica = Object.assign(await r.listen(0), { requests: r.requests, faults: r.faults });
    ahjoBaseUrl = replica.url;
  }
  const subgraphService = await buildHelsinkiSubgraph(
    {
      ahjoBaseUrl,
      ahjoToken: opts.ahjoToken,
      timeoutMs: 3000,
      retries: 1,
      pageSize: 50,
      maxPages: 50,
      userAgent: 'city-decision-graph tests',
      breaker: breakerOf(opts),
      cache: cacheOf(opts),
      cachePolicy: opts.cache?.helsinkiTtlMs !== undefined
        ? () => ({ ttlMs: opts.cache!.helsinkiTtlMs!, staleWhileRevalidateMs: 0, staleIfErrorMs: 3600000 })
        : undefined,
    },
    logger,
  );
  const subgraph = await subgraphService.listen(0);
  let amsterdam: Graph['amsterdam'];
  if (opts.amsterdam) {
    const a = typeof opts.amsterdam === 'object' ? opts.amsterdam : {};
    let replicaRunning: RunningService & { requests: string[]; faults: Faults } | undefined;
    if (!a.baseUrl) {
      const r = createNotubizReplica({ dataDir: a.dataDir ?? AMSTERDAM_DATA_DIR, latencyMs: a.latencyMs });
      replicaRunning = Object.assign(await r.listen(0), { requests: r.requests, faults: r.faults });
    }
    const service = await buildAmsterdamSubgraph({ notubizBaseUrl: a.baseUrl ?? replicaRunning!.url, timeoutMs: 3000, retries: 1, maxPages: 50, userAgent: 'city-decision-graph tests', breaker: breakerOf(opts), cache: cacheOf(opts) }, logger);
    amsterdam = { replica: replicaRunning, service, subgraph: await service.listen(0) };
  }
  let barcelona: Graph['barcelona'];
  if (opts.barcelona) {
    const b = typeof opts.barcelona === 'object' ? opts.barcelona : {};
    const replica = createBarcelonaReplica({ dataDir: b.dataDir ?? BARCELONA_DATA_DIR, decidimRateLimitPerMinute: b.decidimRateLimitPerMinute });
    const replicaService = await replica.listen(0);
    const service = await buildBarcelonaSubgraph(
      {
        plenaryBaseUrl: `${replicaService.url}/sites/default/files/votacions_plenari`,
        decidimUrl: `${replicaService.url}/api`,
        timeoutMs: 3000,
        breaker: breakerOf(opts),
        plenaryRecheckMs: b.plenaryRecheckMs ?? 0,
        decidimRequestsPerMinute: b.decidimRequestsPerMinute ?? 6000,
        decidimCacheMs: b.decidimCacheMs ?? 60000,
        userAgent: 'city-decision-graph tests (+https://github.com/city-decision-graph)',
      },
      logger,
    );
    barcelona = { replica, replicaService, service, subgraph: await service.listen(0) };
  }
  const gatewayService = await buildGateway(
    {
      supergraphSdl: fs.readFileSync(SUPERGRAPH_FILE, 'utf8'),
      subgraphUrls: { helsinki: subgraph.url, amsterdam: amsterdam?.subgraph.url ?? NOWHERE, barcelona: barcelona?.subgraph.url ?? NOWHERE },
      subgraphTimeoutMs: opts.subgraphTimeoutMs ?? 5000,
      subgraphBreakerResetMs: opts.subgraphBreakerResetMs,
      cache: opts.cache ? { redisUrl: opts.cache.redisUrl, maxEntries: opts.cache.maxEntries ?? 10000, timeoutMs: 250 } : undefined,
      edgeCacheEntries: opts.cache?.edgeCacheEntries,
    },
    logger,
  );
  const gateway = await gatewayService.listen(0);
  return {
    gatewayUrl: gateway.url,
    replica,
    subgraph,
    subgraphService,
    gateway,
    gatewayService,
    amsterdam,
    barcelona,
    query: (q, v) => postGraphQL(gateway.url, q, v),
    close: async () => {
      await gateway.close();
      await subgraph.close();
      if (replica) await replica.close();
      if (barcelona) {
        await barcelona.subgraph.close().catch(() => undefined);
        await barcelona.replicaService.close().catch(() => undefined);
      }
      if (amsterdam) {
        await amsterdam.subgraph.close().catch(() => undefined);
        await amsterdam.replica?.close().catch(() => undefined);
      }
    },
  };
}

/** One more gateway over the committed supergraph, with the settings under test, on a free port. */
export async function startGateway(settings: Omit<Parameters<typeof buildGateway>[0], 'supergraphSdl' | 'subgraphTimeoutMs'> & { subgraphTimeoutMs?: number }): Promise<RunningService> {
  return (await buildGateway({ supergraphSdl: fs.readFileSync(SUPERGRAPH_FILE, 'utf8'), subgraphTimeoutMs: 5000, ...settings }, logger)).listen(0);
}

/** The default dataset as Ahjo envelopes, for expectations computed independently of the subgraph. */
export function readDataset(dir = DEFAULT_DATA_DIR) {
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  return {
    decisions: read('decisions.json').decisions as Array<Record<string, any>>, // eslint-disable-line @typescript-eslint/no-explicit-any
    meetings: read('meetings.json').meetings as Array<Record<string, any>>, // eslint-disable-line @typescript-eslint/no-explicit-any
    cases: read('cases.json').cases as Array<Record<string, any>>, // eslint-disable-line @typescript-eslint/no-explicit-any
    decisionMakers: read('decisionmakers.json').decisionMakers as Array<Record<string, any>>, // eslint-disable-line @typescript-eslint/no-explicit-any
  };
}
