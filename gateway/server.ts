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
import { createGatewayCache, type GatewayContext } from './cache';
import { createEdgeCache } from './edge-cache';
import { createRequestGuard, currentRequest, currentRequestId, noteErrors, tooLarge, withRequestId, type RequestRecord } from './request-guard';
import { gatewayMetrics, metricsText, METRICS_CONTENT_TYPE, operationLabel, outcomeOf } from '../subgraphs/shared/observability/metrics';
import { serveInSpan } from '../subgraphs/shared/observability/tracing';
import { logAccess, secondsSince } from '../subgraphs/shared/observability/access-log';
import { maskForClient } from './mask';
import { createRateLimiter } from './rate-limit';
import { checkCost, explainUnsupported, limitRules, limitsGate, type QueryLimits } from './limits';
import { createLiveSupergraph, type LiveSupergraph } from './composition';
import { knownSdl } from '../schema/compose';
import { GRAPH_SUBGRAPH, GRAPH_SUBGRAPH_URL, GraphStatusDataSource, graphSubgraphSdl } from './graph-status';
import { EXPORT_PAGE_COST, exportRouter } from './export';
import { pagesRouter } from './pages';

/** How long one readiness probe of the cities answers /ready. */
const READY_PROBE_MS = 3000;

import { DEFAULT_LIMITS } from './limits';
export { DEFAULT_LIMITS };
import { CITIES } from '../schema/cities';
import type { GatewayConfig } from './config';
import { listen, type RunningService } from '../subgraphs/shared/server';
import { createLogger, type Logger } from '../subgraphs/shared/logger';

export interface Gateway {
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
  /** The subgraph can answer now: every upstream synced, fresh enough and answering (its /ready, readiness.ts). */
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
    const body = (await res.json().catch(() => ({}))) as { sources?: unknown; reasons?: unknown };
    // 503 from a subgraph means "up, but cannot answer now": its reasons say why (not synced, stale, upstream unreachable).
    const reachable = res.ok || res.status === 503;
    const reasons = Array.isArray(body.reasons) ? body.reasons.filter((r): r is string => typeof r === 'string') : [];
    return { id, url: graphqlUrl, reachable, ready: res.ok, latencyMs: Date.now() - started, ...(res.ok ? {} : { error: res.status === 503 ? (reasons.length ? reasons.join('; ') : 'not ready (the subgraph gave no reason)') : `HTTP ${res.status}` }), ...(body.sources ? { sources: body.sources } : {}) };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return { id, url: graphqlUrl, reachable: false, ready: false, latencyMs: null, error: e.cause?.code ?? e.message };
  }
}

/**
 * The supergraph: a static SDL (SUPERGRAPH=static, the committed file), or composed live from the
 * cities' subgraphs, checked every `pollMs` (gateway/composition.ts).
 */
export type SupergraphSource = { supergraphSdl: string } | { liveSupergraph: { pollMs: number } };

export async function buildGateway(
  config: Pick<GatewayConfig, 'subgraphUrls' | 'subgraphTimeoutMs'> & Partial<Pick<GatewayConfig, 'cache' | 'queryPlanCacheMiB' | 'edgeCacheEntries' | 'responseCache' | 'limits' | 'introspection' | 'landingPage' | 'maxRequestBytes' | 'subgraphBreakerResetMs' | 'rateLimitPerMinute' | 'rateLimitCostPerMinute' | 'apiKeys' | 'trustProxyHops' | 'maskErrors' | 'headersTimeoutMs' | 'requestTimeoutMs' | 'keepAliveTimeoutMs' | 'maxJsonDepth' | 'maxPersistedQueryBytes'>> & SupergraphSource,
  logger: Logger = createLogger('gateway'),
): Promise<Gateway> {
  const app = express();
  // Repeated identical requests are answered from stored bytes before Express and Apollo.
  const edgeEntries = config.edgeCacheEntries ?? 1000;
  const maxRequestBytes = config.maxRequestBytes ?? 1024 * 1024;
  // Before any cache, every request's body is read (its size limit enforced while it streams) and
  // checked: JSON depth, persisted queries (request-guard.ts).
  const guard = createRequestGuard({ maxRequestBytes, maxJsonDepth: config.maxJsonDepth ?? 64, maxPersistedQueryBytes: config.maxPersistedQueryBytes ?? 20480 });
  const edge = createEdgeCache({ path: '/graphql', maxEntries: Math.max(0, edgeEntries), maxBytes: 64 * 1024 * 1024 });
  const served = (req: http.IncomingMessage, res: http.ServerResponse) => guard.handle(req, res, () => edge.handle(req, res, () => app(req, res)));
  // Per-client rate limiting comes first, before any cache: it is about the client, not the answer.
  const limiter = config.rateLimitPerMinute
    ? createRateLimiter({ perMinute: config.rateLimitPerMinute, costPerMinute: config.rateLimitCostPerMinute ?? 0, apiKeys: config.apiKeys ?? [], trustProxyHops: config.trustProxyHops, redisUrl: config.cache?.redisUrl, logger })
    : undefined;
  // Slow clients: the headers, and the whole request, must arrive in time (else 408 and the
  // connection closes). Answering is not counted: Node stops the request timeout once the request
  // is received. Timeouts are checked every connectionsCheckingInterval (Node's default: 30 s).
  const headersTimeout = config.headersTimeoutMs ?? 10000;
  const httpServer = http.createServer(
    { headersTimeout, requestTimeout: config.requestTimeoutMs ?? 30000, connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(headersTimeout / 4))) },
    // Every request gets an id (x-request-id, errors' extensions.requestId, the logs) and a server
    // span (its trace continues the caller's traceparent); once answered, one access-log line and
    // the request metrics (observe).
    withRequestId((req, res) => {
      const span = serveInSpan(req, res, { 'cdg.service': 'gateway' }, () => (limiter ? limiter.handle(req, res, () => served(req, res)) : served(req, res)));
      const record = currentRequest();
      if (record) record.traceId = span.spanContext().traceId;
    }, (req, res, record, startedAt) => observe(req, res, record, startedAt, logger)),
  );
  const cityNames = Object.fromEntries(CITIES.map((c) => [c.id, c.name]));
  // Live: composed from the registry's cities at their configured URLs (the URLs in the supergraph
  // are the ones buildService is given).
  const live: LiveSupergraph | undefined = 'liveSupergraph' in config
    ? createLiveSupergraph({
      cities: CITIES.filter((c) => config.subgraphUrls[c.id]).map((c) => ({ id: c.id, url: config.subgraphUrls[c.id] })),
      pollMs: config.liveSupergraph.pollMs,
      // A hung subgraph must not hold the start, nor the other cities' updates, for long.
      fetchTimeoutMs: Math.min(config.subgraphTimeoutMs, 5000),
      // A registry city down when the gateway starts is served from the schema this checkout has for
      // it (so it answers null with CITY_UNAVAILABLE, never a failed query), until it can be asked.
      known: Object.fromEntries(CITIES.flatMap((c) => { const sdl = knownSdl(c); return sdl ? [[c.id, sdl]] : []; })),
      // The gateway's own subgraph refers to the cities' types: its SDL is made per composition.
      extraServices: [{ name: GRAPH_SUBGRAPH, url: GRAPH_SUBGRAPH_URL, sdl: (cities) => graphSubgraphSdl(cities) }],
      logger,
    })
    : undefined;
  const gateway = new ApolloGateway({
    supergraphSdl: live ?? (config as { supergraphSdl: string }).supergraphSdl,
    buildService: ({ name, url }) => {
      // The gateway's own `graph` (the cities status) answers in process.
      if (name === GRAPH_SUBGRAPH) return new GraphStatusDataSource({ live: live ? () => live.status() : undefined, subgraphUrls: config.subgraphUrls, subgraphTimeoutMs: config.subgraphTimeoutMs, subgraphBreakerResetMs: config.subgraphBreakerResetMs });
      const target = config.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`No URL for city subgraph "${name}": add it to cities.yaml.`);
      return new CityDataSource(name, cityNames[name] ?? name, target, config.subgraphTimeoutMs, config.subgraphBreakerResetMs);
    },
    logger,
    experimental_approximateQueryPlanStoreMiB: config.queryPlanCacheMiB ?? 30,
  });
  const limits = config.limits ?? DEFAULT_LIMITS;
  // The schema clients query (the supergraph's API schema), for the limits checked before Apollo:
  // the gateway's current one, replaced whenever live composition changes the supergraph (a limit
  // measured on an old schema would miss a city's new fields). Set when the gateway loads (start()).
  let gate: ReturnType<typeof limitsGate> = (_req, _res, next) => next();
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    gate = limitsGate(apiSchema, limits);
  });
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
    formatError: (answered) => {
      // What the endpoint does not support (subscriptions, @defer, batching, a GET without the
      // preflight header) is said in terms a client can act on (limits.ts).
      const formatted = explainUnsupported(answered);
      const coded = formatted.extensions?.limit ? { ...formatted, extensions: { ...formatted.extensions, code: 'QUERY_TOO_COMPLEX' } } : formatted;
      // The request guard answers a hash mismatch first; should Apollo see one, it keeps its code too.
      const apq = coded.message === 'provided sha does not match query'
        ? { ...coded, message: 'The sha256 of `query` does not match `extensions.persistedQuery.sha256Hash`: hash the exact query text you send, or send the query without `extensions.persistedQuery`.', extensions: { ...coded.extensions, code: 'PERSISTED_QUERY_HASH_MISMATCH' } }
        : coded;
      // A client can quote the request id; the logs carry it too.
      const requestId = currentRequestId();
      const withId = requestId ? { ...apq, extensions: { ...apq.extensions, requestId } } : apq;
      // In development the trace id too, to find the request's trace (production keeps it in the logs).
      const traceId = currentRequest()?.traceId;
      if (!config.maskErrors) return traceId ? { ...withId, extensions: { ...withId.extensions, traceId } } : withId;
      // In production clients get the code, the city and a message without internal addresses,
      // subgraph names or socket errors; the details stay in the logs, with the request id.
      const { masked, changed } = maskForClient(withId, (id) => cityNames[id] ?? id, requestId);
      const code = withId.extensions?.code;
      if (code === 'INTERNAL_SERVER_ERROR') logger.error({ requestId, error: withId }, 'internal error');
      else if (changed) logger.warn({ requestId, code, city: withId.extensions?.city, serviceName: withId.extensions?.serviceName, path: withId.path, message: withId.message }, 'error details withheld from the client');
      return masked;
    },
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: limitRules(limits),
    // index.ts stops the gateway on SIGINT/SIGTERM (closeOnSignals); Apollo's own handler would race it.
    stopOnTerminationSignals: false,
    plugins: [
      ...cache.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's landing page loads Apollo Sandbox from a CDN (blank offline): browsers get the
      // gateway's own GraphiQL at / instead (pages.ts).
      ApolloServerPluginLandingPageDisabled(),
      {
        // Once the operation is known, its cost with the request's variables is checked against
        // MAX_QUERY_COST (400 QUERY_TOO_COMPLEX; a persisted query sent as a hash is first seen
        // here), and spends its client's cost budget (an export page charges its own, EXPORT_PAGE_COST).
        async requestDidStart({ contextValue }) {
          return {
            async didResolveOperation({ document, operation, schema, request }) {
              if (!operation) return;
              // A query sent as text was measured by the gate with the same variables (and refused
              // there if over the limit); any other (a persisted query sent as a hash, an export
              // page) is measured here.
              const measured = contextValue.costChecked ? undefined : checkCost(schema, document, operation, request.variables, limits);
              const cost = contextValue.cost ?? measured?.cost;
              if (limiter && contextValue.client && cost) await limiter.chargeCost(contextValue.client, cost);
            },
          };
        },
      },
      {
        // What the access log and the metrics say of a GraphQL request (see observe below).
        async requestDidStart() {
          const record = currentRequest();
          if (record) record.graphql = true;
          return {
            async didResolveOperation({ operationName }) {
              if (record) record.operation = operationName ?? undefined;
            },
            async willSendResponse({ response }) {
              if (!record || response.body.kind !== 'single') return;
              const { data, errors } = response.body.singleResult;
              record.hasData = data !== undefined && data !== null;
              if (errors) noteErrors(errors, record);
            },
          };
        },
      },
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
  // Readiness probes every city: the probe is shared by the calls of a few seconds, so /ready cannot
  // be used to flood the subgraphs (it is rate limited too).
  let probe: { at: number; cities: Promise<CityReachability[]> } | null = null;
  app.get('/ready', async (_req, res) => {
    if (!probe || Date.now() - probe.at > READY_PROBE_MS) probe = { at: Date.now(), cities: Promise.all(Object.entries(config.subgraphUrls).map(([id, url]) => probeCity(id, url))) };
    // With live composition, each city says which of its SDLs is served and why (composition.ts).
    const composition = live?.status();
    const schemas = new Map(composition?.cities.map(({ id, ...s }) => [id, s]));
    const cities = (await probe.cities).map((c) => ({ ...c, ...schemas.get(c.id) }));
    // Serving with a city missing is still serving (the others answer): 200, status "degraded".
    const status = !ready ? 'starting' : cities.every((c) => c.ready && schemas.get(c.id)?.schema !== 'missing') ? 'ready' : 'degraded';
    const supergraphState = composition ? { mode: composition.mode, pollMs: composition.pollMs, supergraphHash: composition.supergraphHash, composedAt: composition.composedAt } : { mode: 'static' };
    res.status(ready ? 200 : 503).json({ status, supergraph: ready ? 'loaded' : 'not loaded', composition: supergraphState, cities });
  });
  // Prometheus metrics (text format; families in the README, "Observability"). For operators: the
  // production proxy does not pass /metrics on (deploy/), Prometheus scrapes each service directly.
  app.get('/metrics', async (_req, res) => {
    res.set('content-type', METRICS_CONTENT_TYPE).send(await metricsText());
  });
  // A browser opening /graphql (no operation in the URL) is sent to the explorer at /, unless the
  // landing page is turned off (LANDING_PAGE=false).
  if (config.landingPage !== false) {
    app.get('/graphql', (req, res, next) => (req.query.query === undefined && req.accepts(['application/json', 'text/html']) === 'text/html' ? res.redirect(302, '/') : next()));
  }
  app.use(
    '/graphql',
    // The body as the guard read it (here for a request that reached Express without it): never
    // Express's JSON parser, which reads a body over the limit to its end before answering.
    (req, res, next) => guard.handle(req, res, () => next()),
    // A body that is not JSON (text/plain, a form) reaches Apollo as empty, so that its CSRF check and
    // its error messages answer it (400), not a 500 about a missing parser.
    (req, _res, next) => {
      req.body ??= {};
      next();
    },
    (req: express.Request, res: express.Response, next: express.NextFunction) => gate(req, res, next),
    expressMiddleware(apollo, { context: async ({ req }) => {
      const cost = (req as { queryCost?: number }).queryCost;
      return { stale: [], client: limiter?.clientOf(req), cost, costChecked: cost !== undefined };
    } }),
  );
  // Exports for researchers: the cross-city decisions as CSV or NDJSON, streamed (export.ts).
  // An export page charges the client's cost budget one per row it holds (EXPORT_PAGE_COST), not the
  // page query's estimate (about 13,000, which would cap an export at some 40 pages a minute).
  app.use('/export', exportRouter({ apollo, logger, contextOf: (req) => ({ stale: [], client: limiter?.clientOf(req), cost: EXPORT_PAGE_COST }) }));
  // The pages: / (GraphiQL) and /compare, with their assets, from web/dist (pages.ts).
  app.use(pagesRouter(logger));
  // Errors of the routes (a body too large, not JSON) as GraphQL-shaped JSON, never Express's HTML page.
  app.use((err: Error & { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    const requestId = currentRequestId();
    // A body left unread: answer, then close the connection rather than read on.
    if (err.type === 'entity.too.large') return void res.status(413).set('connection', 'close').json(tooLarge(maxRequestBytes));
    const status = err.status && err.status < 500 ? err.status : 500;
    if (status === 500) logger.error({ err, requestId }, 'request failed');
    res.status(status).json({ errors: [{ message: status === 500 ? 'Internal error; it has been logged.' : `Bad request: ${err.message}`, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST', ...(requestId ? { requestId } : {}) } }] });
  });

  return {
    app,
    httpServer,
    apollo,
    gateway,
    listen: (port, host = '127.0.0.1') => listen(httpServer, port, host, '/graphql', async () => {
      ready = false;
      await apollo.stop();
      await cache.safe.disconnect();
      await limiter?.close();
    }, config.keepAliveTimeoutMs ?? 5000),
  };
}

/**
 * Once a request is answered: its access-log line (never headers or bodies: no credentials), and for
 * GraphQL requests (/graphql, /export) the request, error and edge-cache metrics.
 */
function observe(req: http.IncomingMessage, res: http.ServerResponse, record: RequestRecord, startedAt: bigint, logger: Logger): void {
  const seconds = secondsSince(startedAt);
  const path = record.path;
  const graphql = path === '/graphql' || path.startsWith('/export');
  const operation = path.startsWith('/export') ? 'export' : operationLabel(record.operation);
  const outcome = res.statusCode >= 400 && !record.hasData ? 'error' : outcomeOf(record.hasData ?? false, record.errors.length);
  if (graphql && (record.graphql || record.edge || record.errors.length)) {
    const metrics = gatewayMetrics();
    metrics.requests.inc({ operation, outcome });
    metrics.requestDuration.observe({ operation }, seconds);
    for (const e of record.errors) metrics.errors.inc({ code: e.code, city: e.city ?? '' });
    if (record.edge) metrics.cache.inc({ layer: 'edge', status: 'HIT' });
    // Refused before Apollo ran it: the guard, the limits gate, the rate limiter.
    if (!record.graphql && !record.edge && record.errors.length) metrics.refused.inc({ reason: record.errors[0].code });
  }
  logAccess(logger, req, res, { ...record, seconds }, {
    ...(graphql ? { operation: record.operation ?? null, outcome, cities: [...record.cities], cache: record.cache ?? null, errorCodes: [...new Set(record.errors.map((e) => e.code))] } : {}),
    remoteAddress: req.socket.remoteAddress,
  });
}
