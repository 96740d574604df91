/**
 * Builds the gateway (no listen): Apollo Server + Apollo Gateway on the static supergraph,
 * POST /graphql, GET /health (alive) and GET /ready (supergraph loaded + each city's reachability).
 */
import http from 'node:http';
import express from 'express';
import cors from 'cors';
import { ApolloServer } from '@apollo/server';
import { ApolloGateway } from '@apollo/gateway';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { CityDataSource } from './city-datasource';
import { createGatewayCache, type CacheStats, type GatewayContext } from './cache';
import { createEdgeCache, tooLarge } from './edge-cache';
import { createRateLimiter } from './rate-limit';
import { limitRules, type QueryLimits } from './limits';

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 15, maxAliases: 30, maxRootFields: 10, maxCost: 50000, maxTokens: 5000 };
import { CITIES } from '../schema/cities';
import type { GatewayConfig } from './config';
import { listen, type RunningService } from '../subgraphs/shared/server';
import { createLogger, type Logger } from '../subgraphs/shared/logger';

export interface Gateway {
  /** Responses by how they were served (HIT, MISS, STALE, BYPASS). */
  cacheStats: CacheStats;
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<GatewayContext>;
  gateway: ApolloGateway;
  listen(port: number, host?: string): Promise<RunningService>;
}

export interface CityReachability {
  id: string;
  url: string;
  /** The subgraph answers. */
  reachable: boolean;
  /** The subgraph can answer queries: its store holds a completed sync of every upstream. */
  ready: boolean;
  latencyMs: number | null;
  error?: string;
  /** Per upstream, what the subgraph's /ready says of its sync. */
  sources?: unknown;
}

async function probeCity(id: string, graphqlUrl: string): Promise<CityReachability> {
  const url = graphqlUrl.replace(/\/graphql\/?$/, '') + '/ready';
  const started = Date.now();
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    const body = (await res.json().catch(() => ({}))) as { sources?: unknown };
    // 503 from a subgraph means "up, but not synced yet".
    const reachable = res.ok || res.status === 503;
    return { id, url: graphqlUrl, reachable, ready: res.ok, latencyMs: Date.now() - started, ...(res.ok ? {} : { error: res.status === 503 ? 'first sync not done' : `HTTP ${res.status}` }), ...(body.sources ? { sources: body.sources } : {}) };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return { id, url: graphqlUrl, reachable: false, ready: false, latencyMs: null, error: e.cause?.code ?? e.message };
  }
}

export async function buildGateway(
  config: Pick<GatewayConfig, 'subgraphUrls' | 'subgraphTimeoutMs'> & Partial<Pick<GatewayConfig, 'cache' | 'queryPlanCacheMiB' | 'edgeCacheEntries' | 'responseCache' | 'limits' | 'introspection' | 'landingPage' | 'maxRequestBytes' | 'subgraphBreakerResetMs' | 'rateLimitPerMinute' | 'maskErrors'>> & { supergraphSdl: string },
  logger: Logger = createLogger('gateway'),
): Promise<Gateway> {
  const app = express();
  // Repeated identical requests are answered from stored bytes before Express and Apollo.
  const edgeEntries = config.edgeCacheEntries ?? 1000;
  const maxRequestBytes = config.maxRequestBytes ?? 1024 * 1024;
  const edge = createEdgeCache({ path: '/graphql', maxEntries: Math.max(1, edgeEntries), maxBytes: 64 * 1024 * 1024, maxRequestBytes });
  const served = edgeEntries > 0 ? (req: http.IncomingMessage, res: http.ServerResponse) => edge.handle(req, res, () => app(req, res)) : app;
  // Per-client rate limiting comes first, before any cache: it is about the client, not the answer.
  const limiter = config.rateLimitPerMinute ? createRateLimiter({ perMinute: config.rateLimitPerMinute, redisUrl: config.cache?.redisUrl, logger }) : undefined;
  const httpServer = http.createServer(limiter ? (req, res) => limiter.handle(req, res, () => served(req, res)) : served);
  const cityNames = Object.fromEntries(CITIES.map((c) => [c.id, c.name]));
  const gateway = new ApolloGateway({
    supergraphSdl: config.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = config.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`No URL for city subgraph "${name}": add it to schema/cities.ts.`);
      return new CityDataSource(name, cityNames[name] ?? name, target, config.subgraphTimeoutMs, config.subgraphBreakerResetMs);
    },
    logger,
    experimental_approximateQueryPlanStoreMiB: config.queryPlanCacheMiB ?? 30,
  });
  const limits = config.limits ?? DEFAULT_LIMITS;
  const cache = createGatewayCache({ ...(config.cache ?? { maxEntries: 10000, timeoutMs: 250 }), responses: config.responseCache ?? true, logger });
  let ready = false;
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    cache: cache.keyValueCache,
    persistedQueries: { cache: cache.keyValueCache, ttl: 86400 },
    introspection: config.introspection ?? true,
    // A browser's "simple" request (GET or form POST without a preflight) cannot run an operation.
    csrfPrevention: true,
    // Apollo files every validation error under GRAPHQL_VALIDATION_FAILED; a query limit keeps its own code.
    formatError: (formatted) => {
      const coded = formatted.extensions?.limit ? { ...formatted, extensions: { ...formatted.extensions, code: 'QUERY_TOO_COMPLEX' } } : formatted;
      if (!config.maskErrors) return coded;
      // In production clients get the code, the city and a message without internal addresses;
      // the details stay in the logs.
      if (coded.extensions?.code === 'INTERNAL_SERVER_ERROR') logger.error({ error: coded }, 'internal error');
      const { serviceName: _s, stacktrace: _t, ...extensions } = coded.extensions ?? {};
      const message = coded.extensions?.code === 'INTERNAL_SERVER_ERROR' ? 'Internal error; it has been logged.' : coded.message.replace(/https?:\/\/[^\s)]+/g, '[internal address]');
      return { ...coded, message, extensions };
    },
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: limitRules(limits),
    plugins: [
      ...cache.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...(config.landingPage === false ? [ApolloServerPluginLandingPageDisabled()] : []),
      {
        async requestDidStart() {
          return {
            async didEncounterErrors({ errors }) {
              for (const e of errors) {
                const code = e.extensions?.code;
                if (code === 'CITY_UNAVAILABLE' || code === 'UPSTREAM_UNAVAILABLE') logger.warn({ code, city: e.extensions?.city, message: e.message }, 'city unavailable');
              }
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  ready = true;

  // Browsers may call the graph from any origin (public data); errors carry CORS headers too.
  app.use(cors());
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const cities = await Promise.all(Object.entries(config.subgraphUrls).map(([id, url]) => probeCity(id, url)));
    // Serving with a city missing is still serving (the others answer): 200, status "degraded".
    const status = !ready ? 'starting' : cities.every((c) => c.ready) ? 'ready' : 'degraded';
    res.status(ready ? 200 : 503).json({ status, supergraph: ready ? 'loaded' : 'not loaded', cities });
  });
  app.get('/metrics', (_req, res) => {
    const mib = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
    const memory = process.memoryUsage();
    res.json({
      cache: { kind: cache.safe.kind, responses: { ...cache.stats, EDGE_HIT: edge.hits }, errors: cache.safe.errors },
      memory: { rssMiB: mib(memory.rss), heapUsedMiB: mib(memory.heapUsed), heapTotalMiB: mib(memory.heapTotal), externalMiB: mib(memory.external) },
    });
  });
  app.use(
    '/graphql',
    express.json({ limit: maxRequestBytes }),
    // A body that is not JSON (text/plain, a form) reaches Apollo as empty, so that its CSRF check and
    // its error messages answer it (400), not a 500 about a missing parser.
    (req, _res, next) => {
      req.body ??= {};
      next();
    },
    expressMiddleware(apollo, { context: async () => ({ stale: [] }) }),
  );
  // Body-parser's errors (too large, not JSON) as GraphQL-shaped JSON, never Express's HTML page.
  app.use((err: Error & { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    if (err.type === 'entity.too.large') return void res.status(413).json(tooLarge(maxRequestBytes));
    const status = err.status && err.status < 500 ? err.status : 500;
    if (status === 500) logger.error({ err }, 'request failed');
    res.status(status).json({ errors: [{ message: status === 500 ? 'Internal error; it has been logged.' : `Bad request: ${err.message}`, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  });

  return {
    cacheStats: cache.stats,
    app,
    httpServer,
    apollo,
    gateway,
    listen: (port, host = '127.0.0.1') => listen(httpServer, port, host, '/graphql', async () => {
      ready = false;
      await apollo.stop();
      await cache.safe.disconnect();
      await limiter?.close();
    }),
  };
}
