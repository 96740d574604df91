/**
 * Apollo Client 3 without React (`@apollo/client/core`) against the gateway:
 *  - `possibleTypes` from the API schema (api-schema.ts) or by introspection, so fragments on the
 *    `City`/`Decision`/… interfaces match the concrete types (`AmsterdamDecision` …);
 *  - `keyFields: ['id']` on every city root type (`HelsinkiCity` …: each has a global `id`), so a
 *    city is one cache entry whichever query reached it;
 *  - `relayStylePagination` on the cities' paged lists (keyed by `filter`), for `fetchMore`;
 *  - automatic persisted queries (APQ) with sha256 from node:crypto.
 */
import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, type TypePolicies } from '@apollo/client/core';
import { relayStylePagination } from '@apollo/client/utilities';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';

/** Every field of a city (and of a body) that pages with `first`/`after`, and the args that pick a different list. */
const PAGED_CITY_FIELDS = ['decisions', 'meetings', 'cases', 'bodies'] as const;

/** Type policies: the city roots keyed by `id`, their lists merged page by page. */
export function typePolicies(possibleTypes: Record<string, string[]>): TypePolicies {
  const policies: TypePolicies = {};
  for (const cityType of possibleTypes.City ?? []) {
    policies[cityType] = {
      keyFields: ['id'],
      fields: Object.fromEntries(PAGED_CITY_FIELDS.map((f) => [f, relayStylePagination(['filter'])])),
    };
  }
  return policies;
}

export interface ApolloOptions {
  /** The gateway's `/graphql`. */
  uri: string;
  possibleTypes: Record<string, string[]>;
  /** A fetch to use (e.g. one that logs); default the global one. */
  fetch?: typeof fetch;
}

export function createApolloClient({ uri, possibleTypes, fetch: fetchImpl }: ApolloOptions): ApolloClient<unknown> {
  const sha256 = (query: string) => createHash('sha256').update(query).digest('hex');
  // POST for hashed queries too (the default); a GET would need the `apollo-require-preflight` header.
  const link = createPersistedQueryLink({ sha256 }).concat(new HttpLink({ uri, fetch: fetchImpl }));
  return new ApolloClient({
    link,
    cache: new InMemoryCache({ possibleTypes, typePolicies: typePolicies(possibleTypes) }),
  });
}
