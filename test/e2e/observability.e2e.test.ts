/**
 * Watching the graph as an operator does (issue 15), through the real path: Helsinki's and
 * Amsterdam's replicas and subgraphs and the gateway on loopback, Barcelona left unreachable.
 * - /metrics of the gateway and of a subgraph parse as Prometheus text (a real parser), and their
 *   counters move as requests are made: requests, latencies, cache, a failing city's errors, the
 *   gateway's breaker toward it opening, an upstream's breaker opening during syncs.
 * - Traces reach an OTLP/HTTP collector stand-in: one request's spans (gateway, subgraph, store)
 *   share the caller's trace id, parent by parent; a sync's upstream requests are spans of its trace.
 * - The access log has one line per request under the request id the client sent, in the gateway
 *   and in the subgraph it asked, and no line holds a credential.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startGraph, type Graph, type GraphQLResponse } from './harness';
import { scrape, value } from './metrics';
import parsePrometheus from 'parse-prometheus-text-format';
import { createLogger } from '../../subgraphs/shared/logger';
import { startTracing, type Tracing } from '../../subgraphs/shared/observability/tracing';

interface CollectedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  service: string;
  attributes: Record<string, unknown>;
}

/** OTLP/JSON ids are hex; some encoders send base64: either way, hex here. */
const hex = (id: string | undefined): string => (!id ? '' : /^[0-9a-f]*$/.test(id) ? id : Buffer.from(id, 'base64').toString('hex'));
type AnyValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };
const valueOf = (v: AnyValue): unknown => v.stringValue ?? (v.intValue !== undefined ? Number(v.intValue) : v.boolValue ?? v.doubleValue);

const spans: CollectedSpan[] = [];
const collectorRequests: string[] = [];
/** A stand-in for an OpenTelemetry collector: it accepts OTLP/HTTP JSON trace exports and keeps the spans. */
const collector = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    collectorRequests.push(`${req.method} ${req.url} ${req.headers['content-type']}`);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      resourceSpans: Array<{ resource: { attributes: Array<{ key: string; value: AnyValue }> }; scopeSpans: Array<{ spans: Array<{ traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; attributes?: Array<{ key: string; value: AnyValue }> }> }> }>;
    };
    for (const rs of body.resourceSpans) {
      const service = String(valueOf(rs.resource.attributes.find((a) => a.key === 'service.name')!.value));
      for (const ss of rs.scopeSpans) {
        for (const s of ss.spans) {
          spans.push({ traceId: hex(s.traceId), spanId: hex(s.spanId), parentSpanId: hex(s.parentSpanId), name: s.name, kind: s.kind, service, attributes: Object.fromEntries((s.attributes ?? []).map((a) => [a.key, valueOf(a.value)])) });
        }
      }
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  });
});

const logLines: Array<Record<string, unknown>> = [];
const rawLog: string[] = [];
const logger = createLogger('graph', 'info', {
  write: (line: string) => {
    rawLog.push(line);
    logLines.push(JSON.parse(line) as Record<string, unknown>);
  },
});

let graph: Graph;
let tracing: Tracing;

beforeAll(async () => {
  await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
  // As index.ts does from OTEL_EXPORTER_OTLP_ENDPOINT (tracingSettingsFromEnv adds /v1/traces).
  tracing = startTracing({ tracesUrl: `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/traces`, serviceName: 'city-decision-graph-test' });
  graph = await startGraph({ amsterdam: true, logger });
});
afterAll(async () => {
  await graph?.close();
  await tracing?.shutdown();
  await new Promise<void>((r) => collector.close(() => r()));
});

// ---- helpers ----------------------------------------------------------------------------------------

async function post(query: string, headers: Record<string, string> = {}): Promise<{ res: Response; body: GraphQLResponse }> {
  const res = await fetch(graph.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { res, body: (await res.json()) as GraphQLResponse };
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Whether `ancestorId` is `span`'s parent, or its parent's parent, … within the collected spans. */
function descendsFrom(span: CollectedSpan, ancestorId: string): boolean {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  for (let s: CollectedSpan | undefined = span; s; s = byId.get(s.parentSpanId)) if (s.parentSpanId === ancestorId) return true;
  return false;
}

const DECISIONS = 'helsinki { decisions(first: 2) { totalCount } } amsterdam { decisions(first: 1) { totalCount } }';

// ---- metrics ----------------------------------------------------------------------------------------

describe('Prometheus metrics', () => {
  it('the gateway\'s metrics parse as Prometheus text, with HELP and TYPE for each family', async () => {
    const res = await fetch(graph.gatewayUrl.replace(/\/graphql$/, '/metrics'));
    const families = parsePrometheus(await res.text());
    const family = (name: string) => families.find((f) => f.name === name);
    expect(family('cdg_gateway_request_duration_seconds')?.type).toBe('HISTOGRAM');
    expect(family('cdg_gateway_subgraph_breaker_state')?.type).toBe('GAUGE');
    expect(family('cdg_gateway_errors_total')).toMatchObject({ type: 'COUNTER', help: expect.stringMatching(/extensions\.code/) });
    expect(families.every((f) => f.help.length > 0)).toBe(true);
  });

  it('the gateway\'s counters move with each request: requests by operation and outcome, latency, subgraph calls per city, cache by layer', async () => {
    const before = await scrape(graph.gatewayUrl);
    const first = await post(`query ObsDecisions { ${DECISIONS} }`);
    expect(first.body.errors).toBeUndefined();
    const afterFirst = await until('the first request counted', async () => {
      const m = await scrape(graph.gatewayUrl);
      return value(m, 'cdg_gateway_requests_total', { operation: 'ObsDecisions' }) === 1 ? m : undefined;
    });
    expect(value(afterFirst, 'cdg_gateway_requests_total', { operation: 'ObsDecisions', outcome: 'success' })).toBe(1);
    expect(value(afterFirst, 'cdg_gateway_request_duration_seconds', { operation: 'ObsDecisions' })).toBe(1);
    for (const city of ['helsinki', 'amsterdam']) {
      expect(value(afterFirst, 'cdg_gateway_subgraph_requests_total', { city, outcome: 'ok' })).toBeGreaterThan(value(before, 'cdg_gateway_subgraph_requests_total', { city, outcome: 'ok' }));
      expect(value(afterFirst, 'cdg_gateway_subgraph_request_duration_seconds', { city })).toBeGreaterThan(value(before, 'cdg_gateway_subgraph_request_duration_seconds', { city }));
      expect(value(afterFirst, 'cdg_gateway_subgraph_breaker_state', { city })).toBe(0);
    }
    expect(value(afterFirst, 'cdg_gateway_cache_total', { layer: 'response' }) - value(before, 'cdg_gateway_cache_total', { layer: 'response' })).toBe(1);
    expect(first.res.headers.get('x-cache')).toBe('MISS');

    // The same request again is a cache hit (the edge layer answers stored bytes).
    const second = await post(`query ObsDecisions { ${DECISIONS} }`);
    expect(second.res.headers.get('x-cache')).toBe('HIT');
    const afterSecond = await until('the second request counted', async () => {
      const m = await scrape(graph.gatewayUrl);
      return value(m, 'cdg_gateway_requests_total', { operation: 'ObsDecisions' }) === 2 ? m : undefined;
    });
    expect(value(afterSecond, 'cdg_gateway_cache_total', { status: 'HIT' }) - value(afterFirst, 'cdg_gateway_cache_total', { status: 'HIT' })).toBe(1);
    // Memory and the event loop, for the process.
    expect(value(afterSecond, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(afterSecond.some((f) => f.name === 'nodejs_eventloop_lag_seconds')).toBe(true);
    expect(afterSecond.some((f) => f.name === 'cdg_cache_operations_total')).toBe(true);
  });

  it('a subgraph serves its own: requests, store queries, and its sync\'s lag, records and runs per upstream', async () => {
    await post(`query ObsHelsinki { helsinki { decisions(first: 1) { totalCount } } }`);
    const m = await scrape(graph.subgraph.url);
    expect(value(m, 'cdg_subgraph_requests_total', { city: 'helsinki', outcome: 'success' })).toBeGreaterThan(0);
    expect(value(m, 'cdg_subgraph_request_duration_seconds', { city: 'helsinki' })).toBeGreaterThan(0);
    expect(value(m, 'cdg_store_query_duration_seconds', { city: 'helsinki', engine: 'postgres' })).toBeGreaterThan(0);
    expect(value(m, 'cdg_sync_runs_total', { city: 'helsinki', upstream: 'ahjo', outcome: 'ok' })).toBeGreaterThan(0);
    expect(value(m, 'cdg_sync_records_total', { city: 'helsinki', upstream: 'ahjo', action: 'written' })).toBeGreaterThan(0);
    expect(value(m, 'cdg_sync_records_held', { city: 'helsinki', upstream: 'ahjo' })).toBeGreaterThan(0);
    const lag = m.find((f) => f.name === 'cdg_sync_lag_seconds')!.metrics.find((s) => s.labels?.city === 'helsinki' && s.labels?.upstream === 'ahjo');
    expect(Number(lag!.value)).toBeGreaterThanOrEqual(0);
    expect(value(m, 'cdg_upstream_requests_total', { city: 'helsinki', upstream: 'Ahjo REST API', outcome: '2xx' })).toBeGreaterThan(0);
    expect(value(m, 'cdg_upstream_breaker_state', { city: 'helsinki', upstream: 'Ahjo REST API' })).toBe(0);
  });

  it('a failing city: its errors are counted by code and city, and the gateway\'s breaker toward it opens', async () => {
    const before = await scrape(graph.gatewayUrl);
    for (let i = 1; i <= 6; i++) {
      const { body } = await post(`query ObsBarcelona${i} { barcelona { decisions(first: 1) { totalCount } } helsinki { decisions(first: 1) { totalCount } } }`);
      expect(body.data.helsinki.decisions.totalCount).toBeGreaterThan(0);
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'CITY_UNAVAILABLE', city: 'barcelona' });
      // In development an error carries the trace id (production keeps it in the logs).
      expect(body.errors?.[0].extensions?.traceId).toMatch(/^[0-9a-f]{32}$/);
    }
    const after = await until('the breaker toward Barcelona open', async () => {
      const m = await scrape(graph.gatewayUrl);
      return value(m, 'cdg_gateway_subgraph_breaker_state', { city: 'barcelona' }) === 2 && value(m, 'cdg_gateway_requests_total', { operation: 'ObsBarcelona6' }) === 1 ? m : undefined;
    });
    expect(value(after, 'cdg_gateway_errors_total', { code: 'CITY_UNAVAILABLE', city: 'barcelona' }) - value(before, 'cdg_gateway_errors_total', { code: 'CITY_UNAVAILABLE', city: 'barcelona' })).toBe(6);
    expect(value(after, 'cdg_gateway_subgraph_breaker_opened_total', { city: 'barcelona' })).toBe(1);
    expect(value(after, 'cdg_gateway_subgraph_requests_total', { city: 'barcelona', outcome: 'unavailable' })).toBeGreaterThanOrEqual(5);
    expect(value(after, 'cdg_gateway_subgraph_requests_total', { city: 'barcelona', outcome: 'circuit_open' })).toBeGreaterThanOrEqual(1);
    // Data from Helsinki with an error for Barcelona: partial.
    expect(value(after, 'cdg_gateway_requests_total', { operation: 'ObsBarcelona1', outcome: 'partial' })).toBe(1);
  });

  it('a client cannot grow the registry: operation names past the cap, or not GraphQL names, count as `other`', async () => {
    const { body } = await post('query ObsDecisions { helsinki { decisions(first: 1) { totalCount } } }', {});
    expect(body.errors).toBeUndefined();
    const m = await scrape(graph.gatewayUrl);
    const operations = new Set(m.find((f) => f.name === 'cdg_gateway_requests_total')!.metrics.map((s) => s.labels!.operation));
    expect(operations.size).toBeLessThanOrEqual(201);
  });
});

// ---- traces -----------------------------------------------------------------------------------------

describe('OpenTelemetry traces', () => {
  it('one request: the gateway, the subgraph it asked and the store queries are spans of the caller\'s trace, parent by parent', async () => {
    const traceId = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    const callerSpan = '1122334455667788';
    const { body } = await post('query ObsTraced { helsinki { decisions(first: 1) { totalCount } } }', { traceparent: `00-${traceId}-${callerSpan}-01` });
    expect(body.errors).toBeUndefined();
    await tracing.flush();
    const subgraphServer = await until('the subgraph\'s server span', () => spans.find((s) => s.traceId === traceId && s.attributes['cdg.service'] === 'helsinki-subgraph' && s.kind === 2));
    const inTrace = spans.filter((s) => s.traceId === traceId);
    const gatewayServer = inTrace.find((s) => s.attributes['cdg.service'] === 'gateway' && s.kind === 2)!;
    expect(gatewayServer).toMatchObject({ name: 'POST /graphql', parentSpanId: callerSpan });
    expect(gatewayServer.attributes['http.response.status_code']).toBe(200);
    const toHelsinki = inTrace.find((s) => s.name === 'subgraph helsinki')!;
    expect(toHelsinki.kind).toBe(3); // CLIENT
    expect(descendsFrom(toHelsinki, gatewayServer.spanId)).toBe(true);
    // The subgraph continued the trace from the traceparent the gateway sent.
    expect(subgraphServer.parentSpanId).toBe(toHelsinki.spanId);
    const storeQueries = inTrace.filter((s) => s.name === 'store query');
    expect(storeQueries.length).toBeGreaterThan(0);
    for (const q of storeQueries) {
      expect(descendsFrom(q, subgraphServer.spanId)).toBe(true);
      expect(q.attributes['cdg.city']).toBe('helsinki');
      expect(String(q.attributes['db.query.text'])).toMatch(/SELECT/i);
    }
    // Apollo's own gateway spans (plan, fetch) are in the same trace.
    expect(inTrace.some((s) => s.name.startsWith('gateway.'))).toBe(true);
    expect(collectorRequests.every((r) => r.startsWith('POST /v1/traces application/json'))).toBe(true);
    expect(spans.every((s) => s.service === 'city-decision-graph-test')).toBe(true);
  });

  it('a sync is a trace: each upstream request is a span in it (requests never call upstreams: they read the store)', async () => {
    await graph.subgraphService.sync.runOnce({ only: ['ahjo'] });
    await tracing.flush();
    const sync = await until('the sync span', () => spans.find((s) => s.name === 'sync helsinki ahjo'));
    const upstream = await until('the upstream spans', () => {
      const found = spans.filter((s) => s.traceId === sync.traceId && s.name.startsWith('upstream Ahjo REST API:'));
      return found.length ? found : undefined;
    });
    for (const u of upstream) {
      expect(descendsFrom(u, sync.spanId)).toBe(true);
      expect(u.kind).toBe(3);
      expect(u.attributes['cdg.outcome']).toBe('2xx');
    }
  });
});

// ---- access log ---------------------------------------------------------------------------------

describe('the access log', () => {
  it('has one line per request in the gateway and one in the subgraph it asked, under the client\'s request id, and never a credential', async () => {
    const { res, body } = await post('query ObsLogged { helsinki { decisions(first: 1) { totalCount } } }', {
      'x-request-id': 'obs-request-0001',
      authorization: 'Bearer s3cr3t-t0ken-value',
      'x-api-key': 'k3y-0f-the-client',
    });
    expect(body.errors).toBeUndefined();
    expect(res.headers.get('x-request-id')).toBe('obs-request-0001');
    const gatewayLine = await until('the gateway\'s access line', () => logLines.find((l) => l.requestId === 'obs-request-0001' && l.msg === 'request' && 'cities' in l));
    const lines = logLines.filter((l) => l.requestId === 'obs-request-0001' && l.msg === 'request');
    expect(lines).toHaveLength(2);
    expect(gatewayLine).toMatchObject({ method: 'POST', path: '/graphql', status: 200, operation: 'ObsLogged', outcome: 'success', cities: ['helsinki'], errorCodes: [] });
    expect(['MISS', 'BYPASS', 'HIT']).toContain(gatewayLine.cache);
    expect(gatewayLine.durationMs).toEqual(expect.any(Number));
    expect(gatewayLine.traceId).toMatch(/^[0-9a-f]{32}$/);
    const subgraphLine = lines.find((l) => l !== gatewayLine)!;
    expect(subgraphLine).toMatchObject({ path: '/graphql', status: 200, outcome: 'success', traceId: gatewayLine.traceId });
    expect(rawLog.join('\n')).not.toMatch(/s3cr3t-t0ken-value|k3y-0f-the-client/);
  });

  it('says which cities failed and with what code; an unusable request id is replaced, never logged', async () => {
    const { res } = await post('query ObsLoggedFailure { barcelona { decisions(first: 1) { totalCount } } }', { 'x-request-id': 'not a usable id!' });
    const id = res.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = await until('the access line', () => logLines.find((l) => l.requestId === id && 'cities' in l));
    // `data: { barcelona: null }` with an error: partial, as GraphQL has it.
    expect(line).toMatchObject({ operation: 'ObsLoggedFailure', outcome: 'partial', cities: ['barcelona'], errorCodes: ['CITY_UNAVAILABLE'] });
    expect(rawLog.join('\n')).not.toContain('not a usable id!');
  });

  it('every line logged during a request carries its trace id; secrets under known names are redacted', () => {
    const secrets: string[] = [];
    const redacted = createLogger('redaction', 'info', { write: (line: string) => void secrets.push(line) });
    redacted.info({ token: 'tok-1', headers: { authorization: 'Bearer tok-2' }, config: { apiKeys: ['tok-3'] }, upstream: { password: 'tok-4' } }, 'configured');
    expect(secrets.join('')).not.toMatch(/tok-\d/);
    expect(JSON.parse(secrets[0]).headers.authorization).toBe('[redacted]');
    // The request lines above, written inside the request, carry the trace.
    const during = logLines.filter((l) => l.requestId === 'obs-request-0001');
    expect(during.every((l) => typeof l.traceId === 'string')).toBe(true);
  });
});

// ---- an upstream's breaker (last: it leaves Helsinki's circuit open for a while) -------------------------

describe('an upstream failing during syncs', () => {
  it('counts its 5xx answers and failed runs, and shows its breaker opening', async () => {
    const before = await scrape(graph.subgraph.url);
    graph.replica!.faults.status = 502;
    try {
      await until('the Ahjo breaker open', async () => {
        await graph.subgraphService.sync.runOnce({ only: ['ahjo'] });
        const m = await scrape(graph.subgraph.url);
        return value(m, 'cdg_upstream_breaker_state', { city: 'helsinki', upstream: 'Ahjo REST API' }) === 2 ? m : undefined;
      }, 60000);
    } finally {
      delete graph.replica!.faults.status;
    }
    const after = await scrape(graph.subgraph.url);
    expect(value(after, 'cdg_upstream_breaker_opened_total', { city: 'helsinki', upstream: 'Ahjo REST API' })).toBe(1);
    expect(value(after, 'cdg_upstream_requests_total', { city: 'helsinki', outcome: '5xx' })).toBeGreaterThanOrEqual(5);
    expect(value(after, 'cdg_sync_runs_total', { city: 'helsinki', upstream: 'ahjo', outcome: 'error' }) - value(before, 'cdg_sync_runs_total', { city: 'helsinki', upstream: 'ahjo', outcome: 'error' })).toBeGreaterThanOrEqual(1);
    // A sync now meets the open circuit at once.
    await graph.subgraphService.sync.runOnce({ only: ['ahjo'] });
    expect(value(await scrape(graph.subgraph.url), 'cdg_upstream_requests_total', { city: 'helsinki', outcome: 'circuit_open' })).toBeGreaterThanOrEqual(1);
  });
});
