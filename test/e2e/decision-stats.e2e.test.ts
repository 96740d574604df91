/**
 * Counts and topics of real cities, through a real gateway over real subgraphs and replicas on
 * loopback (registry-graph.ts): for Helsinki (Ahjo), Amsterdam (Notubiz) and Barcelona (Decidim),
 * `decisionStats` equals the counts made by walking every page of the same city's `decisions` with the
 * same filter; the topic and bodyType filters select exactly the listed decisions with that topic or
 * body kind; `topics` agrees with the list; bad arguments are refused naming them; capabilities are
 * there; and each City is an entity the gateway can fetch by reference (`_entities`).
 */
import { cityById } from '../../schema/cities';
import { postGraphQL } from './harness';
import { startRegistryGraph, type RegistryGraph } from './registry-graph';
import type { DecisionBucket } from '../../subgraphs/shared/decision-stats';

const CITIES = ['helsinki', 'amsterdam', 'barcelona'].map((id) => cityById(id));

interface Listed {
  id: string;
  date: string | null;
  outcome: string;
  topic: { code: string; division: string; method: string; sourceValue: string } | null;
  body: { type: string } | null;
}

/** A bucket as the API answers it. */
type Bucket = DecisionBucket;

const BUCKET = 'city year month outcome topic bodyType count';

describe('decision counts and topics, per city', () => {
  let graph: RegistryGraph;
  beforeAll(async () => {
    graph = await startRegistryGraph(CITIES);
  }, 600_000);
  afterAll(async () => {
    await graph?.close();
  });

  /** Every decision the filter selects, walking the list page by page. */
  async function walk(city: string, filter: Record<string, unknown> | null): Promise<Listed[]> {
    const out: Listed[] = [];
    let after: string | null = null;
    let totalCount = -1;
    for (;;) {
      const res = await graph.query(
        `query($f: DecisionFilter, $after: String) { ${city} { decisions(filter: $f, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id date outcome topic { code division method sourceValue } body { type } } } } }`,
        { f: filter, after },
      );
      expect(res.errors).toBeUndefined();
      const page = res.data[city].decisions;
      totalCount = page.totalCount;
      out.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(out.length).toBe(totalCount);
    return out;
  }

  async function stats(city: string, filter: Record<string, unknown> | null, groupBy: string[]) {
    const res = await graph.query(`query($f: DecisionFilter, $g: [DecisionDimension!]!) { ${city} { decisionStats(filter: $f, groupBy: $g) { totalCount groupBy buckets { ${BUCKET} } } } }`, { f: filter, g: groupBy });
    expect(res.errors).toBeUndefined();
    return res.data[city].decisionStats as { totalCount: number; groupBy: string[]; buckets: Bucket[] };
  }

  /** Buckets counted client-side from listed decisions. */
  function counted(city: string, listed: Listed[], groupBy: string[]): Map<string, number> {
    const valueOf: Record<string, (d: Listed) => unknown> = {
      CITY: () => city,
      YEAR: (d) => (d.date ? Number(d.date.slice(0, 4)) : null),
      MONTH: (d) => d.date?.slice(0, 7) ?? null,
      OUTCOME: (d) => d.outcome,
      TOPIC: (d) => d.topic?.division ?? null,
      BODY_TYPE: (d) => d.body?.type ?? null,
    };
    const out = new Map<string, number>();
    for (const d of listed) {
      const key = JSON.stringify(groupBy.map((g) => valueOf[g](d)));
      out.set(key, (out.get(key) ?? 0) + 1);
    }
    return out;
  }

  const asMap = (buckets: Bucket[], groupBy: string[]) => {
    const field: Record<string, keyof Bucket> = { CITY: 'city', YEAR: 'year', MONTH: 'month', OUTCOME: 'outcome', TOPIC: 'topic', BODY_TYPE: 'bodyType' };
    return new Map(buckets.map((b) => [JSON.stringify(groupBy.map((g) => b[field[g]])), b.count]));
  };

  const GROUPINGS = [['YEAR', 'MONTH', 'OUTCOME'], ['TOPIC'], ['BODY_TYPE'], ['CITY', 'OUTCOME']];

  it.each(CITIES.map((c) => [c.id]))('%s: decisionStats equals the counts of its walked list, unfiltered and filtered by topic and body type', async (city) => {
    const all = await walk(city, null);
    expect(all.length).toBeGreaterThan(0);
    for (const groupBy of GROUPINGS) {
      const s = await stats(city, null, groupBy);
      expect(s.groupBy).toEqual(groupBy);
      expect(s.totalCount).toBe(all.length);
      expect(asMap(s.buckets, groupBy)).toEqual(counted(city, all, groupBy));
      // Dimensions not counted by are null.
      if (!groupBy.includes('CITY')) expect(s.buckets.every((b) => b.city === null)).toBe(true);
    }
    // Ordered as the contract says: years and months newest first, then outcomes ascending.
    const byMonth = (await stats(city, null, ['YEAR', 'MONTH', 'OUTCOME'])).buckets;
    const rank = (b: Bucket) => [b.year === null ? 1 : 0, -(b.year ?? 0), b.month === null ? 1 : 0, b.month ?? '', b.outcome ?? ''] as const;
    for (let i = 1; i < byMonth.length; i++) {
      const [p, q] = [rank(byMonth[i - 1]), rank(byMonth[i])];
      const cmp = p[0] - q[0] || p[1] - q[1] || p[2] - q[2] || (p[3] === q[3] ? 0 : p[3] > q[3] ? -1 : 1) || (p[4] < q[4] ? -1 : p[4] > q[4] ? 1 : 0);
      expect(cmp).toBeLessThan(0);
    }

    // The topic filter: a division selects exactly the listed decisions under it (and a group is within its division).
    const divisions = [...new Set(all.flatMap((d) => (d.topic ? [d.topic.division] : [])))];
    // A city whose table maps none of its decisions (Amsterdam's deciding bodies decide on every subject) matches none.
    if (divisions.length === 0) expect(await walk(city, { topic: ['06', '01'] })).toEqual([]);
    for (const division of divisions.slice(0, 3)) {
      const listed = await walk(city, { topic: [division] });
      expect(listed.map((d) => d.id).sort()).toEqual(all.filter((d) => d.topic?.division === division).map((d) => d.id).sort());
      expect((await stats(city, { topic: [division] }, ['TOPIC'])).buckets).toEqual([{ city: null, year: null, month: null, outcome: null, topic: division, bodyType: null, count: listed.length }]);
    }
    const group = all.find((d) => d.topic && d.topic.code.includes('.'))?.topic?.code;
    if (group) expect((await walk(city, { topic: [group] })).map((d) => d.id).sort()).toEqual(all.filter((d) => d.topic?.code === group).map((d) => d.id).sort());

    // The bodyType filter: exactly the listed decisions whose body is of that kind.
    const kinds = [...new Set(all.flatMap((d) => (d.body ? [d.body.type] : [])))];
    expect(kinds.length).toBeGreaterThan(0);
    for (const kind of kinds) {
      const listed = await walk(city, { bodyType: [kind] });
      expect(listed.map((d) => d.id).sort()).toEqual(all.filter((d) => d.body?.type === kind).map((d) => d.id).sort());
      const s = await stats(city, { bodyType: [kind] }, ['BODY_TYPE', 'TOPIC']);
      expect(asMap(s.buckets, ['BODY_TYPE', 'TOPIC'])).toEqual(counted(city, listed, ['BODY_TYPE', 'TOPIC']));
    }

    // topics: the coverage agrees with the list; unmapped values are those of the decisions without a topic.
    const res = await graph.query(`{ ${city} { topics { method table records recordsWith share unmapped(first: 100) { field value records } } capabilities { outcome votes categories topics stemmedLanguages decisionStats } } }`);
    expect(res.errors).toBeUndefined();
    const { topics, capabilities } = res.data[city];
    expect(topics.records).toBe(all.length);
    expect(topics.recordsWith).toBe(all.filter((d) => d.topic).length);
    expect(topics.table).toBe(`topics/${city}.yaml`);
    expect(topics.share).toBeCloseTo(topics.recordsWith / topics.records, 4);
    expect(topics.unmapped.every((u: { field: string }) => u.field === 'Decision.topic')).toBe(true);
    expect(topics.unmapped.reduce((sum: number, u: { records: number }) => sum + u.records, 0)).toBeLessThanOrEqual(all.length - topics.recordsWith);
    const counts = topics.unmapped.map((u: { records: number }) => u.records);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    for (const d of all.filter((x) => x.topic)) expect(d.topic!.method).toBe(topics.method);
    expect(capabilities).toMatchObject({ topics: topics.method, decisionStats: true });
    for (const k of ['outcome', 'votes', 'categories']) expect(['FULL', 'PARTIAL', 'DERIVED', 'NONE']).toContain(capabilities[k]);
  }, 120_000);

  it('refuses a bad topic, body type or groupBy, naming the argument and what is allowed', async () => {
    const city = 'helsinki';
    const bad = async (query: string, variables: Record<string, unknown>) => {
      const res = await graph.query(query, variables);
      expect(res.errors?.length).toBeGreaterThan(0);
      return res.errors![0];
    };
    const statsQuery = `query($f: DecisionFilter, $g: [DecisionDimension!]!) { ${city} { decisionStats(filter: $f, groupBy: $g) { totalCount } } }`;
    const listQuery = `query($f: DecisionFilter) { ${city} { decisions(filter: $f) { totalCount } } }`;
    for (const q of [statsQuery, listQuery]) {
      const e = await bad(q, { f: { topic: ['housing'] }, g: ['YEAR'] });
      expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.topic' });
      expect(e.message).toMatch(/"housing" is not a COFOG code; give a division `01` … `10`/);
    }
    for (const [g, pattern] of [[[], /at least one dimension/], [['YEAR', 'YEAR'], /names YEAR twice/]] as const) {
      const e = await bad(statsQuery, { f: null, g });
      expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'groupBy' });
      expect(e.message).toMatch(pattern);
    }
    // An unknown enum value never reaches the city: GraphQL refuses it, naming the variable.
    const e = await bad(statsQuery, { f: { bodyType: ['MAYOR'] }, g: ['YEAR'] });
    expect(e.message).toMatch(/MAYOR/);
    expect(e.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });

  it('serves each City as an entity: _entities resolves a reference by id (another id: null)', async () => {
    for (const c of CITIES) {
      const res = await postGraphQL(
        graph.cities[c.id].url,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${c.typePrefix}City { id name capabilities { decisionStats } decisionStats(groupBy: [CITY]) { totalCount buckets { city count } } } } }`,
        { r: [{ __typename: `${c.typePrefix}City`, id: c.id }, { __typename: `${c.typePrefix}City`, id: 'elsewhere' }] },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data._entities[0]).toMatchObject({ id: c.id, name: c.name, capabilities: { decisionStats: true } });
      expect(res.data._entities[0].decisionStats.buckets).toEqual([{ city: c.id, count: res.data._entities[0].decisionStats.totalCount }]);
      expect(res.data._entities[1]).toBeNull();
    }
  });
});
