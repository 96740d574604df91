/**
 * Topics in the store and decision counts, on both engines (PGlite and the machine's PostgreSQL): the
 * store gives each decision its topic from the city's table as it writes it and again for all when the
 * table changed; `decisionStats` counts exactly the rows the same condition lists; the topic and
 * bodyType filters and groupBy are checked with errors naming the argument.
 */
import { GraphQLError } from 'graphql';
import { Store, Where } from '../subgraphs/shared/store/store';
import type { DecisionRow } from '../subgraphs/shared/store/rows';
import { searchText } from '../subgraphs/shared/store/search';
import { bodyTypeCondition, checkGroupBy, contractDecisionConditions, decisionStats, topicCondition, topicCoverage, unmappedTopicValues, type DecisionDimension } from '../subgraphs/shared/decision-stats';
import { parseTopicTable } from '../schema/topics';
import { TEST_DATABASE_URL } from './e2e/harness';

const engines: Array<[string, { databaseUrl?: string }]> = [
  ['PGlite', {}],
  ['PostgreSQL', { databaseUrl: TEST_DATABASE_URL }],
];

let n = 0;
const schemaName = () => `stats_test_${process.pid}_${n++}`;

// A SOURCE_CODE table as Helsinki's: category keys are every prefix of the code, the longest listed wins.
const TABLE_V1 = `scheme: Test classification
method: SOURCE_CODE
review: Written for this test.
entries:
  - { value: "10", code: "06" }
  - { value: "10 03", code: "06.1" }
  - { value: "02", code: "09" }
`;
const TABLE_V2 = TABLE_V1.replace('{ value: "02", code: "09" }', '{ value: "02", code: "09.1" }\n  - { value: "05", code: "10" }');

function decision(i: number, extra: Partial<DecisionRow> = {}): DecisionRow {
  const date = `${2020 + (i % 3)}-${String((i % 12) + 1).padStart(2, '0')}-0${(i % 9) + 1}`;
  return {
    id: `t:decision:${String(i).padStart(4, '0')}`,
    sourceId: String(i),
    date,
    sortKey: date,
    bodyIds: [`t:body:b${i % 3}`],
    bodyId: `t:body:b${i % 3}`,
    outcome: ['ADOPTED', 'REJECTED', 'UNKNOWN'][i % 3 === 0 ? 0 : i % 5 === 0 ? 1 : 2],
    categories: [['10', '10 03'], ['10'], ['02'], ['05'], []][i % 5],
    search: searchText([`decision ${i}`]),
    doc: { id: `t:decision:${i}`, n: i },
    ...extra,
  };
}

const ROWS: DecisionRow[] = [
  ...Array.from({ length: 60 }, (_, i) => decision(i)),
  // One without a date, one whose kind the mapping stored, one naming no body.
  decision(60, { date: null, sortKey: '' }),
  decision(61, { bodyType: 'COUNCIL', bodyId: null }),
  decision(62, { bodyIds: [], bodyId: null }),
];

describe.each(engines)('decision topics and counts on %s', (_engine, settings) => {
  const opened: Array<{ store: Store; schema: string }> = [];
  async function open(topics: string | null | undefined, schema = schemaName()): Promise<Store> {
    const store = await Store.open({ city: schema, dataDir: 'memory', languages: ['fi'], topics: topics === undefined ? undefined : topics === null ? null : parseTopicTable(topics, 'topics/test.yaml', 'test'), ...settings });
    opened.push({ store, schema });
    return store;
  }
  afterAll(async () => {
    for (const { store, schema } of opened) {
      if (store.engine === 'postgres') await store.db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
      await store.close().catch(() => undefined);
    }
  });

  async function filled(topics: string | null | undefined = TABLE_V1, schema?: string): Promise<Store> {
    return fill(await open(topics, schema));
  }
  async function fill(store: Store): Promise<Store> {
    await store.applyUnits([
      { key: 'bodies', bodies: [0, 1, 2].map((b) => ({ id: `t:body:b${b}`, sourceId: `b${b}`, sortKey: `b${b}`, type: ['COMMITTEE', 'OFFICER', 'BOARD'][b], active: true, parentId: null, search: '', doc: {} })) },
      { key: 'decisions', decisions: ROWS },
    ]);
    return store;
  }

  const topicsOf = async (store: Store) =>
    Object.fromEntries((await store.db.query<{ id: string; topic: string | null; topic_source: string | null }>('SELECT id, topic, topic_source FROM decisions ORDER BY id')).map((r) => [r.id, [r.topic, r.topic_source]]));

  it('gives each decision its topic as it is written, and serves it with the decision', async () => {
    const store = await filled();
    const t = await topicsOf(store);
    // The longest listed prefix wins; the value looked up is the longest key; no categories: nothing looked up.
    expect(t['t:decision:0000']).toEqual(['06.1', '10 03']);
    expect(t['t:decision:0001']).toEqual(['06', '10']);
    expect(t['t:decision:0002']).toEqual(['09', '02']);
    expect(t['t:decision:0003']).toEqual([null, '05']);
    expect(t['t:decision:0004']).toEqual([null, null]);
    const served = await store.byIds<{ topic: unknown }>('decisions', ['t:decision:0000', 't:decision:0003']);
    expect(served.get('t:decision:0000')!.topic).toEqual({ code: '06.1', name: expect.any(String), division: '06', divisionName: expect.any(String), method: 'SOURCE_CODE', sourceValue: '10 03' });
    expect(served.get('t:decision:0003')!.topic).toBeNull();
    const page = await store.list<{ topic: { code: string } | null }>({ table: 'decisions', where: new Where().add('id = ?', 't:decision:0001'), order: 'newest', first: 1 });
    expect(page.nodes[0].topic?.code).toBe('06');
    const bySource = await store.bySourceIds<{ topic: { code: string } | null }>('decisions', ['2']);
    expect(bySource.get('2')!.topic?.code).toBe('09');
  });

  it('recomputes every topic at open when the table changed, and only then; without a table topics are cleared', async () => {
    const schema = schemaName();
    const first = await filled(TABLE_V1, schema);
    if (first.engine === 'pglite') return; // an in-memory PGlite is gone once closed: reopening is tested on PostgreSQL
    await first.close();
    const second = await open(TABLE_V2, schema);
    let t = await topicsOf(second);
    expect(t['t:decision:0002']).toEqual(['09.1', '02']);
    expect(t['t:decision:0003']).toEqual(['10', '05']);
    expect(await second.deriveTopics(second.topicTable!)).toBeNull(); // up to date: nothing read or written
    await second.close();
    const third = await open(null, schema);
    t = await topicsOf(third);
    expect(Object.values(t).every(([topic]) => topic === null)).toBe(true);
    expect((await third.byIds<{ topic: unknown }>('decisions', ['t:decision:0000'])).get('t:decision:0000')!.topic).toBeNull();
  });

  it('recomputes in batches (deriveTopics on a store whose table changed)', async () => {
    // Opened without a table: topics are left null.
    const store = await fill(await open(undefined));
    expect((await topicsOf(store))['t:decision:0000']).toEqual([null, null]);
    const table = parseTopicTable(TABLE_V1, 'topics/test.yaml', 'test');
    expect(await store.deriveTopics(table, 7)).toBe(ROWS.filter((r) => (r.categories ?? []).length).length);
    expect(await topicsOf(store)).toEqual(await topicsOf(await filled(TABLE_V1)));
  });

  it('counts by every dimension exactly the rows the same condition selects, ordered as the contract says', async () => {
    const store = await filled();
    const dims: DecisionDimension[][] = [['YEAR', 'MONTH', 'OUTCOME'], ['TOPIC'], ['BODY_TYPE'], ['CITY'], ['CITY', 'TOPIC', 'BODY_TYPE']];
    const types: Record<string, string> = { 't:body:b0': 'COMMITTEE', 't:body:b1': 'OFFICER', 't:body:b2': 'BOARD' };
    const t = await topicsOf(store);
    const valueOf = (r: DecisionRow, d: DecisionDimension) =>
      ({ CITY: 'test', YEAR: r.date ? Number(r.date.slice(0, 4)) : null, MONTH: r.date?.slice(0, 7) ?? null, OUTCOME: r.outcome, TOPIC: t[r.id][0]?.slice(0, 2) ?? null, BODY_TYPE: r.bodyType ?? (r.bodyId ? types[r.bodyId] : null) })[d];
    for (const groupBy of dims) {
      for (const filter of [null, { topic: ['06'] }, { bodyType: ['OFFICER', 'COUNCIL'] }]) {
        const where = contractDecisionConditions(new Where(), filter);
        const stats = await decisionStats(store, 'test', where, groupBy);
        const listed = (await store.list<{ n: number }>({ table: 'decisions', where, order: 'newest', first: 1000 })).edges.map((e) => ROWS.find((r) => (r.doc as { n: number }).n === e.node.n)!);
        const expected = new Map<string, number>();
        for (const r of listed) {
          const key = JSON.stringify(groupBy.map((d) => valueOf(r, d)));
          expected.set(key, (expected.get(key) ?? 0) + 1);
        }
        const got = new Map(stats.buckets.map((b) => [JSON.stringify(groupBy.map((d) => ({ CITY: b.city, YEAR: b.year, MONTH: b.month, OUTCOME: b.outcome, TOPIC: b.topic, BODY_TYPE: b.bodyType })[d])), b.count]));
        expect(got).toEqual(expected);
        expect(stats.totalCount).toBe(listed.length);
        expect(stats.groupBy).toEqual(groupBy);
      }
    }
    // YEAR newest first with nulls last; OUTCOME ascending.
    const byYear = await decisionStats(store, 'test', new Where(), ['YEAR', 'OUTCOME']);
    const yearOrder = (y: number | null) => (y === null ? Infinity : -y);
    const sorted = [...byYear.buckets].sort((x, y) => yearOrder(x.year) - yearOrder(y.year) || (x.outcome! < y.outcome! ? -1 : x.outcome! > y.outcome! ? 1 : 0));
    expect(byYear.buckets.map((b) => [b.year, b.outcome])).toEqual(sorted.map((b) => [b.year, b.outcome]));
    expect(byYear.buckets[0].year).toBe(2022);
    expect(byYear.buckets[byYear.buckets.length - 1].year).toBeNull();
    const byTopic = await decisionStats(store, 'test', new Where(), ['TOPIC']);
    expect(byTopic.buckets.map((b) => b.topic)).toEqual(['06', '09', null]);
    // A filter matching nothing: no buckets.
    expect(await decisionStats(store, 'test', topicCondition(new Where(), ['01']), ['CITY'])).toEqual({ totalCount: 0, groupBy: ['CITY'], buckets: [] });
  });

  it('reports the topic coverage and the values left unmapped, most frequent first', async () => {
    const store = await filled();
    const table = store.topicTable!;
    const coverage = await topicCoverage(store, table);
    const withTopic = ROWS.filter((r) => ['10', '02'].some((c) => (r.categories ?? []).includes(c))).length;
    expect(coverage).toMatchObject({ method: 'SOURCE_CODE', table: 'topics/test.yaml', records: ROWS.length, recordsWith: withTopic, share: Math.round((withTopic / ROWS.length) * 10000) / 10000 });
    expect(await coverage.unmapped({ first: 5 })).toEqual([{ field: 'Decision.topic', value: '05', records: ROWS.filter((r) => r.categories?.[0] === '05').length }]);
    await expect(unmappedTopicValues(store, 101)).rejects.toThrow(/`first`: must be between 0 and 100/);
  });
});

describe('decision filter and groupBy checks', () => {
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      return [(err as GraphQLError).extensions?.code, (err as GraphQLError).extensions?.argumentName, (err as Error).message];
    }
    return null;
  };

  it('accepts COFOG divisions and groups, a division matching its groups', () => {
    const where = topicCondition(new Where(), ['06', '09.1']);
    expect(where.sql()).toBe('WHERE (topic = ANY($1::text[]) OR topic LIKE $2)');
    expect(where.params).toEqual([['06', '09.1'], '06.%']);
    expect(topicCondition(new Where(), []).sql()).toBe('WHERE false');
  });

  it('refuses other topic codes, body types and groupBy lists, naming the argument and what is allowed', () => {
    for (const bad of ['6', '11', '06.0', '06.10', 'housing', '']) {
      expect(code(() => topicCondition(new Where(), [bad]))).toEqual(['BAD_USER_INPUT', 'filter.topic', expect.stringMatching(/is not a COFOG code; give a division `01` … `10`/)]);
    }
    expect(code(() => bodyTypeCondition(new Where(), ['MAYOR']))).toEqual(['BAD_USER_INPUT', 'filter.bodyType', expect.stringMatching(/unknown body type MAYOR; allowed: COUNCIL, BOARD/)]);
    expect(code(() => checkGroupBy([]))).toEqual(['BAD_USER_INPUT', 'groupBy', expect.stringMatching(/at least one dimension of CITY, YEAR, MONTH, OUTCOME, TOPIC, BODY_TYPE/)]);
    expect(code(() => checkGroupBy(['YEAR', 'TOPIC', 'YEAR']))).toEqual(['BAD_USER_INPUT', 'groupBy', expect.stringMatching(/names YEAR twice/)]);
    expect(checkGroupBy(['MONTH', 'CITY'])).toEqual(['MONTH', 'CITY']);
  });
});
