/**
 * The gateway's cross-city root fields: `decisions` and `decisionStats` over several cities, `node`
 * and `nodes` by global id, `cities`, `topicScheme`. Each asks the cities' subgraphs (client.ts) and
 * returns references to their records (`{ __typename: 'HelsinkiDecision', id }`): the query planner
 * fetches the other fields from the city. Input is checked before any city is asked; a city that
 * fails is left out with an error naming it, and the others still answer.
 */
import { GraphQLError, responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import { badUserInput } from '../../subgraphs/shared/errors';
import { checkGroupBy } from '../../subgraphs/shared/decision-stats';
import { checkDateRange, checkFirst, checkText } from '../../subgraphs/shared/args';
import { COFOG, cofogCode } from '../../schema/topics';
import { CityFailure, type AskCity, type CityAnswer } from './client';
import { CursorError, decodeCursor, encodeCursor, filterDigest } from './cursor';
import { mergeBuckets, mergePages, type Bucket, type CityItem, type CityPage, type Dimension } from './merge';

/** A city in the graph, as the cross-city fields ask it. */
export interface GraphCityEndpoint {
  id: string;
  name: string;
  /** Its subgraph's GraphQL endpoint. */
  url: string;
  /** The type its root field returns (e.g. `HelsinkiCity`): what `cities` refers to. */
  cityType: string;
}

export interface CrossCityOptions {
  /** The cities in the graph now, in registry order. */
  cities(): GraphCityEndpoint[];
  /** How a city is asked (client.ts: deadline and circuit breaker per city). */
  ask: AskCity;
}

/** Per request: what the answer may be cached for, and the errors of the cities left out. */
export interface CrossCityContext {
  /** Smallest cache hint (seconds) of the fields resolved; undefined while none was given. */
  maxAge?: number;
  /** Errors reported beside the data (a city left out); the answer is then never cached. */
  errors: GraphQLError[];
}

/** How long cross-city answers may be cached at most: the cities' lists change with each sync. */
export const CROSS_CITY_MAX_AGE = 60;
/** The COFOG scheme does not change while the gateway runs. */
const TOPIC_SCHEME_MAX_AGE = 3600;
/** Most ids `nodes` takes. */
export const MAX_NODE_IDS = 100;

/** What `node(id:)` finds, by the kind in the id, and the City field that looks it up. */
const NODE_KINDS = ['decision', 'meeting', 'body', 'case'] as const;

function hint(ctx: CrossCityContext, maxAge: number): void {
  ctx.maxAge = ctx.maxAge === undefined ? maxAge : Math.min(ctx.maxAge, maxAge);
}

/** A city left out: its error beside the data, at the field's path, naming the city. */
function leaveOut(ctx: CrossCityContext, info: GraphQLResolveInfo, failure: CityFailure): void {
  hint(ctx, 0);
  ctx.errors.push(new GraphQLError(failure.message, { path: responsePathAsArray(info.path), extensions: { code: failure.code, city: failure.city } }));
}

function asFailure(city: GraphCityEndpoint, err: unknown): CityFailure {
  return err instanceof CityFailure ? err : new CityFailure(city.id, `${city.name} is unavailable: ${(err as Error).message}. Data from other cities is unaffected.`, 'CITY_UNAVAILABLE');
}

interface CrossCityFilterInput {
  cities?: string[] | null;
  text?: string | null;
  from?: string | null;
  to?: string | null;
  topic?: string[] | null;
  outcome?: string[] | null;
  bodyType?: string[] | null;
}

/** The cities a filter asks (checked), and the filter each city gets (only the conditions given). */
function checkFilter(options: CrossCityOptions, filter: CrossCityFilterInput | null | undefined): { cities: GraphCityEndpoint[]; cityFilter: Record<string, unknown> | null } {
  const all = options.cities();
  let cities = all;
  if (filter?.cities) {
    const allowed = all.map((c) => c.id).join(', ');
    if (!filter.cities.length) throw badUserInput('filter.cities', `must name at least one city; leave it out to ask every city (${allowed}).`);
    for (const id of filter.cities) {
      if (!all.some((c) => c.id === id)) throw badUserInput('filter.cities', `${JSON.stringify(id)} is not a city of the graph; the cities are ${allowed}.`);
    }
    // Registry order, each city once, whatever the order asked.
    cities = all.filter((c) => filter.cities!.includes(c.id));
  }
  const text = checkText(filter?.text, 'filter.text');
  const { from, to } = checkDateRange(filter, 'filter');
  for (const code of filter?.topic ?? []) {
    if (!cofogCode(code)) throw badUserInput('filter.topic', `${JSON.stringify(code)} is not a COFOG code; use a division (${COFOG.divisions.map((d) => d.code).join(', ')}) or a group such as 06.1 (see \`topicScheme\`).`);
  }
  const cityFilter = Object.fromEntries(Object.entries({ text, from, to, topic: filter?.topic, outcome: filter?.outcome, bodyType: filter?.bodyType }).filter(([, v]) => v !== null && v !== undefined));
  return { cities, cityFilter: Object.keys(cityFilter).length ? cityFilter : null };
}

/** The share of a city that answered, or of one left out. */
function share(city: string, result: { totalCount: number } | CityFailure) {
  return result instanceof CityFailure ? { city, totalCount: null, error: result.message } : { city, totalCount: result.totalCount, error: null };
}

interface CityDecisionPage {
  decisions: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean };
    edges: Array<{ cursor: string; node: { __typename: string; id: string; date: string | null } }>;
  };
}

interface CityStats {
  decisionStats: { totalCount: number; buckets: Array<Partial<Bucket> & { count: number }> };
}

export function crossCityResolvers(options: CrossCityOptions) {
  const ask = options.ask;

  /**
   * Asks every city at once; a city that answers is handed to `take` (which returns its counted
   * part), one that fails is left out with an error naming it. Each city's share, in the order asked.
   */
  async function askEach<T>(
    cities: GraphCityEndpoint[],
    ctx: CrossCityContext,
    info: GraphQLResolveInfo,
    request: (city: GraphCityEndpoint) => [string, Record<string, unknown>],
    take: (city: GraphCityEndpoint, data: T) => { totalCount: number },
  ) {
    const answers = await Promise.allSettled(cities.map((city) => ask<T>(city, ...request(city))));
    hint(ctx, CROSS_CITY_MAX_AGE);
    return answers.map((a, i) => {
      const city = cities[i];
      if (a.status === 'rejected') {
        const failure = asFailure(city, a.reason);
        leaveOut(ctx, info, failure);
        return share(city.id, failure);
      }
      hint(ctx, a.value.maxAge);
      return share(city.id, take(city, a.value.data));
    });
  }

  return {
    async decisions(_: unknown, args: { filter?: CrossCityFilterInput | null; first?: number | null; after?: string | null }, ctx: CrossCityContext, info: GraphQLResolveInfo) {
      const first = checkFirst(args.first);
      const { cities, cityFilter } = checkFilter(options, args.filter);
      const ids = cities.map((c) => c.id);
      // The cursor belongs to the cities asked and the conditions, whatever their order in the request.
      const digest = filterDigest(Object.fromEntries(Object.entries({ ...cityFilter, cities: ids }).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v])));
      let start: Record<string, string | null> = {};
      if (args.after !== null && args.after !== undefined) {
        try {
          start = decodeCursor(args.after, digest, ids);
        } catch (err) {
          if (err instanceof CursorError) throw badUserInput('after', `${err.message}. Pass an \`endCursor\` or edge \`cursor\` of this list.`);
          throw err;
        }
      }
      // `first` items of each city are enough for a page; at least one, so that hasNextPage is known with first: 0.
      const pages: CityPage[] = [];
      const shares = await askEach<CityDecisionPage>(cities, ctx, info,
        (city) => [
          `query CrossCityDecisions($filter: DecisionFilter, $first: Int, $after: String) { ${city.id} { decisions(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage } edges { cursor node { __typename id date } } } } }`,
          { filter: cityFilter, first: Math.max(first, 1), after: start[city.id] ?? null },
        ],
        (city, { decisions: list }) => {
          pages.push({
            city: city.id,
            hasNextPage: list.pageInfo.hasNextPage,
            items: list.edges.map((e): CityItem => ({ cursor: e.cursor, date: e.node.date, node: { __typename: e.node.__typename, id: e.node.id } })),
          });
          return list;
        });
      const merged = mergePages(pages, first, start);
      const edges = merged.edges.map((e) => ({ cursor: encodeCursor(digest, e.position), city: e.city, node: e.item.node }));
      return {
        totalCount: shares.reduce((sum, s) => sum + (s.totalCount ?? 0), 0),
        cities: shares,
        pageInfo: {
          hasNextPage: merged.hasNextPage,
          hasPreviousPage: args.after !== null && args.after !== undefined,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
        edges,
        nodes: edges.map((e) => e.node),
      };
    },

    async decisionStats(_: unknown, args: { filter?: CrossCityFilterInput | null; groupBy: Dimension[] }, ctx: CrossCityContext, info: GraphQLResolveInfo) {
      const groupBy = checkGroupBy(args.groupBy);
      const { cities, cityFilter } = checkFilter(options, args.filter);
      const counted: Array<{ city: string; buckets: Array<Partial<Bucket> & { count: number }> }> = [];
      const shares = await askEach<CityStats>(cities, ctx, info,
        (city) => [
          `query CrossCityDecisionStats($filter: DecisionFilter, $groupBy: [DecisionDimension!]!) { ${city.id} { decisionStats(filter: $filter, groupBy: $groupBy) { totalCount buckets { year month outcome topic bodyType count } } } }`,
          { filter: cityFilter, groupBy },
        ],
        (city, { decisionStats: stats }) => {
          counted.push({ city: city.id, buckets: stats.buckets });
          return stats;
        });
      return {
        totalCount: shares.reduce((sum, s) => sum + (s.totalCount ?? 0), 0),
        groupBy,
        buckets: mergeBuckets(counted, groupBy, cities.map((c) => c.id)),
        cities: shares,
      };
    },

    async node(_: unknown, args: { id: string }, ctx: CrossCityContext, info: GraphQLResolveInfo) {
      const [found] = await findNodes(options, [args.id], 'id', ctx, info, ask);
      return found;
    },

    async nodes(_: unknown, args: { ids: string[] }, ctx: CrossCityContext, info: GraphQLResolveInfo) {
      if (args.ids.length > MAX_NODE_IDS) throw badUserInput('ids', `holds ${args.ids.length} ids; at most ${MAX_NODE_IDS} are allowed. Ask in several requests.`);
      return findNodes(options, args.ids, 'ids', ctx, info, ask);
    },

    cities(_: unknown, _args: unknown, ctx: CrossCityContext) {
      hint(ctx, CROSS_CITY_MAX_AGE);
      return options.cities().map((c) => ({ __typename: c.cityType, id: c.id }));
    },

    topicScheme(_: unknown, _args: unknown, ctx: CrossCityContext) {
      hint(ctx, TOPIC_SCHEME_MAX_AGE);
      return COFOG.divisions.map((d) => ({ code: d.code, name: d.name, groups: d.groups.map((g) => ({ code: g.code, name: g.name })) }));
    },
  };
}

/**
 * The records of global ids, in the order given: each id checked first (its city in the graph, its
 * kind one of NODE_KINDS), then one request per city, the ids as aliased lookups
 * (`n0: decision(id: $n0)`). Null for an id the city does not have, and for the ids of a city that
 * fails (with its error).
 */
async function findNodes(options: CrossCityOptions, ids: string[], argumentName: string, ctx: CrossCityContext, info: GraphQLResolveInfo, ask: AskCity): Promise<Array<{ __typename: string; id: string } | null>> {
  const cities = options.cities();
  const byCity = new Map<GraphCityEndpoint, Array<{ index: number; kind: string; id: string }>>();
  ids.forEach((id, index) => {
    const name = argumentName === 'ids' ? `ids[${index}]` : argumentName;
    const [cityId, kind, ...rest] = id.split(':');
    const city = cities.find((c) => c.id === cityId);
    if (!city || !rest.join(':')) {
      throw badUserInput(name, `${JSON.stringify(id)} is not a global id of a city of the graph; expected \`{city}:{kind}:{sourceId}\` with a city among ${cities.map((c) => c.id).join(', ')}, e.g. \`${cities[0]?.id ?? 'helsinki'}:decision:…\`.`);
    }
    if (!(NODE_KINDS as readonly string[]).includes(kind)) {
      throw badUserInput(name, `${JSON.stringify(id)} is a ${city.id} id of kind \`${kind}\`; \`node\` finds ${NODE_KINDS.join(', ')}.`);
    }
    const list = byCity.get(city) ?? [];
    list.push({ index, kind, id });
    byCity.set(city, list);
  });
  hint(ctx, CROSS_CITY_MAX_AGE);
  const found: Array<{ __typename: string; id: string } | null> = ids.map(() => null);
  const refused: GraphQLError[] = [];
  await Promise.all([...byCity].map(async ([city, wanted]) => {
    const variables = Object.fromEntries(wanted.map((w, i) => [`n${i}`, w.id]));
    const query = `query CrossCityNodes(${wanted.map((_, i) => `$n${i}: ID!`).join(', ')}) { ${city.id} { ${wanted.map((w, i) => `n${i}: ${w.kind}(id: $n${i}) { __typename id }`).join(' ')} } }`;
    let answer: CityAnswer<Record<string, { __typename: string; id: string } | null>>;
    try {
      answer = await ask(city, query, variables, true);
    } catch (err) {
      return leaveOut(ctx, info, asFailure(city, err));
    }
    hint(ctx, answer.maxAge);
    wanted.forEach((w, i) => {
      const record = answer.data[`n${i}`];
      found[w.index] = record ? { __typename: record.__typename, id: record.id } : null;
      const error = answer.errors.find((e) => e.path?.[1] === `n${i}`);
      // A city says "no such record" as an error of the lookup (reason NOT_FOUND): here, as `node` documents, null.
      if (error?.extensions?.reason === 'NOT_FOUND') return;
      // The city refuses a source id it cannot have (malformed for it): the client's input, named.
      if (error?.extensions?.code === 'BAD_USER_INPUT') refused.push(badUserInput(argumentName === 'ids' ? `ids[${w.index}]` : argumentName, `${city.name} refuses ${JSON.stringify(w.id)}: ${error.message}`));
      else if (error) leaveOut(ctx, info, new CityFailure(city.id, `${city.name} could not look up ${JSON.stringify(w.id)}: ${error.message}`, error.extensions?.code ?? 'CITY_UNAVAILABLE'));
    });
  }));
  if (refused.length) throw refused[0];
  return found;
}
