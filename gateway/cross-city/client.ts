/**
 * The gateway's cross-city fields ask each city's subgraph directly over HTTP, one request per city
 * (its root field, e.g. `{ helsinki { decisions(…) { … } } }`), input always as variables, with the
 * gateway's per-city deadline and a circuit breaker per city. A city that cannot answer gives a
 * CityFailure naming it; the caller leaves its share out and reports it, and the other cities still
 * answer.
 */
import CircuitBreaker from 'opossum';
import { fireThroughProbe } from '../../subgraphs/shared/breaker';
import { readCapped } from '../composition';

export interface CityAnswer<T> {
  data: T;
  /** Errors of single fields, when the caller accepts them (see `fieldErrors`). */
  errors: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string; reason?: string } }>;
  /** The city's cache hint for the answer (its `cache-control: max-age`); 0 when it gives none. */
  maxAge: number;
}

/** Why a city is left out of a cross-city answer. `code`: CITY_UNAVAILABLE, or the city's own code when it refused the request (BAD_USER_INPUT …). */
export class CityFailure extends Error {
  constructor(readonly city: string, message: string, readonly code: string) {
    super(message);
  }
}

/** A city's answer larger than this is not a page of references; it is not read into memory. */
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/**
 * Posts `query` (which selects the city's root field) with `variables` to the city's subgraph and
 * returns the root field's value. A network failure, a timeout, an HTTP error, an answer that is not
 * GraphQL, or a null root field is a CityFailure; so are errors beside the data, unless `fieldErrors`
 * (the caller looks at them: lookups by id, each its own field).
 */
export async function askCity<T>(city: { id: string; name: string; url: string }, query: string, variables: Record<string, unknown>, timeoutMs: number, fieldErrors = false): Promise<CityAnswer<T>> {
  const unavailable = (why: string) => new CityFailure(city.id, `${city.name} is unavailable: the ${city.id} subgraph failed (${why}). Data from other cities is unaffected.`, 'CITY_UNAVAILABLE');
  let res: Response;
  try {
    res = await fetch(city.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; errors?: Array<{ code?: string }> } };
    throw unavailable(e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : e.cause?.code ?? e.cause?.errors?.find((x) => x.code)?.code ?? e.message);
  }
  let text: string;
  try {
    text = await readCapped(res, MAX_ANSWER_BYTES);
  } catch (err) {
    throw unavailable((err as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (err as Error).message);
  }
  let body: { data?: Record<string, unknown> | null; errors?: CityAnswer<T>['errors'] };
  try {
    body = JSON.parse(text);
  } catch {
    throw unavailable(`HTTP ${res.status}, not a GraphQL answer`);
  }
  const value = body?.data?.[city.id];
  if (value === undefined || value === null || (body.errors?.length && !fieldErrors)) {
    const first = body?.errors?.[0];
    const code = first?.extensions?.code;
    // The city refused what it was asked (a filter value it does not accept): its own code and words.
    if (code === 'BAD_USER_INPUT') throw new CityFailure(city.id, `${city.name} refused the request: ${first?.message}`, code);
    if (value === undefined || value === null) throw unavailable(first?.message ?? `HTTP ${res.status}`);
    throw unavailable(first?.message ?? 'errors in its answer');
  }
  const maxAge = /(?:^|,)\s*max-age=(\d+)/.exec(res.headers.get('cache-control') ?? '');
  return { data: value as T, errors: body.errors ?? [], maxAge: maxAge ? Number(maxAge[1]) : 0 };
}

export type AskCity = <T>(city: { id: string; name: string; url: string }, query: string, variables: Record<string, unknown>, fieldErrors?: boolean) => Promise<CityAnswer<T>>;

/**
 * askCity behind a circuit breaker per city: after repeated failures to reach a city, the cross-city
 * fields leave it out at once (instead of waiting out its deadline on every request) until a probe
 * gets through, as the gateway's city sources do. A city refusing the input does not count as failing.
 */
export function createCityClient(options: { timeoutMs: number; breakerResetMs: number }): AskCity {
  const breakers = new Map<string, CircuitBreaker<Parameters<AskCity>, CityAnswer<unknown>>>();
  const breakerOf = (city: string) => {
    let breaker = breakers.get(city);
    if (!breaker) {
      breaker = new CircuitBreaker((c: Parameters<AskCity>[0], query: string, variables: Record<string, unknown>, fieldErrors?: boolean) => askCity<unknown>(c, query, variables, options.timeoutMs, fieldErrors), {
        timeout: false,
        resetTimeout: options.breakerResetMs,
        volumeThreshold: 5,
        errorThresholdPercentage: 50,
        errorFilter: (err: unknown) => err instanceof CityFailure && err.code !== 'CITY_UNAVAILABLE',
      });
      breakers.set(city, breaker);
    }
    return breaker;
  };
  return async <T>(city: Parameters<AskCity>[0], query: string, variables: Record<string, unknown>, fieldErrors?: boolean) => {
    try {
      return (await fireThroughProbe(breakerOf(city.id), options.timeoutMs, city, query, variables, fieldErrors)) as CityAnswer<T>;
    } catch (err) {
      if ((err as { code?: string }).code === 'EOPENBREAKER') {
        throw new CityFailure(city.id, `${city.name} is unavailable: the ${city.id} subgraph failed repeatedly, so the gateway stops asking it for up to ${Math.round(options.breakerResetMs / 1000)} s. Data from other cities is unaffected.`, 'CITY_UNAVAILABLE');
      }
      throw err;
    }
  };
}
