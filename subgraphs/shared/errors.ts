/**
 * The error vocabulary of every city subgraph. Codes are stable (clients switch on them):
 * - BAD_USER_INPUT: an argument is wrong; `extensions.argumentName` names it.
 * - UPSTREAM_UNAVAILABLE: the city's own interface did not answer usably; `extensions.city` names the city.
 */
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  UPSTREAM_TIMEOUT: 'UPSTREAM_TIMEOUT',
  UPSTREAM_BAD_RESPONSE: 'UPSTREAM_BAD_RESPONSE',
  RATE_LIMITED: 'RATE_LIMITED',
  CITY_UNAVAILABLE: 'CITY_UNAVAILABLE',
} as const;

/** What went wrong upstream; each kind has its own stable code for clients. */
export type UpstreamFailure = 'unavailable' | 'timeout' | 'bad_response' | 'rate_limited' | 'circuit_open';

const CODES: Record<UpstreamFailure, string> = {
  unavailable: ErrorCode.UPSTREAM_UNAVAILABLE,
  circuit_open: ErrorCode.UPSTREAM_UNAVAILABLE,
  timeout: ErrorCode.UPSTREAM_TIMEOUT,
  bad_response: ErrorCode.UPSTREAM_BAD_RESPONSE,
  rate_limited: ErrorCode.RATE_LIMITED,
};

/** A wrong argument: says which one, what was wrong and what is allowed. */
export function badUserInput(argumentName: string, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(`Argument \`${argumentName}\`: ${message}`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName, ...extra },
  });
}

/** Thrown by upstream clients; turned into UPSTREAM_UNAVAILABLE for the client. */
export class UpstreamError extends Error {
  constructor(
    readonly city: string,
    readonly upstream: string,
    readonly request: string,
    readonly detail: string,
    readonly status?: number,
    /** The start of the upstream's error body, when it sent one (some APIs explain a 4xx there). */
    readonly body?: string,
    kind?: UpstreamFailure,
  ) {
    super(`${upstream} ${request}: ${detail}`);
    this.name = 'UpstreamError';
    this.kind = kind ?? (status === 429 ? 'rate_limited' : /^no answer within/.test(detail) ? 'timeout' : 'unavailable');
  }

  readonly kind: UpstreamFailure;
}

export function upstreamUnavailable(cityName: string, cityId: string, err: UpstreamError): GraphQLError {
  return new GraphQLError(
    `${cityName} is unavailable: its upstream ${err.upstream} failed on ${err.request} (${err.detail}). ` +
      `Other cities are not affected; retry later.`,
    {
      extensions: {
        code: CODES[err.kind],
        city: cityId,
        ...(err.kind === 'circuit_open' ? { circuit: 'open' } : {}),
        upstream: err.upstream,
        ...(err.status ? { upstreamStatus: err.status } : {}),
      },
    },
  );
}
