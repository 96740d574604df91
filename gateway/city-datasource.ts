/**
 * The gateway's connection to one city subgraph: a per-city timeout, and a failure that names
 * the city (code CITY_UNAVAILABLE) instead of a bare network error, so a client knows which
 * branch of its answer is missing and why.
 */
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Fetcher } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import CircuitBreaker from 'opossum';
import { fireThroughProbe } from '../subgraphs/shared/breaker';
import { gatewayMetrics, observeBreaker } from '../subgraphs/shared/observability/metrics';
import { inSpan, SpanKind, traceHeaders } from '../subgraphs/shared/observability/tracing';
import { currentRequest } from './request-guard';

export class CityDataSource extends RemoteGraphQLDataSource {
  /** Per city: after repeated failures to reach the subgraph, answer at once until a probe succeeds. */
  private breaker: CircuitBreaker<[GraphQLDataSourceProcessOptions], GatewayGraphQLResponse>;

  constructor(readonly city: string, readonly cityName: string, url: string, readonly timeoutMs: number, readonly breakerResetMs = 10000) {
    super({
      url,
      // Node's fetch with a deadline per subgraph request, sent once more when a kept-alive connection
      // turns out closed by the subgraph (a race between its idle timeout and our reuse): the
      // request never reached it, and a query is safe to repeat.
      fetcher: (async (input: string, init?: RequestInit) => {
        const once = () => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
        try {
          return await once();
        } catch (err) {
          if (isClosedConnection(err) && typeof init?.body === 'string' && !/^\s*mutation\b/.test((JSON.parse(init.body) as { query?: string }).query ?? '')) return once();
          throw err;
        }
      }) as unknown as Fetcher,
    });
    this.breaker = new CircuitBreaker((options: GraphQLDataSourceProcessOptions) => super.process(options), {
      timeout: false,
      resetTimeout: breakerResetMs,
      volumeThreshold: 5,
      errorThresholdPercentage: 50,
    });
    observeBreaker(this.breaker, gatewayMetrics().breakerState, gatewayMetrics().breakerOpens, { city });
  }

  /**
   * The subgraph continues this request's trace (from the active span: this source's) and logs under
   * its id; the client's Accept-Language goes along (it chooses the default of `lang` arguments).
   */
  override willSendRequest(options: GraphQLDataSourceProcessOptions): void {
    const headers = options.request.http?.headers;
    if (!headers) return;
    for (const [name, value] of Object.entries(traceHeaders())) headers.set(name, value);
    const requestId = currentRequest()?.requestId;
    if (requestId) headers.set('x-request-id', requestId);
    const language = acceptLanguageOf(options);
    if (language) headers.set('accept-language', language);
  }

  /** Identical subgraph fetches in flight (queries only) share one call. */
  private inFlight = new Map<string, Promise<GatewayGraphQLResponse>>();

  override async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const isQuery = !/^\s*mutation\b/.test(options.request.query ?? '');
    if (!isQuery) return this.send(options);
    // Accept-Language changes the answer (the default of `lang`): requests that differ in it do not share one.
    const key = JSON.stringify([options.request.query, options.request.variables ?? {}, options.request.http?.headers.get('authorization') ?? '', acceptLanguageOf(options)]);
    let p = this.inFlight.get(key);
    const joined = !!p;
    if (!p) {
      p = this.send(options).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, p);
    }
    // A joined request gets its own copy: the executor merges answers into its result in place.
    const response = joined ? structuredClone(await p) : await p;
    // Subgraphs flag answers served from a stale copy; the gateway reports them and does not cache them.
    const stale = response.extensions?.stale;
    const context = options.context as { stale?: Array<Record<string, unknown>> } | undefined;
    if (Array.isArray(stale) && context?.stale) context.stale.push(...stale.map((s: Record<string, unknown>) => ({ city: this.city, ...s })));
    return response;
  }

  private async send(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    currentRequest()?.cities.add(this.city);
    const metrics = gatewayMetrics();
    const stopTimer = metrics.subgraphDuration.startTimer({ city: this.city });
    return inSpan(`subgraph ${this.city}`, { kind: SpanKind.CLIENT, attributes: { 'cdg.service': 'gateway', 'cdg.city': this.city, 'server.address': this.url } }, async (span) => {
      try {
        const response = await this.fire(options);
        const outcome = response.errors?.length ? 'error' : 'ok';
        metrics.subgraphRequests.inc({ city: this.city, outcome });
        if (outcome === 'error') span.setAttribute('cdg.errors', response.errors!.length);
        return response;
      } catch (err) {
        metrics.subgraphRequests.inc({ city: this.city, outcome: (err as GraphQLError).extensions?.circuit === 'open' ? 'circuit_open' : 'unavailable' });
        throw err;
      } finally {
        stopTimer();
      }
    });
  }

  private async fire(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    try {
      return await fireThroughProbe(this.breaker, this.timeoutMs, options);
    } catch (err) {
      // The message names the subgraph's address and the socket's error for operators (and for
      // clients when errors are not masked); masked, clients get the code and the city only (see
      // mask.ts) and this message goes to the logs with the request id. `originalError` keeps the
      // fetch error itself.
      if ((err as { code?: string }).code === 'EOPENBREAKER') {
        throw new GraphQLError(`${this.cityName} is unavailable: the ${this.city} subgraph failed repeatedly, so the gateway stops asking it for up to ${Math.round(this.breakerResetMs / 1000)} s. Data from other cities is unaffected.`, {
          extensions: { code: 'CITY_UNAVAILABLE', city: this.city, circuit: 'open' },
          originalError: err as Error,
        });
      }
      const error = err as Error;
      const reason = error.name === 'TimeoutError' || /aborted|timeout/i.test(error.message) ? `no answer within ${this.timeoutMs} ms` : failureOf(error);
      throw new GraphQLError(`${this.cityName} is unavailable: the ${this.city} subgraph at ${this.url} failed (${reason}). Data from other cities is unaffected.`, {
        extensions: { code: 'CITY_UNAVAILABLE', city: this.city },
        originalError: error,
      });
    }
  }
}

/** The Accept-Language of the client's request this subgraph request serves ('' when none, or not a client's request). */
function acceptLanguageOf(options: GraphQLDataSourceProcessOptions): string {
  return 'incomingRequestContext' in options ? (options.incomingRequestContext.request.http?.headers.get('accept-language') ?? '') : '';
}

/** The most telling part of a failed fetch: the socket's code (also inside undici's AggregateError of several addresses), else the message. */
function failureOf(error: Error & { cause?: unknown }): string {
  const cause = error.cause as (Error & { code?: string; errors?: Array<{ code?: string }> }) | undefined;
  return cause?.code ?? cause?.errors?.find((e) => e.code)?.code ?? cause?.message ?? error.message;
}

/** A fetch that failed because the reused socket was closed under it (not a timeout, not a refusal). */
function isClosedConnection(err: unknown): boolean {
  const code = (err as { cause?: { code?: string } }).cause?.code;
  return code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE';
}
