/**
 * An adapter is the code for one kind of software a city runs (Ahjo, Notubiz, Decidim, OParl). A
 * city entry in cities.yaml names the adapter and gives its settings; the adapter's SDL and resolvers
 * are written once with the adapter's own type prefix (`NotubizDecision`) and root field
 * (`notubiz`), and each city gets its own copy renamed to its prefix and id (`UtrechtDecision`,
 * `utrecht`), so two cities on one adapter live side by side in one supergraph.
 *
 * This file is imported by the registry loader: keep it free of heavy imports.
 */
import type { z } from 'zod';

export interface AdapterUpstream {
  /** Short name of the upstream interface, e.g. `notubiz`; also names its env variables (`UTRECHT_NOTUBIZ_URL`). */
  name: string;
  /** What it is, for people. */
  description: string;
  /** The live base URL (from the city's settings). */
  liveBaseUrl: string;
  /** Whether it takes a credential (`<CITY>_<NAME>_TOKEN`). */
  token?: boolean;
  /** Path under the replica's root where the replica serves this upstream. */
  replicaPath: string;
}

export interface AdapterDescriptor<S extends z.ZodType = z.ZodType> {
  /** The name a city entry uses (`adapter: notubiz`). */
  name: string;
  /** What software it wraps, for people and for error messages. */
  description: string;
  /** The type prefix its SDL and resolvers are written with, renamed per city. */
  typePrefix: string;
  /** Its root Query field, renamed to the city's id. */
  rootField: string;
  /** Its SDL (after the contract), relative to the repository root. */
  schemaFile: string;
  /** The file that starts a city's subgraph on it (reads CITY_ID). */
  entry: string;
  /** The file that builds it; it exports `buildFromEnv(env, logger)` (used by `npm run sync`). */
  builder: string;
  /** The file that starts its offline replica (reads CITY_ID). */
  replicaEntry: string;
  /** The settings a city entry gives it, validated at load. */
  settings: S;
  /** The upstreams a city on it calls, from its settings. */
  upstreams(settings: z.infer<S>): AdapterUpstream[];
}

export function defineAdapter<S extends z.ZodType>(adapter: AdapterDescriptor<S>): AdapterDescriptor<S> {
  return adapter;
}

type ResolveType = (...args: unknown[]) => unknown;

/**
 * An adapter's resolver map, renamed for one city as citySubgraphSdl renames its SDL: the root field's
 * resolver (`Query.notubiz`) becomes the city's (`Query.utrecht`); every key with the adapter's type
 * prefix (`NotubizDecision`) the city's (`UtrechtDecision`), contract types keeping their names; and
 * every `__resolveType` answers with the city's type name (adapters write their own prefix, also in
 * the `__typename` of the rows they store).
 */
export function resolversForCity<T extends Record<string, unknown>>(
  resolvers: T,
  adapter: Pick<AdapterDescriptor, 'typePrefix' | 'rootField'>,
  city: { id: string; typePrefix: string },
): T {
  const query = resolvers.Query as Record<string, unknown> | undefined;
  if (query && adapter.rootField !== city.id && adapter.rootField in query) {
    const { [adapter.rootField]: root, ...rest } = query;
    resolvers = { ...resolvers, Query: { ...rest, [city.id]: root } };
  }
  if (adapter.typePrefix === city.typePrefix) return resolvers;
  const prefixed = new RegExp(`^${adapter.typePrefix}(?=[A-Z])`);
  const rename = (name: unknown) => (typeof name === 'string' ? name.replace(prefixed, city.typePrefix) : name);
  return Object.fromEntries(Object.entries(resolvers).map(([key, value]) => {
    const resolveType = (value as { __resolveType?: ResolveType } | undefined)?.__resolveType;
    const renamed = typeof resolveType === 'function' ? { ...(value as object), __resolveType: async (...args: unknown[]) => rename(await resolveType(...args)) } : value;
    return [rename(key), renamed];
  })) as T;
}
