/** graphql-request: the smallest client; POST by default (no preflight header needed), typed documents from codegen. */
import { GraphQLClient } from 'graphql-request';

export function createGraphQLRequestClient(url: string, fetchImpl?: typeof fetch): GraphQLClient {
  return new GraphQLClient(url, { fetch: fetchImpl });
}
