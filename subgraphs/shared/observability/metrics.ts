/**
 * Prometheus metrics (prom-client), for the gateway and every city subgraph: each service serves
 * them at GET /metrics in the text exposition format. One registry per process (one service per
 * process in production; tests run several in one, and their series differ by the `city` label).
 * Every family is documented in the README ("Observability"); keep the two in step.
 *
 * Labels hold only bounded values (city ids, upstream keys, error codes, outcomes, and operation
 * names capped in number), never input a client can vary at will: a hostile client must not be
 * able to grow the registry.
 */
import client from 'prom-client';

export const registry = client.register;
export const METRICS_CONTENT_TYPE = registry.contentType;

const PREFIX = 'cdg_';
/** Seconds: from a cached answer (ms) to a slow upstream or a bulk page (tens of seconds). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

let defaultsOn = false;
/** Process metrics (CPU, resident memory, heap, event-loop lag, GC, handles), once per process. */
function processMetrics(): void {
  if (defaultsOn) return;
  defaultsOn = true;
  client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
}

/** A family registered at first use, so a service's /metrics lists only the families it records. */
function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => {
    if (made === undefined) {
      processMetrics();
      made = make();
    }
    return made;
  };
}

const counter = (name: string, help: string, labelNames: string[]) => new client.Counter({ name: PREFIX + name, help, labelNames, registers: [registry] });
const histogram = (name: string, help: string, labelNames: string[]) => new client.Histogram({ name: PREFIX + name, help, labelNames, buckets: LATENCY_BUCKETS, registers: [registry] });
const gauge = (name: string, help: string, labelNames: string[], collect?: (this: client.Gauge) => void) => new client.Gauge({ name: PREFIX + name, help, labelNames, registers: [registry], ...(collect ? { collect } : {}) });

/** Circuit states as gauge values: closed 0, half-open 1, open 2. */
export const BREAKER_STATE = { closed: 0, half_open: 1, open: 2 } as const;

export const gatewayMetrics = lazy(() => ({
  requests: counter('gateway_requests_total', 'GraphQL requests answered by the gateway, by operation name and outcome (success, partial: data with errors, error).', ['operation', 'outcome']),
  requestDuration: histogram('gateway_request_duration_seconds', 'Time from receiving a GraphQL request to the end of its answer, by operation name.', ['operation']),
  errors: counter('gateway_errors_total', 'Errors in GraphQL answers, by extensions.code and the city they name ("" when none).', ['code', 'city']),
  subgraphRequests: counter('gateway_subgraph_requests_total', 'Requests from the gateway to city subgraphs, by city and outcome (ok, error: an answer with errors, unavailable, circuit_open).', ['city', 'outcome']),
  subgraphDuration: histogram('gateway_subgraph_request_duration_seconds', 'Time of one request to a city subgraph, by city.', ['city']),
  cache: counter('gateway_cache_total', 'Answers by cache layer (edge: stored bytes before Apollo; response: the whole-response cache) and status (HIT, MISS, STALE, BYPASS).', ['layer', 'status']),
  stale: counter('gateway_stale_answers_total', 'Answers that held a city served from a stale copy (its upstream failed), by city.', ['city']),
  breakerState: gauge('gateway_subgraph_breaker_state', 'Circuit breaker toward each city subgraph: 0 closed, 1 half-open (probing), 2 open.', ['city']),
  breakerOpens: counter('gateway_subgraph_breaker_opened_total', 'Times the circuit toward a city subgraph opened.', ['city']),
  rateLimited: counter('gateway_rate_limited_total', 'Requests refused by the per-client rate limiter (429), by budget: requests or cost.', ['budget']),
  refused: counter('gateway_requests_refused_total', 'Requests refused before execution, by reason (body too large, JSON too deep, persisted query problems, query limits).', ['reason']),
}));

export const subgraphMetrics = lazy(() => ({
  requests: counter('subgraph_requests_total', 'GraphQL requests answered by a city subgraph, by city and outcome (success, partial, error).', ['city', 'outcome']),
  requestDuration: histogram('subgraph_request_duration_seconds', 'Time a city subgraph took to answer a GraphQL request, by city.', ['city']),
  errors: counter('subgraph_errors_total', 'Errors in a city subgraph\'s GraphQL answers, by city and extensions.code.', ['city', 'code']),
  upstreamRequests: counter('upstream_requests_total', 'HTTP requests to a city\'s upstream interface (each retry counts), by city, upstream and outcome (2xx, 3xx, 4xx, 429, 5xx, timeout, network, too_large, circuit_open).', ['city', 'upstream', 'outcome']),
  upstreamDuration: histogram('upstream_request_duration_seconds', 'Time of one HTTP request to a city\'s upstream (headers and body), by city and upstream.', ['city', 'upstream']),
  upstreamBreakerState: gauge('upstream_breaker_state', 'Circuit breaker toward each upstream: 0 closed, 1 half-open, 2 open.', ['city', 'upstream']),
  upstreamBreakerOpens: counter('upstream_breaker_opened_total', 'Times the circuit toward an upstream opened.', ['city', 'upstream']),
  staleAnswers: counter('subgraph_stale_answers_total', 'Answers a city subgraph served from its stale copy because the upstream failed, by city.', ['city']),
  syncRuns: counter('sync_runs_total', 'Sync runs per city and upstream, by outcome (ok, error) and kind (full, incremental).', ['city', 'upstream', 'outcome', 'kind']),
  syncDuration: histogram('sync_run_duration_seconds', 'Time of one sync run, by city and upstream.', ['city', 'upstream']),
  syncRecords: counter('sync_records_total', 'Records a sync fetched, wrote, deleted or set aside (unmappable), by city and upstream.', ['city', 'upstream', 'action']),
  syncLag: gauge('sync_lag_seconds', 'Seconds since the last successful sync of each upstream (the age of the data served); absent before the first.', ['city', 'upstream'], function collect() {
    this.reset();
    const now = Date.now();
    for (const source of syncSources) for (const s of source()) if (s.lastSuccessAt) this.set({ city: s.city, upstream: s.upstream }, Math.max(0, (now - Date.parse(s.lastSuccessAt)) / 1000));
  }),
  recordsHeld: gauge('sync_records_held', 'Records of each upstream held in the store, as of the last sync.', ['city', 'upstream'], function collect() {
    this.reset();
    for (const source of syncSources) for (const s of source()) if (s.recordsHeld !== undefined) this.set({ city: s.city, upstream: s.upstream }, s.recordsHeld);
  }),
  storeQueries: histogram('store_query_duration_seconds', 'Time of one read query on a city\'s store, by city and engine (pglite, postgres).', ['city', 'engine']),
}));

export const cacheMetrics = lazy(() => ({
  operations: counter('cache_operations_total', 'Operations on a key-value cache (the gateway\'s responses and persisted queries), by namespace, backend (memory, redis), operation and result (hit, miss, ok, error: failed or past CACHE_TIMEOUT_MS, answered as a miss).', ['namespace', 'backend', 'operation', 'result']),
}));

/** What the sync reports of each upstream at collection time (sync lag and records held are read, not pushed). */
export interface SyncSnapshot {
  city: string;
  upstream: string;
  lastSuccessAt: string | null;
  recordsHeld?: number;
}
const syncSources = new Set<() => SyncSnapshot[]>();

/** Registers a sync's state for /metrics; returns the function that removes it (when the sync stops). */
export function observeSync(source: () => SyncSnapshot[]): () => void {
  subgraphMetrics();
  syncSources.add(source);
  return () => void syncSources.delete(source);
}

/** At most this many distinct operation names get their own series; later ones count as `other`. */
const MAX_OPERATIONS = 200;
const operations = new Set<string>();

/** A client's operation name as a label: bounded in length, charset and number (see the top of this file). */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (!/^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name)) return 'other';
  if (operations.has(name)) return name;
  if (operations.size >= MAX_OPERATIONS) return 'other';
  operations.add(name);
  return name;
}

/** The outcome of a GraphQL answer: success, partial (data and errors) or error. */
export function outcomeOf(hasData: boolean, errorCount: number): 'success' | 'partial' | 'error' {
  return errorCount === 0 ? 'success' : hasData ? 'partial' : 'error';
}

/** Follows an opossum circuit into a state gauge and an opened counter. */
export function observeBreaker(
  breaker: { on(event: 'open' | 'halfOpen' | 'close', listener: () => void): unknown },
  state: client.Gauge,
  opened: client.Counter,
  labels: Record<string, string>,
): void {
  state.set(labels, BREAKER_STATE.closed);
  breaker.on('open', () => {
    state.set(labels, BREAKER_STATE.open);
    opened.inc(labels);
  });
  breaker.on('halfOpen', () => state.set(labels, BREAKER_STATE.half_open));
  breaker.on('close', () => state.set(labels, BREAKER_STATE.closed));
}

/** The text /metrics answers. */
export function metricsText(): Promise<string> {
  processMetrics();
  return registry.metrics();
}
