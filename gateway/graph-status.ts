/**
 * The gateway's own subgraph, `graph`: the cities status of `/ready`, in the graph (issue 13), and the
 * cross-city fields (`decisions`, `decisionStats`, `node`, `nodes`, `cities`, `topicScheme`;
 * gateway/cross-city/). It runs in the gateway's process (no network hop) and is composed with the
 * cities' subgraphs; its SDL follows the cities composed (gateway/cross-city/sdl.ts). `graph` is never
 * cached, since it changes whenever a city's schema does; the cross-city fields are, briefly, unless a
 * city failed.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, isObjectType, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { CITIES } from '../schema/cities';
import { knownSdl } from '../schema/compose';
import { DateScalar } from '../subgraphs/shared/scalars';
import type { CompositionStatus } from './composition';
import { buildGraphSubgraphSdl, cityTypeRefs, cityTypeRefsOf, GRAPH_SDL_FILE } from './cross-city/sdl';
import { crossCityResolvers, type CrossCityContext, type GraphCityEndpoint } from './cross-city/resolvers';
import { createCityClient, type AskCity } from './cross-city/client';

/** The subgraph's name in the supergraph (a registry id may not take it) and the URL written there for it. */
export const GRAPH_SUBGRAPH = 'graph';
export const GRAPH_SUBGRAPH_URL = 'http://gateway.invalid/graph';
export { GRAPH_SDL_FILE };

/**
 * The graph subgraph's SDL composed with the given cities' SDLs (parsed); without them, with every
 * registry city whose SDL this checkout has (what `npm run compose` composes).
 */
export function graphSubgraphSdl(cityDocs?: Iterable<DocumentNode>): string {
  const docs = cityDocs ?? CITIES.flatMap((c) => {
    const sdl = knownSdl(c);
    return sdl ? [parse(sdl)] : [];
  });
  return buildGraphSubgraphSdl(cityTypeRefs(docs));
}

const SCHEMA_STATE = { current: 'CURRENT', 'last-good': 'LAST_GOOD', missing: 'MISSING' } as const;

/** The status as the graph serves it: from live composition, or every registry city pinned. */
function graphStatus(live: (() => CompositionStatus) | undefined) {
  if (!live) {
    return { composition: 'STATIC', supergraphHash: null, composedAt: null, pollSeconds: null, cities: CITIES.map((c) => ({ id: c.id, name: c.name, schema: 'PINNED', reason: null, checkedAt: null, sdlHash: null, rejectedSdlHash: null })) };
  }
  const status = live();
  const byId = new Map(status.cities.map((c) => [c.id, c]));
  return {
    composition: 'LIVE',
    supergraphHash: status.supergraphHash,
    composedAt: status.composedAt,
    pollSeconds: Math.round(status.pollMs / 1000),
    cities: CITIES.filter((c) => byId.has(c.id)).map((c) => {
      const s = byId.get(c.id)!;
      return { id: c.id, name: c.name, schema: SCHEMA_STATE[s.schema], reason: s.reason, checkedAt: s.checkedAt, sdlHash: s.sdlHash, rejectedSdlHash: s.rejectedSdlHash ?? null };
    }),
  };
}

export interface GraphDataSourceOptions {
  /** Live composition's status (`graph`); undefined with a static supergraph. */
  live?: () => CompositionStatus;
  /** City id → its subgraph's GraphQL endpoint (the gateway's config). */
  subgraphUrls: Record<string, string>;
  /** Deadline of one request to a city. */
  subgraphTimeoutMs: number;
  /** A city's circuit, opened after repeated failures, lets a probe through after this (default 10 s). */
  subgraphBreakerResetMs?: number;
}

interface Built {
  schema: GraphQLSchema;
  cities: GraphCityEndpoint[];
}

/**
 * The data source the gateway uses for `graph`, in process. The schema it executes the planner's
 * fetches on is built from the API schema of the request (the supergraph served): its stubs name the
 * city types that supergraph has, whichever cities live composition holds now.
 */
export class GraphStatusDataSource implements GraphQLDataSource {
  private readonly built = new WeakMap<GraphQLSchema, Built>();
  private last: Built | undefined;
  /** One client for the data source's life: the cities' circuits outlive schema changes. */
  private readonly ask: AskCity;

  constructor(private readonly options: GraphDataSourceOptions) {
    this.ask = createCityClient({ timeoutMs: options.subgraphTimeoutMs, breakerResetMs: options.subgraphBreakerResetMs ?? 10000 });
  }

  /** The cities of the registry in a served schema (its root fields) with a URL, in registry order, and their City types. */
  private citiesOf(api: GraphQLSchema | undefined): GraphCityEndpoint[] {
    const query = api?.getQueryType()?.getFields();
    return CITIES.flatMap((c) => {
      const url = this.options.subgraphUrls[c.id];
      const field = query?.[c.id];
      if (!url || (api && !field)) return [];
      let type = field?.type;
      while (type && 'ofType' in type) type = type.ofType;
      return [{ id: c.id, name: c.name, url, cityType: type && isObjectType(type) ? type.name : `${c.typePrefix}City` }];
    });
  }

  private schemaFor(api: GraphQLSchema | undefined): Built {
    if (!api) return (this.last ??= this.build(undefined));
    let built = this.built.get(api);
    if (!built) {
      built = this.build(api);
      this.built.set(api, built);
      this.last = built;
    }
    return built;
  }

  private build(api: GraphQLSchema | undefined): Built {
    const refs = api ? cityTypeRefsOf(api) : cityTypeRefs(CITIES.flatMap((c) => { const sdl = knownSdl(c); return sdl ? [parse(sdl)] : []; }));
    const cities = this.citiesOf(api);
    const cross = crossCityResolvers({ cities: () => cities, ask: this.ask });
    const live = this.options.live;
    const schema = buildSubgraphSchema([{
      typeDefs: parse(buildGraphSubgraphSdl(refs)),
      resolvers: {
        Date: DateScalar,
        Query: {
          graph: (_: unknown, _args: unknown, ctx: CrossCityContext) => {
            // Never cached: it changes whenever a city's schema does.
            ctx.maxAge = 0;
            return graphStatus(live);
          },
          ...cross,
        },
        // The references carry their type: the city's own (`HelsinkiDecision`).
        Node: { __resolveType: (ref: { __typename: string }) => ref.__typename },
        ...Object.fromEntries(['Decision', 'Meeting', 'Body', 'Case', 'City'].map((i) => [i, { __resolveType: (ref: { __typename: string }) => ref.__typename }])),
      } as never,
    }]);
    return { schema, cities };
  }

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    // A client's operation carries its request (the schema served, the cache policy); a health check does not.
    const incoming = 'incomingRequestContext' in options ? options.incomingRequestContext : undefined;
    const { schema } = this.schemaFor(incoming?.schema);
    const ctx: CrossCityContext = { errors: [] };
    const result = await graphql({ schema, source: options.request.query!, variableValues: options.request.variables, operationName: options.request.operationName, contextValue: ctx });
    // The answer may be cached for the least its fields allow, and not at all with an error (a city
    // left out: a partial answer must not be served again once the city is back).
    const policy = (incoming as { overallCachePolicy?: { restrict?: (hint: { maxAge: number }) => void } } | undefined)?.overallCachePolicy;
    const failed = ctx.errors.length > 0 || !!result.errors?.length;
    policy?.restrict?.({ maxAge: failed ? 0 : ctx.maxAge ?? 0 });
    if (ctx.errors.length) return { ...result, errors: [...(result.errors ?? []), ...ctx.errors] } as GatewayGraphQLResponse;
    return result as GatewayGraphQLResponse;
  }
}
