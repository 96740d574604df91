/**
 * OpenTelemetry traces: one trace per request, from the gateway through each city subgraph to each
 * upstream call and store query, with the W3C `traceparent` header carried across every hop. Spans
 * are exported over OTLP/HTTP when an endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT), and not
 * recorded otherwise; a `traceparent` that comes in is passed on either way, so the ids in the logs
 * still match the caller's trace.
 *
 * The provider is per process (each service's index.ts starts it); spans say which service made
 * them in `cdg.service`, which matters only when tests run several services in one process.
 * @apollo/gateway's own spans (plan, execute, fetch) join the same traces through the global API.
 */
import { context, propagation, trace, SpanKind, SpanStatusCode, type Attributes, type Context, type Span, type TextMapGetter } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { AlwaysOffSampler, AlwaysOnSampler, BatchSpanProcessor, ParentBasedSampler, TracerProvider } from '@opentelemetry/sdk-trace';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type http from 'node:http';

export { SpanKind };

/** Tracing settings, from OTEL_* variables (see tracingSettingsFromEnv). */
export interface TracingSettings {
  /** Where spans go (OTLP/HTTP traces URL); absent: spans are not recorded. */
  tracesUrl?: string;
  /** `service.name` of this process's spans. */
  serviceName: string;
}

/**
 * The standard OpenTelemetry variables: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (the full URL), else
 * OTEL_EXPORTER_OTLP_ENDPOINT (a base URL, `/v1/traces` added), else off; OTEL_SERVICE_NAME, else the
 * service's own name; OTEL_SDK_DISABLED=true turns tracing off whatever else is set.
 */
export function tracingSettingsFromEnv(env: NodeJS.ProcessEnv, serviceName: string): TracingSettings {
  const disabled = (env.OTEL_SDK_DISABLED ?? '').toLowerCase() === 'true';
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  const tracesUrl = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || (base ? `${base.replace(/\/+$/, '')}/v1/traces` : undefined);
  if (tracesUrl) {
    try {
      new URL(tracesUrl);
    } catch {
      throw new Error(`OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) must be an http(s) URL such as http://otel-collector:4318 (got ${JSON.stringify(tracesUrl)}).`);
    }
  }
  return { tracesUrl: disabled ? undefined : tracesUrl, serviceName: env.OTEL_SERVICE_NAME?.trim() || serviceName };
}

export interface Tracing {
  enabled: boolean;
  /** Sends the spans ended so far (tests; shutdown). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** This process's provider, and whether it exports. */
let current: { provider: TracerProvider; exporting: boolean } | undefined;

/**
 * Without an endpoint spans are not recorded (AlwaysOff), but they still get ids, or the caller's:
 * every log line and every hop carries a trace id at the cost of making two random numbers.
 */
function install(settings: TracingSettings): { provider: TracerProvider; exporting: boolean } {
  const exporting = !!settings.tracesUrl;
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': settings.serviceName }),
    sampler: exporting ? new ParentBasedSampler({ root: new AlwaysOnSampler() }) : new AlwaysOffSampler(),
    // Batched: spans are sent in the background, never on a request's path.
    spanProcessors: exporting ? [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: settings.tracesUrl, timeoutMillis: 5000 }), scheduledDelayMillis: 1000 })] : [],
  });
  if (current) trace.disable();
  else {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  }
  trace.setGlobalTracerProvider(provider);
  current = { provider, exporting };
  return current;
}

/** Starts this process's tracing: exporting when `tracesUrl` is set (a running exporter is kept). */
export function startTracing(settings: TracingSettings): Tracing {
  const running = current?.exporting ? current : install(settings);
  return {
    enabled: running.exporting,
    flush: () => running.provider.forceFlush(),
    shutdown: async () => {
      await running.provider.shutdown();
      if (current === running) install({ serviceName: settings.serviceName });
    },
  };
}

const tracer = () => (current ?? install({ serviceName: 'city-decision-graph' })).provider.getTracer('city-decision-graph');

/**
 * Runs `fn` in a new span (child of the active one, or of `parent`), ending it when `fn` settles; a
 * throw marks the span as failed with the error's message.
 */
export function inSpan<T>(name: string, options: { kind?: SpanKind; attributes?: Attributes; parent?: Context }, fn: (span: Span) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, options.parent ?? context.active(), async (span) => {
    try {
      return await fn(span);
    } catch (err) {
      failSpan(span, err);
      throw err;
    } finally {
      span.end();
    }
  });
}

export function failSpan(span: Span, err: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error)?.message ?? String(err) });
}

const headerGetter: TextMapGetter<http.IncomingHttpHeaders> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key],
};

/**
 * Starts the server span of an incoming HTTP request (its parent: the caller's `traceparent`, if any)
 * and runs `handle` inside it; the span ends when the answer is sent or the connection closes.
 */
export function serveInSpan(req: http.IncomingMessage, res: http.ServerResponse, attributes: Attributes, handle: () => void): Span {
  const parent = propagation.extract(context.active(), req.headers, headerGetter);
  const path = (req.url ?? '/').split('?')[0];
  const span = tracer().startSpan(`${req.method} ${path}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'url.path': path, ...attributes } }, parent);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };
  res.once('finish', end);
  res.once('close', end);
  context.with(trace.setSpan(parent, span), handle);
  return span;
}

/** The W3C headers (`traceparent`, `tracestate`) that carry the active trace to the next hop. */
export function traceHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  return headers;
}

/** The active trace and span ids (for log lines and error extensions), when there is a trace. */
export function activeTraceIds(): { traceId: string; spanId: string } | undefined {
  const ctx = trace.getActiveSpan()?.spanContext();
  if (!ctx || !trace.isSpanContextValid(ctx)) return undefined;
  return { traceId: ctx.traceId, spanId: ctx.spanId };
}
