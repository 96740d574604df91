/**
 * Starts the real path in process, over real HTTP on loopback: the Ahjo replica → the Helsinki
 * subgraph → the gateway (each on a free port). Nothing of ours is mocked.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createAhjoReplica, type AhjoReplica } from '../../subgraphs/ahjo/replica/server';
import { buildAhjoSubgraph, type AhjoSubgraph as HelsinkiSubgraph } from '../../subgraphs/ahjo/server';
import { createNotubizReplica, type NotubizReplicaData } from '../../subgraphs/notubiz/replica/server';
import { buildNotubizSubgraph, type NotubizSubgraph as AmsterdamSubgraph } from '../../subgraphs/notubiz/server';
import { createDecidimCityReplica, filesPathOf, replicaUpstreamUrls, type DecidimCityReplica as BarcelonaReplica } from '../../subgraphs/decidim/replica/server';
import { buildDecidimSubgraph, type DecidimSubgraph as BarcelonaSubgraph } from '../../subgraphs/decidim/server';
import { buildGateway, type Gateway } from '../../gateway/server';
import { createLogger, type Logger } from '../../subgraphs/shared/logger';
import { listen, type RunningService } from '../../subgraphs/shared/server';
import type { Faults } from '../../subgraphs/shared/replica';
import type { BreakerSettings } from '../../subgraphs/shared/env';
import { CITIES, cityById, replicaOf, ROOT_DIR, SUPERGRAPH_FILE } from '../../schema/cities';

/** Helsinki, the seed city on the Ahjo adapter. */
export const HELSINKI = cityById('helsinki');
export const DEFAULT_DATA_DIR = path.join(ROOT_DIR, replicaOf(HELSINKI).defaultDir);
export const BARCELONA_DATA_DIR = path.join(ROOT_DIR, replicaOf(cityById('barcelona')).defaultDir);
/** Amsterdam, the seed city on the Notubiz adapter. */
export const AMSTERDAM = cityById('amsterdam');
export const AMSTERDAM_DATA_DIR = path.join(ROOT_DIR, replicaOf(AMSTERDAM).defaultDir);
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
  scale?: number;
}

type CityService = HelsinkiSubgraph | AmsterdamSubgraph | BarcelonaSubgraph;

export interface Graph {
  gatewayUrl: string;
  replica?: RunningService & { requests: string[]; faults: Faults; update: AhjoReplica['update'] };
  subgraph: RunningService;
  subgraphService: HelsinkiSubgraph;
  gateway: RunningService;
  gatewayService: Gateway;
  /** Amsterdam's replica and subgraph, unless the test left Amsterdam out. */
  amsterdam?: { replica?: RunningService & { requests: string[]; faults: Faults; data?: NotubizReplicaData }; subgraph: RunningService; service: AmsterdamSubgraph };
  /** Barcelona's replica (files + Decidim) and subgraph, unless the test left Barcelona out. */
  barcelona?: { replica: BarcelonaReplica; replicaService: RunningService; subgraph: RunningService; service: BarcelonaSubgraph };
  query(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
  /** Runs one sync of every started city (as the background sync would) and returns when done. */
  syncAll(): Promise<void>;
  close(): Promise<void>;
}

export async function postGraphQL(url: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as GraphQLResponse;
}

/** The gateway's response cache in a test: in memory, or Redis (REDIS_URL), and the edge cache's size. */
export interface CacheOption {
  redisUrl?: string;
  maxEntries?: number;
  /** Entries of the gateway's in-process edge cache (0 turns it off, to test the shared cache alone). */
  edgeCacheEntries?: number;
  /** false: the gateway caches no whole responses (RESPONSE_CACHE=false). */
  responses?: boolean;
}

/**
 * Where the test's stores live. By default a schema of their own on the machine's PostgreSQL
 * (TEST_DATABASE_URL; dropped after the run by test/postgres-schemas.js): native PostgreSQL syncs
 * and answers about twice as fast as PGlite's WASM, which keeps the suite within its time budget.
 * `dataDir: 'memory'` or a directory runs the embedded default, PGlite, as `npm start` does: the
 * store tests run every query on both engines, and the e2e files that name PGlite run on it.
 */
export interface StoreOption {
  dataDir?: string;
  databaseUrl?: string;
  /** Schema name prefix on PostgreSQL, so a test's schemas are its own. */
  schemaPrefix?: string;
}

export interface GraphOptions {
  cache?: CacheOption;
  store?: StoreOption;
  /** Run each city's first sync before the gateway starts (default true). */
  syncFirst?: boolean;
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
  /** Where the gateway and the subgraphs log (default: silent, or LOG_LEVEL). */
  logger?: Logger;
}

/** Test PostgreSQL: the machine's server (trust auth, database `test`). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

const breakerOf = (opts: GraphOptions): BreakerSettings => ({ resetMs: 10000, volumeThreshold: 5, ...opts.breaker });

/** A city's store and sync settings in tests: no background sync (tests sync when they mean to). */
/** The budget every test subgraph runs with: the defaults of REQUEST_MAX_ROWS and REQUEST_MAX_MS. */
export const TEST_REQUEST_BUDGET = { maxRows: 20000, maxMs: 20000 };

/**
 * Stores opened on PostgreSQL by this test file, for their schema names (`e2e_{run}_{file}_{n}_{city}`):
 * `run` is the Jest run that drops them (test/postgres-schemas.js), `file` is random per load of this
 * module, as Jest loads it afresh for each test file of a worker.
 */
const TEST_FILE_KEY = `${process.env.E2E_RUN ?? process.pid}_${crypto.randomBytes(4).toString('hex')}`;
let storeCount = 0;
export function testStoreSettings(store: StoreOption & { requestBudget?: { maxRows: number; maxMs: number } } = {}) {
  const pg = !store.dataDir && !store.databaseUrl;
  return { dataDir: store.dataDir ?? 'memory', databaseUrl: store.databaseUrl ?? (pg ? TEST_DATABASE_URL : undefined), schemaPrefix: store.schemaPrefix ?? (pg ? `e2e_${TEST_FILE_KEY}_${++storeCount}_` : undefined), poolSize: 4, sharedBuffersMb: 16, requestBudget: store.requestBudget ?? TEST_REQUEST_BUDGET };
}
/** The default of testStoreSettings as a subgraph's environment (a subgraph built by `buildFromEnv`). */
export function testStoreEnv(): Record<string, string> {
  const { databaseUrl, schemaPrefix } = testStoreSettings();
  return databaseUrl && schemaPrefix ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA_PREFIX: schemaPrefix } : {};
}
export const TEST_SYNC = { intervalS: 0, from: '2012-01-01', lookbackDays: 14, fullEveryHours: 24, concurrency: 4, onListen: false };

/** A Helsinki subgraph over the Ahjo at `url`, configured as in every test (store in memory unless given). */
export function testHelsinki(url: string, overrides: Partial<Parameters<typeof buildAhjoSubgraph>[1]> = {}): Promise<HelsinkiSubgraph> {
  return buildAhjoSubgraph(
    HELSINKI,
    { ahjoBaseUrl: url, timeoutMs: 3000, retries: 1, pageSize: 50, maxPages: 4, windowMonths: 12, userAgent: 'city-decision-graph tests', breaker: { resetMs: 10000, volumeThreshold: 5 }, store: testStoreSettings(), sync: TEST_SYNC, ...overrides },
    logger,
  );
}

/** An HTTP proxy that holds every request `delayMs` before passing it on, with its headers: a slow city subgraph. */
export async function slowProxy(target: string, delayMs: number): Promise<RunningService> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      setTimeout(async () => {
        try {
          // Hop-by-hop and length headers are the proxy's own; the rest (Accept-Language, traceparent …) go on.
          const headers = Object.fromEntries(Object.entries(req.headers).filter(([name, v]) => typeof v === 'string' && !['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive'].includes(name))) as Record<string, string>;
          const upstream = await fetch(new URL(req.url ?? '/', target).href, { method: req.method, headers, body: req.method === 'GET' ? undefined : Buffer.concat(chunks) });
          res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
          res.end(Buffer.from(await upstream.arrayBuffer()));
        } catch {
          res.destroy();
        }
      }, delayMs);
    });
  });
  return listen(server, 0, '127.0.0.1', '/graphql', async () => {});
}

/** Builds a city subgraph, runs its first sync (unless told not to; a failing sync is left for the test to see), and listens. */
async function started<T extends CityService>(service: T, opts: GraphOptions): Promise<{ service: T; subgraph: RunningService }> {
  if (opts.syncFirst !== false) await service.sync.runOnce();
  return { service, subgraph: await service.listen(0) };
}

export async function startGraph(opts: GraphOptions = {}): Promise<Graph> {
  let replica: Graph['replica'];
  let ahjoBaseUrl = opts.ahjoBaseUrl;
  if (!ahjoBaseUrl) {
    const r = createAhjoReplica({ dataDir: opts.dataDir ?? DEFAULT_DATA_DIR, timezone: HELSINKI.timezone, token: opts.replicaToken, latencyMs: opts.helsinkiLatencyMs });
    replica = Object.assign(await r.listen(0), { requests: r.requests, faults: r.faults, update: r.update });
    ahjoBaseUrl = replica.url;
  }
  const helsinki = await started(
    await buildAhjoSubgraph(
      HELSINKI,
      {
        ahjoBaseUrl,
        ahjoToken: opts.ahjoToken,
        timeoutMs: 3000,
        retries: 1,
        pageSize: 50,
        maxPages: 4,
        windowMonths: 12,
        userAgent: 'city-decision-graph tests',
        breaker: breakerOf(opts),
        store: testStoreSettings(opts.store),
        sync: TEST_SYNC,
      },
      opts.logger ?? logger,
    ),
    opts,
  );
  let amsterdam: Graph['amsterdam'];
  if (opts.amsterdam) {
    const a = typeof opts.amsterdam === 'object' ? opts.amsterdam : {};
    let replicaRunning: RunningService & { requests: string[]; faults: Faults; data?: NotubizReplicaData } | undefined;
    if (!a.baseUrl) {
      const r = createNotubizReplica({ dataDir: a.dataDir ?? AMSTERDAM_DATA_DIR, zone: AMSTERDAM.timezone, latencyMs: a.latencyMs });
      replicaRunning = Object.assign(await r.listen(0), { requests: r.requests, faults: r.faults, data: r.data });
    }
    const service = await buildNotubizSubgraph(
      AMSTERDAM,
      { notubizBaseUrl: a.baseUrl ?? replicaRunning!.url, timeoutMs: 3000, retries: 1, maxPages: 50, windowMonths: 12, userAgent: 'city-decision-graph tests', breaker: breakerOf(opts), store: testStoreSettings(opts.store), sync: TEST_SYNC },
      opts.logger ?? logger,
    );
    amsterdam = { replica: replicaRunning, ...(await started(service, opts)) };
  }
  let barcelona: Graph['barcelona'];
  if (opts.barcelona) {
    const b = typeof opts.barcelona === 'object' ? opts.barcelona : {};
    const replica = createDecidimCityReplica({ dataDir: b.dataDir ?? BARCELONA_DATA_DIR, filesPath: filesPathOf(cityById('barcelona')), decidimRateLimitPerMinute: b.decidimRateLimitPerMinute, scale: b.scale });
    const replicaService = await replica.listen(0);
    const service = await buildDecidimSubgraph(
      cityById('barcelona'),
      {
        ...replicaUpstreamUrls(cityById('barcelona'), replicaService.url),
        timeoutMs: 3000,
        retries: 1,
        breaker: breakerOf(opts),
        decidimRequestsPerMinute: b.decidimRequestsPerMinute ?? 6000,
        userAgent: 'city-decision-graph tests (+https://github.com/city-decision-graph)',
        store: testStoreSettings(opts.store),
        sync: TEST_SYNC,
      },
      opts.logger ?? logger,
    );
    barcelona = { replica, replicaService, ...(await started(service, opts)) };
  }
  const gatewayService = await buildGateway(
    {
      supergraphSdl: fs.readFileSync(SUPERGRAPH_FILE, 'utf8'),
      // Every other registry city is unreachable here, not at its default port (where `npm start` may run it).
      subgraphUrls: { ...Object.fromEntries(CITIES.map((c) => [c.id, NOWHERE])), helsinki: helsinki.subgraph.url, amsterdam: amsterdam?.subgraph.url ?? NOWHERE, barcelona: barcelona?.subgraph.url ?? NOWHERE },
      subgraphTimeoutMs: opts.subgraphTimeoutMs ?? 5000,
      subgraphBreakerResetMs: opts.subgraphBreakerResetMs,
      cache: opts.cache ? { redisUrl: opts.cache.redisUrl, maxEntries: opts.cache.maxEntries ?? 10000, timeoutMs: 250 } : undefined,
      edgeCacheEntries: opts.cache?.edgeCacheEntries,
      responseCache: opts.cache?.responses,
    },
    opts.logger ?? logger,
  );
  const gateway = await gatewayService.listen(0);
  return {
    gatewayUrl: gateway.url,
    replica,
    subgraph: helsinki.subgraph,
    subgraphService: helsinki.service,
    gateway,
    gatewayService,
    amsterdam,
    barcelona,
    query: (q, v) => postGraphQL(gateway.url, q, v),
    syncAll: async () => {
      await helsinki.service.sync.runOnce();
      await amsterdam?.service.sync.runOnce();
      await barcelona?.service.sync.runOnce();
    },
    close: async () => {
      await gateway.close();
      await helsinki.subgraph.close();
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

type RawRecord = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Which Ahjo decisions of a dataset are not decisions of their own, computed from the files alone:
 * Swedish translations (paired with their Finnish decision by case, section and meeting or
 * decision maker) and copies (a second record of the same case, section and meeting with the same
 * Finnish content under another title).
 */
/** An Ahjo decision's language as its PDF or its document declares it. */
export const ahjoLangOf = (d: RawRecord): string => d.PDF?.Language ?? (/<html[^>]*lang="sv"/.test(d.Content ?? '') ? 'sv' : 'fi');

export function helsinkiMerges(data: ReturnType<typeof readDataset>) {
  const langOf = ahjoLangOf;
  const pairOf = (sv: RawRecord) =>
    data.decisions.find((d) => langOf(d) === 'fi' && d.CaseID === sv.CaseID && d.Section === sv.Section &&
      (d.Meeting?.MeetingID ?? d.Organization?.ID) === (sv.Meeting?.MeetingID ?? sv.Organization?.ID));
  const pairs = data.decisions.filter((d) => langOf(d) === 'sv').flatMap((sv) => {
    const fi = pairOf(sv);
    return fi ? [{ sv, fi }] : [];
  });
  const ownTitle = (d: RawRecord) => /<title>([^<]*)<\/title>/.exec(d.Content ?? '')?.[1];
  const sameDecision = (a: RawRecord, b: RawRecord) => a !== b && a.CaseID === b.CaseID && a.Section === b.Section && a.Meeting?.MeetingID === b.Meeting?.MeetingID && a.Content === b.Content;
  const copies = data.decisions.filter((d) => !!d.Meeting && d.Title !== ownTitle(d) && data.decisions.some((o) => sameDecision(o, d)));
  const copyOf = (d: RawRecord) => data.decisions.find((o) => sameDecision(o, d))!;
  return { pairs, copies, copyOf };
}
