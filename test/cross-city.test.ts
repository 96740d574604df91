/**
 * The pieces of the gateway's cross-city fields on their own: the cursor (opaque, bound to its
 * filter), the k-way merge of the cities' pages (order, resumption, no item lost or repeated), the
 * merge of the cities' counts, the graph subgraph's SDL made from the cities' (it composes, and the
 * planner fetches a decision's fields from its city), and the cost of a fan-out.
 */
import { parse, Kind, type OperationDefinitionNode } from 'graphql';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, prettyFormatQueryPlan } from '@apollo/query-planner';
import { CursorError, decodeCursor, encodeCursor, filterDigest } from '../gateway/cross-city/cursor';
import { mergeBuckets, mergePages, type CityItem, type CityPage } from '../gateway/cross-city/merge';
import { cityTypeRefs } from '../gateway/cross-city/sdl';
import { graphSubgraphSdl } from '../gateway/graph-status';
import { measureOperation } from '../gateway/limits';
import { composeSupergraph, citySubgraphSdl } from '../schema/compose';
import { CITIES } from '../schema/cities';

describe('cursor', () => {
  const digest = filterDigest({ cities: ['helsinki', 'amsterdam'], from: '2025-01-01' });

  it('round-trips every city\'s position, opaque (base64url)', () => {
    const cursor = encodeCursor(digest, { helsinki: 'abc', amsterdam: null });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, digest, ['helsinki', 'amsterdam'])).toEqual({ helsinki: 'abc', amsterdam: null });
  });

  it('digests a filter whatever its key order, and leaves out conditions not given', () => {
    expect(filterDigest({ from: '2025-01-01', cities: ['helsinki', 'amsterdam'], text: null })).toBe(digest);
    expect(filterDigest({ cities: ['helsinki', 'amsterdam'], from: '2025-01-02' })).not.toBe(digest);
  });

  it('refuses a malformed cursor, one of another filter, one naming a city not asked', () => {
    const other = encodeCursor(filterDigest({ cities: ['helsinki'] }), { helsinki: 'x' });
    const cases: Array<[string, RegExp]> = [
      ['', /not a cursor/],
      ['not a cursor!', /not a cursor/],
      [Buffer.from('{"v":2}').toString('base64url'), /not a cursor/],
      [Buffer.from('[1,2]').toString('base64url'), /not a cursor/],
      [Buffer.from(JSON.stringify({ v: 1, f: digest, p: { helsinki: 5 } })).toString('base64url'), /not a cursor/],
      ['x'.repeat(10000), /not a cursor/],
      [other, /another filter/],
      [encodeCursor(digest, { barcelona: 'x' }), /barcelona/],
    ];
    for (const [cursor, message] of cases) {
      expect(() => decodeCursor(cursor, digest, ['helsinki', 'amsterdam'])).toThrow(CursorError);
      expect(() => decodeCursor(cursor, digest, ['helsinki', 'amsterdam'])).toThrow(message);
    }
  });
});

describe('merging pages', () => {
  /** A city's whole list, in its own order (date descending, null last), its cursors `city#n`. */
  const list = (city: string, dates: Array<string | null>): CityItem[] => dates.map((date, n) => ({ cursor: `${city}#${n}`, date, node: { __typename: `${city}Decision`, id: `${city}:${n}` } }));
  const LISTS: Record<string, CityItem[]> = {
    a: list('a', ['2025-03-01', '2025-02-01', '2025-02-01', '2025-01-01', null, null]),
    b: list('b', ['2025-03-02', '2025-02-01', '2024-12-31', null]),
    c: list('c', ['2025-02-01', '2025-02-01', '2025-01-15']),
  };
  /** A city's page after its cursor, as the city would answer. */
  const pageOf = (city: string, after: string | null, first: number): CityPage => {
    const all = LISTS[city];
    const from = after === null ? 0 : all.findIndex((i) => i.cursor === after) + 1;
    return { city, items: all.slice(from, from + first), hasNextPage: from + first < all.length };
  };

  it('walks every page: each item once, date descending, null last, ties by city order then the city\'s own', () => {
    for (const first of [1, 2, 3, 5, 13, 100]) {
      let position: Record<string, string | null> = {};
      const seen: string[] = [];
      for (let guard = 0; guard < 100; guard++) {
        const pages = ['a', 'b', 'c'].map((city) => pageOf(city, position[city] ?? null, first));
        const { edges, hasNextPage } = mergePages(pages, first, position);
        seen.push(...edges.map((e) => e.item.node.id));
        if (!hasNextPage) break;
        expect(edges).toHaveLength(first);
        position = edges.at(-1)!.position;
      }
      expect(seen).toEqual(['b:0', 'a:0', 'a:1', 'a:2', 'b:1', 'c:0', 'c:1', 'c:2', 'a:3', 'b:2', 'a:4', 'a:5', 'b:3']);
    }
  });

  it('gives each edge the position right after it', () => {
    const { edges } = mergePages(['a', 'b', 'c'].map((city) => pageOf(city, null, 4)), 4, {});
    expect(edges.map((e) => e.position)).toEqual([
      { b: 'b#0' },
      { b: 'b#0', a: 'a#0' },
      { b: 'b#0', a: 'a#1' },
      { b: 'b#0', a: 'a#2' },
    ]);
  });

  it('says whether more follow, with first: 0 too', () => {
    expect(mergePages([pageOf('a', null, 1)], 0, {})).toEqual({ edges: [], hasNextPage: true });
    expect(mergePages([{ city: 'a', items: [], hasNextPage: false }], 5, {})).toEqual({ edges: [], hasNextPage: false });
  });
});

describe('merging counts', () => {
  const perCity = [
    { city: 'helsinki', buckets: [{ year: 2025, outcome: 'ADOPTED', count: 3 }, { year: 2024, outcome: 'ADOPTED', count: 2 }, { year: null, outcome: 'UNKNOWN', count: 1 }] },
    { city: 'amsterdam', buckets: [{ year: 2025, outcome: 'ADOPTED', count: 4 }, { year: 2025, outcome: 'REJECTED', count: 1 }] },
  ];

  it('sums over cities when CITY is not a dimension, ordered newest first, then ascending, null last', () => {
    expect(mergeBuckets(perCity, ['YEAR', 'OUTCOME'], ['helsinki', 'amsterdam']).map((b) => [b.city, b.year, b.outcome, b.count])).toEqual([
      [null, 2025, 'ADOPTED', 7],
      [null, 2025, 'REJECTED', 1],
      [null, 2024, 'ADOPTED', 2],
      [null, null, 'UNKNOWN', 1],
    ]);
  });

  it('keeps each city\'s buckets with CITY, cities in registry order', () => {
    expect(mergeBuckets(perCity, ['OUTCOME', 'CITY'], ['helsinki', 'amsterdam']).map((b) => [b.outcome, b.city, b.count])).toEqual([
      ['ADOPTED', 'helsinki', 5],
      ['ADOPTED', 'amsterdam', 4],
      ['REJECTED', 'amsterdam', 1],
      ['UNKNOWN', 'helsinki', 1],
    ]);
  });
});

describe('the graph subgraph\'s SDL', () => {
  it('stubs every keyed city type that implements a contract interface', () => {
    const refs = cityTypeRefs(CITIES.filter((c) => c.adapter).map((c) => parse(citySubgraphSdl(c))));
    const names = refs.map((r) => r.type);
    for (const city of CITIES.filter((c) => c.adapter)) {
      for (const kind of ['Decision', 'Body', 'Case', 'City']) expect(names).toContain(`${city.typePrefix}${kind}`);
    }
    const sdl = graphSubgraphSdl();
    expect(sdl).toMatch(/type HelsinkiDecision implements Decision & Node @key\(fields: "id", resolvable: false\)/);
    expect(sdl).toMatch(/type HelsinkiCity implements City @key\(fields: "id", resolvable: false\)/);
    // Contract enums and value types it uses, copied verbatim.
    for (const t of ['enum Outcome', 'enum BodyType', 'enum DecisionDimension', 'type PageInfo', 'type DecisionBucket', 'scalar Date']) expect(sdl).toContain(t);
  });

  it('composes, and the planner fetches a decision\'s fields from its own city', () => {
    const { supergraphSdl, errors } = composeSupergraph();
    expect(errors).toEqual([]);
    const supergraph = Supergraph.build(supergraphSdl!);
    const plan = prettyFormatQueryPlan(new QueryPlanner(supergraph).buildQueryPlan(operationFromDocument(supergraph.schema, parse('{ decisions(first: 3) { edges { node { title } } } }'))));
    expect(plan).toMatch(/Fetch\(service: "graph"\)/);
    for (const city of CITIES) expect(plan).toContain(`Fetch(service: "${city.id}")`);
    expect(plan).toMatch(/\.\.\. on HelsinkiDecision \{\s*title/);
  });
});

describe('cost of the cross-city fields', () => {
  const { supergraphSdl } = composeSupergraph();
  const schema = Supergraph.build(supergraphSdl!).apiSchema().toGraphQLJSSchema();
  const cost = (query: string) => {
    const doc = parse(query);
    return measureOperation(schema, doc, doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode).cost;
  };

  it('grows with the cities asked', () => {
    const one = cost('{ decisions(first: 10, filter: { cities: ["helsinki"] }) { edges { node { id } } } }');
    const two = cost('{ decisions(first: 10, filter: { cities: ["helsinki", "amsterdam"] }) { edges { node { id } } } }');
    const all = cost('{ decisions(first: 10) { edges { node { id } } } }');
    expect(two - one).toBe(10);
    expect(all - one).toBe(10 * (CITIES.length - 1));
    expect(cost('{ decisionStats(groupBy: [YEAR]) { totalCount } }')).toBeGreaterThan(cost('{ decisionStats(groupBy: [YEAR], filter: { cities: ["helsinki"] }) { totalCount } }'));
  });

  it('costs nodes(ids:) by the ids, a variable list as 100', () => {
    expect(cost('{ nodes(ids: ["a", "b", "c"]) { id } }')).toBe(1 + 3);
    expect(cost('query($ids: [ID!]!) { nodes(ids: $ids) { id } }')).toBe(1 + 100);
  });
});
