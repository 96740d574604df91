/**
 * Builds a city subgraph's HTTP service (no listen): POST /graphql (Apollo Server with a
 * federation subgraph schema), GET /health and GET /ready. Every city uses this, so they all
 * behave the same towards the gateway.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { newScope, requestScope, type RequestBudget } from './request-scope';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { GraphQLError, parse, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { UpstreamError, upstreamUnavailable } from './errors';
import type { Logger } from './logger';
import { AsyncLocalStorage } from 'node:async_hooks';
import { metricsText, METRICS_CONTENT_TYPE, outcomeOf, subgraphMetrics } from './observability/metrics';
import { serveInSpan } from './observability/tracing';
import { logAccess, requestIdFrom, secondsSince } from './observability/access-log';

export interface SubgraphOptions<TContext extends object> {
  /** City id, e.g. `helsinki`. */
  city: string;
  /** City name for messages, e.g. `Helsinki`. */
  cityName: string;
  /** Full SDL: the contract followed by the city's own schema. */
  sdl: string;
  resolvers: GraphQLResolverMap<TContext>;
  /** Builds the per-request context (DataLoaders live here, so batching is per request). */
  context: () => Promise<TContext> | TContext;
  logger: Logger;
  /** Cache hint (seconds) for fields without their own: the gateway caches whole responses by these. */
  defaultMaxAge?: number;
  /** Releases what the city holds (the sync, the store) when the service stops. */
  onStop?: () => Promise<void>;
  /** Starts what runs beside serving (the background sync) once the service listens. */
  onListen?: () => void;
  /**
   * Whether the city can answer: GET /ready answers 503 until it can (e.g. before its first
   * sync), with the details.
   */
  readiness?: () => Promise<{ ready: boolean } & Record<string, unknown>>;
  /** What one request may read from the store (none: unlimited). */
  budget?: RequestBudget;
  /** The city's languages, main first: a request's Accept-Language chooses among them the default of `lang` arguments. */
  languages?: string[];
}

export interface RunningService {
  url: string;
  port: number;
  server: http.Server;
  close(): Promise<void>;
}

export interface SubgraphService {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<TContextAny>;
  /** Starts Apollo and listens; port 0 picks a free port. */
  listen(port: number, host?: string): Promise<RunningService>;
}

type TContextAny = object;

export async function createSubgraphService<TContext extends object>(opts: SubgraphOptions<TContext>): Promise<SubgraphService> {
  const app = express();
  const service = `${opts.city}-subgraph`;
  // Each request: a server span continuing the gateway's trace, then one access-log line under the
  // gateway's request id, and the request metrics.
  const httpServer = http.createServer((req, res) => {
    const startedAt = process.hrtime.bigint();
    const record: SubgraphRecord = { path: (req.url ?? '/').split('?')[0], requestId: requestIdFrom(req.headers['x-request-id']), errors: [] };
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      observeSubgraphRequest(opts, req, res, record, startedAt);
    };
    res.once('finish', done);
    res.once('close', done);
    accessScope.run(record, () => {
      const span = serveInSpan(req, res, { 'cdg.service': service, 'cdg.city': opts.city }, () => app(req, res));
      record.traceId = span.spanContext().traceId;
    });
  });
  const schema = buildSubgraphSchema([{ typeDefs: parse(opts.sdl), resolvers: opts.resolvers as GraphQLResolverMap<unknown> }]);
  const apollo = new ApolloServer<TContextAny>({
    schema,
    // closeOnSignals stops the whole service (sync, store, server) on SIGINT/SIGTERM; Apollo's own
    // handler would stop the server first and signal the process again, racing it.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControl({ defaultMaxAge: opts.defaultMaxAge ?? 0 }),
      {
        // Answers served from a stale copy because the city failed are flagged for the gateway.
        async requestDidStart() {
          return {
            async didResolveOperation({ operationName }) {
              const record = accessScope.getStore();
              if (record) record.operation = operationName ?? undefined;
            },
            async willSendResponse({ response }) {
              const record = accessScope.getStore();
              if (record && response.body.kind === 'single') {
                const { data, errors } = response.body.singleResult;
                record.graphql = true;
                record.hasData = data !== undefined && data !== null;
                for (const e of errors ?? []) record.errors.push(String(e.extensions?.code ?? 'UNKNOWN'));
              }
              const stale = requestScope.getStore()?.stale ?? [];
              if (stale.length) subgraphMetrics().staleAnswers.inc({ city: opts.city });
              if (stale.length && response.body.kind === 'single') {
                response.body.singleResult.extensions = { ...response.body.singleResult.extensions, stale };
                response.http.headers.set('cache-control', 'no-store');
              }
            },
          };
        },
      },
    ],
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatSubgraphError(formatted, error, opts),
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', city: opts.city });
  });
  // Prometheus metrics: this city's requests, upstream calls, breakers, sync and store (README, "Observability").
  app.get('/metrics', async (_req, res) => {
    res.set('content-type', METRICS_CONTENT_TYPE).send(await metricsText());
  });
  app.get('/ready', async (_req, res) => {
    const state = opts.readiness ? await opts.readiness().catch((err) => ({ ready: false, error: (err as Error).message })) : { ready: true };
    const { ready, ...details } = state;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', city: opts.city, ...details });
  });
  app.use(
    '/graphql',
    (req, _res, next) => requestScope.run(newScope(opts.budget, acceptedLanguage(req, opts.languages ?? [])), next),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async () => opts.context() }),
  );

  return {
    app,
    httpServer,
    apollo,
    listen: async (port, host = '127.0.0.1') => {
      const running = await listen(httpServer, port, host, '/graphql', async () => {
        await apollo.stop();
        await opts.onStop?.();
      });
      opts.onListen?.();
      return running;
    },
  };
}

/**
 * The city's language a request's Accept-Language prefers (q-values honoured, `sv-FI` matches `sv`),
 * negotiated by Express (the `negotiator` package); null without the header or when it names none.
 */
export function acceptedLanguage(req: express.Request, languages: string[]): string | null {
  if (!req.headers['accept-language'] || !languages.length) return null;
  return req.acceptsLanguages(...languages) || null;
}

/** What a subgraph's access log and metrics say of one request. */
interface SubgraphRecord {
  /** As asked (Express rewrites req.url under its mount point). */
  path: string;
  requestId?: string;
  traceId?: string;
  operation?: string;
  graphql?: boolean;
  hasData?: boolean;
  errors: string[];
}
const accessScope = new AsyncLocalStorage<SubgraphRecord>();

function observeSubgraphRequest(opts: { city: string; logger: Logger }, req: http.IncomingMessage, res: http.ServerResponse, record: SubgraphRecord, startedAt: bigint): void {
  const seconds = secondsSince(startedAt);
  const outcome = outcomeOf(record.hasData ?? false, record.errors.length);
  if (record.graphql) {
    const metrics = subgraphMetrics();
    metrics.requests.inc({ city: opts.city, outcome });
    metrics.requestDuration.observe({ city: opts.city }, seconds);
    for (const code of record.errors) metrics.errors.inc({ city: opts.city, code });
  }
  logAccess(opts.logger, req, res, { ...record, seconds }, record.graphql ? { operation: record.operation ?? null, outcome, errorCodes: [...new Set(record.errors)] } : {});
}

/** Upstream failures become UPSTREAM_UNAVAILABLE naming the city; unexpected errors are logged and masked. */
export function formatSubgraphError(
  formatted: GraphQLFormattedError,
  error: unknown,
  opts: { city: string; cityName: string; logger: Logger },
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof UpstreamError) {
    opts.logger.warn({ err: original.message, path: formatted.path }, 'upstream unavailable');
    const e = upstreamUnavailable(opts.cityName, opts.city, original);
    return { ...formatted, message: e.message, extensions: { ...e.extensions } };
  }
  if (original instanceof GraphQLError || formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') return formatted;
  opts.logger.error({ err: original, path: formatted.path }, 'internal error');
  return {
    ...formatted,
    message: `Internal error in the ${opts.city} subgraph; it has been logged.`,
    extensions: { code: 'INTERNAL_SERVER_ERROR', city: opts.city },
  };
}

/** Listens on `host:port` and returns the URL plus a close() that stops Apollo and the socket. */
export function listen(
  server: http.Server,
  port: number,
  host: string,
  path: string,
  stop: () => Promise<void>,
  /**
   * How long an idle keep-alive socket stays open. Subgraphs and replicas keep them longer than their
   * callers (the gateway, upstream clients, fetch), which reuse one only until shortly before the time
   * the server announces: with Node's 5 s, a caller whose event loop lags under load reuses a socket
   * the server is closing (ECONNRESET). The gateway passes its own, configurable timeout.
   */
  keepAliveTimeoutMs = 65000,
): Promise<RunningService> {
  server.keepAliveTimeout = keepAliveTimeoutMs;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${address.port}${path}`,
        port: address.port,
        server,
        close: async () => {
          await stop();
          if (server.listening) await new Promise<void>((r) => server.close(() => r()));
        },
      });
    });
  });
}

/** How long a clean shutdown may take before the process exits anyway. */
const SHUTDOWN_DEADLINE_MS = 15_000;

/**
 * Runs `close` once on SIGINT/SIGTERM, then exits (used by every index.ts). A shutdown that does not
 * finish in time (a request or a sync step that does not end) exits anyway, logged: a process told to
 * stop must stop; the store recovers from an interrupted write as from a crash.
 */
export function closeOnSignals(logger: Logger, close: () => Promise<void>): void {
  let closing = false;
  const handler = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error({ deadlineMs: SHUTDOWN_DEADLINE_MS }, 'shutdown did not finish in time; exiting anyway');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    close()
      .then(() => process.exit(0))
      .catch((err) => {
        logger.error({ err }, 'error during shutdown');
        process.exit(1);
      });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
