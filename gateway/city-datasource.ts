/**
 * The gateway's connection to one city subgraph: a per-city timeout, and a failure that names
 * the city (code CITY_UNAVAILABLE) instead of a bare network error, so a client knows which
 * branch of its answer is missing and why.
 */
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Fetcher } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';

export class CityDataSource extends RemoteGraphQLDataSource {
  constructor(readonly city: string, readonly cityName: string, url: string, readonly timeoutMs: number) {
    super({
      url,
      // Node's fetch with a deadline per subgraph request.
      fetcher: ((input: string, init?: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as Fetcher,
    });
  }

  override async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (err) {
      const error = err as Error & { cause?: { code?: string } };
      const reason = error.name === 'TimeoutError' || /aborted|timeout/i.test(error.message)
        ? `no answer within ${this.timeoutMs} ms`
        : error.cause?.code ?? error.message;
      throw new GraphQLError(`${this.cityName} is unavailable: the ${this.city} subgraph at ${this.url} failed (${reason}). Data from other cities is unaffected.`, {
        extensions: { code: 'CITY_UNAVAILABLE', city: this.city },
      });
    }
  }
}
