/**
 * The gateway's cross-city fields on three real cities (replicas + subgraphs + gateway on loopback):
 * walking every page of `decisions` gives each decision once, in the documented order, and exactly the
 * union of the cities' own lists; totals and `decisionStats` equal what the cities say and what their
 * lists count; `node`/`nodes` find records of every kind by global id and refuse ids of no city; a
 * failing city is left out with its error while the others answer, and such an answer is not cached.
 */
import { cityById, CITIES } from '../../schema/cities';
import { buildGateway } from '../../gateway/server';
import type { RunningService } from '../../subgraphs/shared/server';
import { freePort } from './process';
import { logger, postGraphQL } from './harness';
import { startRegistryGraph, type RegistryGraph } from './registry-graph';

const CITY_IDS = ['helsinki', 'amsterdam', 'barcelona'];
const SELECTED = CITY_IDS.map(cityById);

interface Listed {
  city: string;
  id: string;
  date: string | null;
  outcome: string;
}

/** Every decision of one city through its own root field, in its own order. */
async function cityList(graph: RegistryGraph, city: string, filter: Record<string, unknown> = {}): Promise<{ totalCount: number; items: Listed[] }> {
  const items: Listed[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (;;) {
    const res = await graph.query(`query($filter: DecisionFilter, $after: String) { ${city} { decisions(filter: $filter, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id date outcome } } } }`, { filter, after });
    expect(res.errors).toBeUndefined();
    const page = res.data[city].decisions;
    totalCount = page.totalCount;
    items.push(...page.nodes.map((n: Omit<Listed, 'city'>) => ({ city, ...n })));
    if (!page.pageInfo.hasNextPage) return { totalCount, items };
    after = page.pageInfo.endCursor;
  }
}

/** The cross-city order: date descending, null last, ties by registry position, then each city's own order (a stable sort keeps it). */
function crossCityOrder(lists: Listed[][]): Listed[] {
  const rank = new Map(CITIES.map((c, i) => [c.id, i]));
  return lists.flat().sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === null) return 1;
      if (b.date === null) return -1;
      return a.date > b.date ? -1 : 1;
    }
    return rank.get(a.city)! - rank.get(b.city)!;
  });
}

const PAGE = `query($filter: CrossCityDecisionFilter, $first: Int, $after: String) {
  decisions(filter: $filter, first: $first, after: $after) {
    totalCount cities { city totalCount error }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor city node { __typename id date outcome } }
  }
}`;

describe('cross-city fields', () => {
  let graph: RegistryGraph;
  const own: Record<string, { totalCount: number; items: Listed[] }> = {};
  let walked: Listed[] = [];

  beforeAll(async () => {
    graph = await startRegistryGraph(SELECTED);
    for (const id of CITY_IDS) own[id] = await cityList(graph, id);
  }, 900_000);
  afterAll(async () => {
    await graph?.close();
  });

  it('walks every page (7 at a time): each decision once, newest first across cities, the union of the cities\' own lists', async () => {
    const expected = crossCityOrder(CITY_IDS.map((id) => own[id].items));
    const sum = CITY_IDS.reduce((n, id) => n + own[id].totalCount, 0);
    expect(expected.length).toBe(sum);
    expect(expected.some((d) => d.date === null)).toBe(true); // the order of undated decisions is exercised
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res = await graph.query(PAGE, { first: 7, after });
      expect(res.errors).toBeUndefined();
      const page = res.data.decisions;
      pages++;
      expect(page.totalCount).toBe(sum);
      expect(page.cities).toEqual(CITY_IDS.map((city) => ({ city, totalCount: own[city].totalCount, error: null })));
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      for (const e of page.edges) {
        expect(e.node.id.startsWith(`${e.city}:decision:`)).toBe(true);
        expect(e.node.__typename).toBe(`${cityById(e.city).typePrefix}Decision`);
        walked.push({ city: e.city, id: e.node.id, date: e.node.date, outcome: e.node.outcome });
      }
      if (!page.pageInfo.hasNextPage) break;
      expect(page.edges).toHaveLength(7);
      expect(page.pageInfo.endCursor).toBe(page.edges[6].cursor);
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(sum / 7));
    expect(walked.map((d) => d.id)).toEqual(expected.map((d) => d.id));
    expect(new Set(walked.map((d) => d.id)).size).toBe(sum);
  });

  it('resumes right after any edge\'s cursor', async () => {
    const first = await graph.query(PAGE, { first: 10 });
    const mid = first.data.decisions.edges[4];
    const next = await graph.query(PAGE, { first: 5, after: mid.cursor });
    expect(next.errors).toBeUndefined();
    expect(next.data.decisions.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(first.data.decisions.edges.slice(5).map((e: { node: { id: string } }) => e.node.id));
  });

  it('filters: the chosen cities only, the same conditions as each city\'s own filter, totals their sum', async () => {
    const filter = { from: '2024-01-01', to: '2026-01-01', outcome: ['ADOPTED', 'REJECTED'] };
    const lists = await Promise.all(['helsinki', 'barcelona'].map((id) => cityList(graph, id, filter)));
    const expected = crossCityOrder(lists.map((l) => l.items));
    expect(expected.length).toBeGreaterThan(10);
    const got: string[] = [];
    let after: string | null = null;
    for (;;) {
      // The cities in another order than the registry's: the same list.
      const res = await graph.query(PAGE, { filter: { ...filter, cities: ['barcelona', 'helsinki'] }, first: 25, after });
      expect(res.errors).toBeUndefined();
      expect(res.data.decisions.totalCount).toBe(lists[0].totalCount + lists[1].totalCount);
      expect(res.data.decisions.cities.map((c: { city: string }) => c.city)).toEqual(['helsinki', 'barcelona']);
      got.push(...res.data.decisions.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!res.data.decisions.pageInfo.hasNextPage) break;
      after = res.data.decisions.pageInfo.endCursor;
    }
    expect(got).toEqual(expected.map((d) => d.id));
  });

  it('refuses bad input before asking a city, naming the argument and what is allowed', async () => {
    const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
      [PAGE, { filter: { cities: ['helsinki', 'atlantis'] } }, 'filter.cities', /"atlantis" is not a city of the graph; the cities are helsinki, amsterdam, barcelona/],
      [PAGE, { first: 101 }, 'first', /between 0 and 100/],
      [PAGE, { after: 'not-a-cursor' }, 'after', /not a cursor of this list/],
      [PAGE, { filter: { from: '2025-02-30' } }, 'filter.from', /not a date/],
      [PAGE, { filter: { topic: ['99'] } }, 'filter.topic', /not a COFOG code/],
    ];
    const other = await graph.query(PAGE, { first: 2, filter: { cities: ['helsinki'] } });
    cases.push([PAGE, { first: 2, after: other.data.decisions.pageInfo.endCursor }, 'after', /another filter/]);
    for (const [query, variables, argumentName, message] of cases) {
      const res = await graph.query(query, variables);
      expect(res.data).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
      expect(res.errors![0].message).toMatch(message);
    }
  });

  it('counts: decisionStats equals the cities\' own stats and the counts of their lists', async () => {
    const res = await graph.query(`{
      byCity: decisionStats(groupBy: [CITY, YEAR, OUTCOME]) { totalCount groupBy buckets { city year month outcome topic bodyType count } cities { city totalCount error } }
      summed: decisionStats(groupBy: [YEAR, OUTCOME]) { totalCount buckets { city year outcome count } }
      ${CITY_IDS.map((id) => `${id} { decisionStats(groupBy: [YEAR, OUTCOME]) { totalCount buckets { year outcome count } } }`).join('\n')}
    }`);
    expect(res.errors).toBeUndefined();
    const { byCity, summed } = res.data;
    const total = CITY_IDS.reduce((n, id) => n + own[id].totalCount, 0);
    expect(byCity.totalCount).toBe(total);
    expect(summed.totalCount).toBe(total);
    expect(byCity.cities).toEqual(CITY_IDS.map((city) => ({ city, totalCount: own[city].totalCount, error: null })));
    // Per city: the city's own buckets, with the city filled in, cities in registry order.
    const expectedByCity = CITY_IDS.flatMap((id) => res.data[id].decisionStats.buckets.map((b: object) => ({ city: id, month: null, topic: null, bodyType: null, ...b })));
    const key = (b: { city?: string | null; year: number | null; outcome: string }) => `${b.city ?? ''}|${b.year}|${b.outcome}`;
    expect(byCity.buckets.map(key)).toEqual(expectedByCity.map(key));
    expect(new Map(byCity.buckets.map((b: { count: number }) => [key(b as never), b.count]))).toEqual(new Map(expectedByCity.map((b: { count: number }) => [key(b as never), b.count])));
    // Summed over cities: the counts the walked list gives.
    const counted = new Map<string, number>();
    for (const d of walked.length ? walked : crossCityOrder(CITY_IDS.map((id) => own[id].items))) {
      const k = `|${d.date ? Number(d.date.slice(0, 4)) : null}|${d.outcome}`;
      counted.set(k, (counted.get(k) ?? 0) + 1);
    }
    expect(new Map(summed.buckets.map((b: { count: number; year: number | null; outcome: string }) => [key({ ...b, city: null }), b.count]))).toEqual(counted);
    // Ordered: newest year first (null last), then outcome ascending.
    const years = summed.buckets.map((b: { year: number | null }) => b.year ?? -1);
    expect(years).toEqual([...years].sort((a: number, b: number) => b - a));
    expect(summed.buckets.every((b: { city: string | null }) => b.city === null)).toBe(true);
  });

  it('refuses a groupBy without dimensions or with one twice', async () => {
    for (const [groupBy, message] of [['[]', /at least one dimension/], ['[YEAR, YEAR]', /YEAR twice/]] as const) {
      const res = await graph.query(`{ decisionStats(groupBy: ${groupBy}) { totalCount } }`);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'groupBy' });
      expect(res.errors![0].message).toMatch(message);
    }
  });

  it('finds records of every kind by global id (node, nodes), null for an id its city does not have', async () => {
    const res = await graph.query(`{
      helsinki { decisions(first: 5) { nodes { id meeting { id } body { id } case { id } } } }
      amsterdam { decisions(first: 5) { nodes { id meeting { id } body { id } } } }
      barcelona { decisions(first: 5) { nodes { id meeting { id } body { id } } } }
    }`);
    expect(res.errors).toBeUndefined();
    const ids = new Set<string>();
    for (const city of CITY_IDS) {
      for (const d of res.data[city].decisions.nodes) {
        for (const id of [d.id, d.meeting?.id, d.body?.id, d.case?.id]) if (id) ids.add(id);
      }
    }
    const wanted = [...ids];
    for (const kind of ['decision', 'meeting', 'body', 'case']) expect(wanted.some((id) => id.split(':')[1] === kind)).toBe(true);
    expect(wanted.length).toBeLessThanOrEqual(100);
    const missing = 'helsinki:decision:{00000000-0000-0000-0000-000000000000}';
    const found = await graph.query(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Decision { title } ... on Meeting { title } ... on Body { name } ... on Case { title } } }`, { ids: [...wanted, missing] });
    expect(found.errors).toBeUndefined();
    expect(found.data.nodes.slice(0, -1).map((n: { id: string }) => n.id)).toEqual(wanted);
    expect(found.data.nodes.at(-1)).toBeNull();
    for (const n of found.data.nodes.slice(0, -1)) {
      const [city, kind] = n.id.split(':');
      expect(n.__typename.startsWith(cityById(city).typePrefix)).toBe(true);
      expect(kind === 'body' ? n.name : n.title).toEqual(expect.any(String));
    }
    const one = await graph.query(`query($id: ID!) { node(id: $id) { id ... on Decision { date outcome } } }`, { id: wanted[0] });
    expect(one.data.node.id).toBe(wanted[0]);
  });

  it('refuses ids of no city or of a kind node does not find, and more than 100 ids', async () => {
    const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
      ['query($id: ID!) { node(id: $id) { id } }', { id: 'atlantis:decision:1' }, 'id', /not a global id of a city of the graph.*helsinki, amsterdam, barcelona/],
      ['query($id: ID!) { node(id: $id) { id } }', { id: 'helsinki' }, 'id', /not a global id/],
      ['query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [own.helsinki.items[0].id, 'helsinki:person:1'] }, 'ids[1]', /kind `person`.*decision, meeting, body, case/],
      ['query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array.from({ length: 101 }, () => own.helsinki.items[0].id) }, 'ids', /at most 100/],
    ];
    for (const [query, variables, argumentName, message] of cases) {
      const res = await graph.query(query, variables);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
      expect(res.errors![0].message).toMatch(message);
    }
  });

  it('lists the cities in registry order with their capabilities, and the topic scheme', async () => {
    const res = await graph.query('{ cities { __typename id name capabilities { outcome votes categories topics stemmedLanguages decisionStats } } topicScheme { code name groups { code name } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.cities.map((c: { id: string; __typename: string }) => [c.id, c.__typename])).toEqual(CITY_IDS.map((id) => [id, `${cityById(id).typePrefix}City`]));
    for (const c of res.data.cities) expect(c.capabilities.decisionStats).toBe(true);
    expect(res.data.topicScheme.map((d: { code: string }) => d.code)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10']);
    expect(res.data.topicScheme[5].groups.map((g: { code: string }) => g.code)).toContain('06.1');
  });

  it('caches a cross-city answer briefly: a repeat is a cache hit', async () => {
    const ask = () => fetch(graph.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ decisions(first: 3, filter: { text: "budget" }) { totalCount edges { node { id } } } }' }) });
    const first = await ask();
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(Number(/max-age=(\d+)/.exec(first.headers.get("cache-control") ?? "")?.[1])).toBeGreaterThan(0);
    expect((await ask()).headers.get('x-cache')).toBe('HIT');
  });

  it('never caches `graph`, alone or beside a cross-city field', async () => {
    for (const query of ['{ graph { composition } }', '{ graph { composition } topicScheme { code } }']) {
      const ask = () => fetch(graph.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      expect((await ask()).headers.get('x-cache')).toBe('BYPASS');
      expect((await ask()).headers.get('x-cache')).toBe('BYPASS');
    }
  });

  describe('with a city down (live composition)', () => {
    let running: RunningService;
    beforeAll(async () => {
      // Barcelona's subgraph at a port nothing listens on: live composition serves it from the
      // checkout's schema (last good), and its queries fail.
      const dead = `http://127.0.0.1:${await freePort()}/graphql`;
      const urls = { ...Object.fromEntries(CITY_IDS.map((id) => [id, graph.cities[id].url])), barcelona: dead };
      const gateway = await buildGateway({ liveSupergraph: { pollMs: 0 }, subgraphUrls: urls, subgraphTimeoutMs: 5000 }, logger);
      running = await gateway.listen(0);
    });
    afterAll(async () => {
      await running?.close();
    });

    it('leaves the city out with an error naming it; the others answer, and the answer is not cached', async () => {
      const ask = () => fetch(running.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PAGE, variables: { first: 50 } }) });
      const res = await ask();
      expect(res.headers.get('x-cache')).toBe('BYPASS');
      const body = (await res.json()) as { data: { decisions: { totalCount: number; cities: unknown[]; edges: Array<{ city: string; node: { id: string } }> } }; errors: Array<{ message: string; extensions: Record<string, unknown> }> };
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].extensions).toMatchObject({ code: 'CITY_UNAVAILABLE', city: 'barcelona' });
      expect(body.errors[0].message).toMatch(/Barcelona is unavailable/);
      const { decisions } = body.data;
      expect(decisions.totalCount).toBe(own.helsinki.totalCount + own.amsterdam.totalCount);
      expect(decisions.cities).toEqual([
        { city: 'helsinki', totalCount: own.helsinki.totalCount, error: null },
        { city: 'amsterdam', totalCount: own.amsterdam.totalCount, error: null },
        { city: 'barcelona', totalCount: null, error: expect.stringMatching(/Barcelona is unavailable/) },
      ]);
      const expected = crossCityOrder([own.helsinki.items, own.amsterdam.items]).slice(0, 50);
      expect(decisions.edges.map((e) => e.node.id)).toEqual(expected.map((d) => d.id));
      expect((await ask()).headers.get('x-cache')).toBe('BYPASS');

      const stats = await postGraphQL(running.url, '{ decisionStats(groupBy: [CITY]) { totalCount buckets { city count } cities { city totalCount error } } }');
      expect(stats.errors![0].extensions).toMatchObject({ code: 'CITY_UNAVAILABLE', city: 'barcelona' });
      expect(stats.data.decisionStats.buckets).toEqual([{ city: 'helsinki', count: own.helsinki.totalCount }, { city: 'amsterdam', count: own.amsterdam.totalCount }]);

      // The city is listed (it is in the graph), null where its own fields are asked, with its error.
      expect((await postGraphQL(running.url, '{ cities { id } }')).data.cities).toEqual(CITY_IDS.map((id) => ({ id })));
      const cities = await postGraphQL(running.url, '{ cities { id name } }');
      expect(cities.data.cities).toEqual([{ id: 'helsinki', name: 'Helsinki' }, { id: 'amsterdam', name: 'Amsterdam' }, null]);
      expect(cities.errors![0].extensions).toMatchObject({ code: 'CITY_UNAVAILABLE', city: 'barcelona' });

      const nodes = await postGraphQL(running.url, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [own.helsinki.items[0].id, own.barcelona.items[0].id] });
      expect(nodes.data.nodes).toEqual([{ id: own.helsinki.items[0].id }, null]);
      expect(nodes.errors![0].extensions).toMatchObject({ code: 'CITY_UNAVAILABLE', city: 'barcelona' });

      // After repeated failures the city's circuit opens: it is left out at once, the others still answer.
      let last: Awaited<ReturnType<typeof postGraphQL>> | undefined;
      for (let i = 0; i < 6; i++) last = await postGraphQL(running.url, '{ decisions(first: 1) { totalCount } }');
      expect(last!.errors![0].message).toMatch(/Barcelona is unavailable: the barcelona subgraph failed repeatedly/);
      expect(last!.data.decisions.totalCount).toBe(own.helsinki.totalCount + own.amsterdam.totalCount);
    });
  });
});
