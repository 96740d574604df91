/**
 * The store, on both engines: the same suite runs on PGlite (in memory and in a directory) and on
 * the machine's PostgreSQL (a schema of its own, dropped afterwards).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Store, Where, type Page } from '../subgraphs/shared/store/store';
import { migrate, migrationFiles } from '../subgraphs/shared/store/migrations';
import type { DecisionRow, Unit } from '../subgraphs/shared/store/rows';
import { searchText } from '../subgraphs/shared/store/search';
import { TEST_DATABASE_URL } from './e2e/harness';
import { measureCoverage, type CoverageNote } from '../subgraphs/shared/coverage';

const engines: Array<[string, { databaseUrl?: string }]> = [
  ['PGlite', {}],
  ['PostgreSQL', { databaseUrl: TEST_DATABASE_URL }],
];

let n = 0;
const schemaName = () => `store_test_${process.pid}_${n++}`;

function decision(id: string, date: string | null, extra: Partial<DecisionRow> = {}): DecisionRow {
  return { id: `t:decision:${id}`, sourceId: id, date, sortKey: date ?? '', bodyIds: ['t:body:b1'], outcome: 'ADOPTED', search: searchText([`decision ${id}`]), doc: { id, date }, ...extra };
}

describe.each(engines)('the store on %s', (_engine, settings) => {
  const opened: Array<{ store: Store; schema: string }> = [];
  async function open(languages = ['fi', 'sv', 'nl', 'es', 'ca'], schema = schemaName()): Promise<Store> {
    const store = await Store.open({ city: schema, dataDir: 'memory', languages, ...settings });
    opened.push({ store, schema });
    return store;
  }
  afterAll(async () => {
    for (const { store, schema } of opened) {
      if (store.engine === 'postgres') await store.db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
      await store.close().catch(() => undefined);
    }
  });

  it('applies every migration once, and refuses a store migrated by newer code', async () => {
    const store = await open();
    const applied = await store.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(applied.map((r) => Number(r.version))).toEqual(migrationFiles().map((m) => m.version));
    expect(await migrate(store.db)).toEqual([]);
    await store.db.query("INSERT INTO schema_migrations (version, name) VALUES (9999, 'from_the_future')");
    await expect(migrate(store.db)).rejects.toThrow(/migrated to version 9999 by newer code/);
    await store.db.query('DELETE FROM schema_migrations WHERE version = 9999');
  });

  it('refreshes the statistics after many writes, and on PGlite (no autovacuum) also vacuums', async () => {
    const store = await open();
    const rows = Array.from({ length: 300 }, (_, i) => decision(String(i), `2020-01-${String((i % 28) + 1).padStart(2, '0')}`));
    await store.applyUnits([{ key: 'many', decisions: rows }]);
    await store.applyUnits([{ key: 'many', decisions: rows.map((r) => ({ ...r, outcome: 'REJECTED' })) }]);
    await store.analyze({ vacuum: true });
    const [stats] = await store.db.query<{ analyzed: boolean; vacuumed: boolean; dead: number }>(
      "SELECT last_analyze IS NOT NULL AS analyzed, last_vacuum IS NOT NULL AS vacuumed, n_dead_tup::int AS dead FROM pg_stat_user_tables WHERE relname = 'decisions' AND schemaname = current_schema()",
    );
    expect(stats.analyzed).toBe(true);
    // On PostgreSQL the server's autovacuum does it; on PGlite the store must.
    if (store.engine === 'pglite') expect(stats).toMatchObject({ vacuumed: true, dead: 0 });
    expect(await store.count('decisions', new Where().add('date >= ?::date', '2020-01-15').add('date < ?::date', '2020-02-01'))).toBe(rows.filter((r) => r.date! >= '2020-01-15').length);
  });

  it('checkpoints PGlite as its WAL grows (PGlite runs no checkpointer; its WAL would be kept until close)', async () => {
    if (settings.databaseUrl) return; // the server's checkpointer does it
    const store = await Store.open({ city: schemaName(), dataDir: 'memory', languages: ['fi'], checkpointWalMb: 1 });
    try {
      const checkpoint = async () => (await store.db.query<{ lsn: string }>('SELECT checkpoint_lsn::text AS lsn FROM pg_control_checkpoint()'))[0].lsn;
      const before = await checkpoint();
      const text = 'x'.repeat(2000);
      for (let i = 0; i < 3; i++) {
        await store.applyUnits([{ key: `big${i}`, decisions: Array.from({ length: 300 }, (_, j) => decision(`${i}-${j}`, '2024-01-01', { doc: { text } })) }]);
      }
      expect(await checkpoint()).not.toBe(before);
    } finally {
      await store.close();
    }
  });

  it('writes a unit, rewrites only what changed, deletes what the unit no longer gives', async () => {
    const store = await open();
    const unit = (rows: DecisionRow[]): Unit => ({ key: 'u1', decisions: rows, voteEvents: [{ id: 'v1', decisionId: 't:decision:1', position: 0, yes: 3, no: 1, abstain: 0, absent: 0, doc: { id: 'v1' } }] });
    expect(await store.applyUnits([unit([decision('1', '2025-01-01'), decision('2', '2025-01-02')])])).toEqual({ written: 3, deleted: 0 });
    expect(await store.applyUnits([unit([decision('1', '2025-01-01'), decision('2', '2025-01-02')])])).toEqual({ written: 0, deleted: 0 });
    expect(await store.applyUnits([unit([decision('1', '2025-01-01', { outcome: 'REJECTED' })])])).toEqual({ written: 1, deleted: 1 });
    expect((await store.byIds('decisions', ['t:decision:1', 't:decision:2'])).size).toBe(1);
    expect(await store.count('decisions', new Where().add('outcome = ?', 'REJECTED'))).toBe(1);
    expect(await store.applyUnits([], ['u1'])).toEqual({ written: 0, deleted: 2 });
    expect(await store.count('decisions', new Where())).toBe(0);
  });

  it('pages newest first with keyset cursors: every row once, undated last, stable when rows arrive', async () => {
    const store = await open();
    const dates = ['2024-05-01', '2025-01-01', null, '2025-01-01', '2023-12-31', '2025-06-30', null];
    await store.applyUnits([{ key: 'u', decisions: dates.map((d, i) => decision(String(i), d)) }]);
    const walk = async (first: number) => {
      const ids: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: Page<{ id: string }> = await store.list<{ id: string }>({ table: 'decisions', where: new Where(), order: 'newest', first, after });
        ids.push(...page.nodes.map((x) => x.id));
        expect(await page.totalCount()).toBe(dates.length);
        expect(await page.pageInfo.hasPreviousPage()).toBe(after !== null);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      return ids;
    };
    const expected = ['5', '1', '3', '0', '4', '2', '6'];
    expect(await walk(2)).toEqual(expected);
    expect(await walk(100)).toEqual(expected);
    // A cursor stays put when a newer row arrives before it.
    const first = await store.list<{ id: string }>({ table: 'decisions', where: new Where(), order: 'newest', first: 3 });
    await store.applyUnits([{ key: 'v', decisions: [decision('new', '2026-01-01')] }]);
    const next = await store.list<{ id: string }>({ table: 'decisions', where: new Where(), order: 'newest', first: 2, after: first.pageInfo.endCursor });
    expect(next.nodes.map((x) => x.id)).toEqual(['0', '4']);
    await expect(store.list({ table: 'decisions', where: new Where(), order: 'newest', first: 2, after: 'bm90LWEtY3Vyc29y' })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' } });
    // A selective filter (a short period) is read through its index and sorted: the same pages.
    const pages = async (selective: boolean) => {
      const ids: string[] = [];
      let after: string | null = null;
      for (;;) {
        const where = new Where().add('date >= ?::date', '2000-01-01').add('date < ?::date', '2030-01-01');
        where.selective = selective;
        const page: Page<{ id: string }> = await store.list<{ id: string }>({ table: 'decisions', where, order: 'newest', first: 2, after });
        ids.push(...page.nodes.map((x) => x.id));
        if (!page.pageInfo.hasNextPage) return ids;
        after = page.pageInfo.endCursor;
      }
    };
    expect(await pages(true)).toEqual(await pages(false));
    expect((await pages(true)).length).toBeGreaterThan(4);
  });

  it('orders by name in byte order and by position with unnumbered rows last', async () => {
    const store = await open();
    await store.applyUnits([{
      key: 'b',
      bodies: ['Östermalm', 'alpha', 'Zeta', 'zeta'].map((name, i) => ({ id: `t:body:${i}`, sourceId: String(i), sortKey: name.toLowerCase(), type: 'OTHER', active: true, parentId: null, search: searchText([name]), doc: { name } })),
      decisions: [decision('a', '2025-01-01', { meetingId: 'm', position: 2 }), decision('b', '2025-01-01', { meetingId: 'm', position: null }), decision('c', '2025-01-01', { meetingId: 'm', position: 1 })],
    }]);
    const names = await store.list<{ name: string }>({ table: 'bodies', where: new Where(), order: 'name', first: 10 });
    expect(names.nodes.map((x) => x.name)).toEqual(['alpha', 'Zeta', 'zeta', 'Östermalm']);
    const page1 = await store.list<{ id: string }>({ table: 'decisions', where: new Where().add('meeting_id = ?', 'm'), order: 'position', first: 2 });
    const page2 = await store.list<{ id: string }>({ table: 'decisions', where: new Where().add('meeting_id = ?', 'm'), order: 'position', first: 2, after: page1.pageInfo.endCursor });
    expect([...page1.nodes, ...page2.nodes].map((x) => x.id)).toEqual(['c', 'a', 'b']);
  });

  it('searches every word as part of a word, case and diacritics folded, and by stem where the language has one', async () => {
    const store = await open();
    const texts: Array<[string, string, Record<string, string>]> = [
      ['fi', 'Vuokra-asuntojen rakentaminen ja asuntotontti', { fi: 'Vuokra-asuntojen rakentaminen ja asuntotontti' }],
      ['sv', 'Bostäder för äldre', { sv: 'Bostäder för äldre' }],
      ['nl', 'Nieuwe woningen in Noord', { nl: 'Nieuwe woningen in Noord' }],
      ['es', 'Votación de la moción sobre viviendas', { es: 'Votación de la moción sobre viviendas' }],
      ['ca', 'Votació sobre habitatge 100%_segur', { ca: 'Votació sobre habitatge 100%_segur' }],
    ];
    await store.applyUnits([{ key: 's', decisions: texts.map(([id, text, t]) => decision(id, '2025-01-01', { search: searchText([text]), texts: t })) }]);
    const find = async (q: string) =>
      (await store.list<{ id: string }>({ table: 'decisions', where: store.textCondition(new Where(), 'decisions', q), order: 'newest', first: 10 })).nodes.map((x) => x.id).sort();
    expect(await find('asunto')).toEqual(['fi']); // compound: vuokra-asuntojen, asuntotontti
    expect(await find('ASUNTOTONTTI rakentaminen')).toEqual(['fi']);
    expect(await find('asunto woningen')).toEqual([]); // every word must match
    expect(await find('aldre')).toEqual(['sv']); // diacritics folded
    expect(await find('votacio')).toEqual(['ca', 'es']);
    expect(await find('VOTACIÓN')).toEqual(['es']);
    expect(await find('woning')).toEqual(['nl']); // substring
    expect(await find('vivienda')).toEqual(['es']); // substring of viviendas
    expect(await find('mociones')).toEqual(['es']); // Spanish stem: moción ~ mociones
    expect(await find('100%_')).toEqual(['ca']); // % and _ are literal
    expect(await find('10%')).toEqual([]);
  });

  it('filters by category prefix keys, body and dates', async () => {
    const store = await open();
    await store.applyUnits([{
      key: 'f',
      decisions: [
        decision('x', '2025-01-01', { categories: ['1', '10', '10 ', '10 0', '10 03'], bodyIds: ['t:body:a'] }),
        decision('y', '2025-03-01', { categories: ['1', '11'], bodyIds: ['t:body:b'] }),
      ],
    }]);
    const ids = async (w: Where) => (await store.list<{ id: string }>({ table: 'decisions', where: w, order: 'newest', first: 10 })).nodes.map((x) => x.id);
    expect(await ids(new Where().add('categories @> ?::text[]', ['10']))).toEqual(['x']);
    expect(await ids(new Where().add('categories @> ?::text[]', ['1']))).toEqual(['y', 'x']);
    expect(await ids(new Where().add('body_ids @> ?::text[]', ['t:body:b']))).toEqual(['y']);
    expect(await ids(new Where().add('date >= ?::date', '2025-02-01').add('date < ?::date', '2025-03-02'))).toEqual(['y']);
  });

  it('keeps raw records: reports what changed and the units they left, lists a window, deletes', async () => {
    const store = await open();
    const raw = (id: string, unitKey: string, value: number, listedAt = '2025-01-15T10:00:00Z') => ({ upstream: 'up', kind: 'k', sourceId: id, unitKey, listedAt, raw: { id, value } });
    expect((await store.putRaw([raw('a', 'u1', 1), raw('b', 'u1', 1)])).changed).toHaveLength(2);
    expect(await store.putRaw([raw('a', 'u1', 1), raw('b', 'u1', 1)])).toEqual({ changed: [], previousUnits: [] });
    const moved = await store.putRaw([raw('a', 'u2', 1), raw('b', 'u1', 2)]);
    expect(moved.changed.map((r) => r.sourceId).sort()).toEqual(['a', 'b']);
    expect(moved.previousUnits).toEqual(['u1']);
    expect((await store.rawInWindow('up', 'k', '2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z')).map((r) => r.sourceId).sort()).toEqual(['a', 'b']);
    expect(await store.rawInWindow('up', 'k', '2025-02-01T00:00:00Z', '2025-03-01T00:00:00Z')).toEqual([]);
    expect((await store.rawOfUnits('up', ['u1'])).map((r) => r.raw)).toEqual([{ id: 'b', value: 2 }]);
    expect(await store.deleteRaw('up', 'k', ['a'])).toEqual(['u2']);
    expect((await store.counts()).get('up')).toEqual({ held: 1, setAside: 0 });
  });

  it('keeps records set aside with their reason, counts and prunes them', async () => {
    const store = await open();
    await store.setAside('up', 'k', 'bad1', 'Title is missing', { id: 'bad1' });
    await store.setAside('up', 'k', 'bad2', 'NativeId is not a GUID', { id: 'bad2' });
    await store.setAside('up', 'k', 'bad1', 'Title is null', { id: 'bad1' });
    expect((await store.counts()).get('up')).toEqual({ held: 0, setAside: 2 });
    expect((await store.setAsideList('up', 10)).map((r) => [r.sourceId, r.reason]).sort()).toEqual([['bad1', 'Title is null'], ['bad2', 'NativeId is not a GUID']]);
    await store.pruneSetAside('up', 'k', ['bad2']);
    expect((await store.setAsideList('up', 10)).map((r) => r.sourceId)).toEqual(['bad2']);
  });

  it('counts coverage from the records it holds: the figures equal what the test wrote', async () => {
    const store = await open();
    // 5 decisions: 3 dated, 2 with a meeting, 1 with a vote, 4 with a known outcome; 2 cases, 1 with a status.
    await store.applyUnits([
      {
        key: 'coverage',
        decisions: [
          decision('c1', '2024-01-01', { meetingId: 't:meeting:m1' }),
          decision('c2', '2024-01-02', { meetingId: 't:meeting:m1', outcome: 'REJECTED' }),
          decision('c3', '2024-01-03', { outcome: 'UNKNOWN' }),
          decision('c4', null),
          decision('c5', null, { outcome: 'NOTED' }),
        ],
        voteEvents: [{ id: 't:vote:c2:1', decisionId: 't:decision:c2', position: 0, yes: 5, no: 3, abstain: 0, absent: 1, doc: {} }],
        cases: [
          { id: 't:case:k1', sourceId: 'k1', date: '2024-01-01', sortKey: '2024-01-01', status: 'OPEN', search: '', doc: {} },
          { id: 't:case:k2', sourceId: 'k2', date: '2024-01-01', sortKey: '2024-01-01', status: 'UNKNOWN', search: '', doc: {} },
        ],
      },
    ]);
    const notes: CoverageNote[] = [
      { field: 'Decision.date', availability: 'FULL', note: 'claimed full', measure: { table: 'decisions', has: 'date IS NOT NULL' } },
      { field: 'Decision.meeting', availability: 'PARTIAL', note: '', measure: { table: 'decisions', has: 'meeting_id IS NOT NULL' } },
      { field: 'Decision.voteEvents', availability: 'PARTIAL', note: '', measure: { table: 'decisions', has: 'EXISTS (SELECT 1 FROM vote_events v WHERE v.decision_id = decisions.id)' } },
      { field: 'Decision.outcome', availability: 'DERIVED', note: '', measure: { table: 'decisions', has: "outcome <> 'UNKNOWN'" } },
      { field: 'Decision.date (undated ones)', availability: 'PARTIAL', note: '', measure: { table: 'decisions', has: 'date IS NOT NULL', of: 'date IS NULL' } },
      { field: 'Case.status', availability: 'FULL', note: '', measure: { table: 'cases', has: "status <> 'UNKNOWN'" } },
      { field: 'Meeting.end', availability: 'NONE', note: 'not published' },
    ];
    const at = new Date('2026-12-01T12:00:00Z');
    const measured = Object.fromEntries((await measureCoverage(store, notes, at)).map((m) => [m.field, m]));
    expect(measured['Decision.date']).toEqual({ field: 'Decision.date', availability: 'PARTIAL', note: 'claimed full', records: 5, recordsWith: 3, share: 0.6, measuredAt: '2026-12-01T12:00:00.000Z' });
    expect(measured['Decision.meeting']).toMatchObject({ records: 5, recordsWith: 2, share: 0.4, availability: 'PARTIAL' });
    expect(measured['Decision.voteEvents']).toMatchObject({ records: 5, recordsWith: 1, share: 0.2 });
    expect(measured['Decision.outcome']).toMatchObject({ records: 5, recordsWith: 4, share: 0.8, availability: 'DERIVED' });
    expect(measured['Decision.date (undated ones)']).toMatchObject({ records: 2, recordsWith: 0, share: 0, availability: 'NONE' });
    expect(measured['Case.status']).toMatchObject({ records: 2, recordsWith: 1, share: 0.5, availability: 'PARTIAL' });
    expect(measured['Meeting.end']).toEqual({ field: 'Meeting.end', availability: 'NONE', note: 'not published', records: null, recordsWith: null, share: null, measuredAt: null });
    // FULL only when every record has it.
    await store.applyUnits([{ key: 'coverage', cases: [{ id: 't:case:k1', sourceId: 'k1', date: null, sortKey: '', status: 'OPEN', search: '', doc: {} }] }]);
    expect((await measureCoverage(store, notes.slice(5, 6)))[0]).toMatchObject({ records: 1, recordsWith: 1, share: 1, availability: 'FULL' });
  });

  it('counts the values a mapping did not recognise, per upstream, and forgets them with their record', async () => {
    const store = await open();
    const unmapped = (owner: string, value: string, upstream = 'files') => ({ ownerId: owner, upstream, field: 'Decision.outcome', value });
    await store.applyUnits([
      { key: 'u1', decisions: [decision('u1', '2024-01-01', { outcome: 'UNKNOWN' })], unmappedValues: [unmapped('t:decision:u1', 'Aprovada condicionalment')] },
      { key: 'u2', decisions: [decision('u2', '2024-01-01', { outcome: 'UNKNOWN' })], unmappedValues: [unmapped('t:decision:u2', 'Aprovada condicionalment')] },
      { key: 'u3', decisions: [decision('u3', '2024-01-01', { outcome: 'UNKNOWN' })], unmappedValues: [unmapped('t:decision:u3', 'Retirada'), unmapped('t:decision:u3', 'x', 'other')] },
    ]);
    expect(await store.unmappedValues('files', 20)).toEqual([
      { field: 'Decision.outcome', value: 'Aprovada condicionalment', records: 2 },
      { field: 'Decision.outcome', value: 'Retirada', records: 1 },
    ]);
    expect(await store.unmappedValues('files', 1)).toHaveLength(1);
    // The record is rewritten with a mapped value: its unmapped row goes with the unit.
    await store.applyUnits([{ key: 'u2', decisions: [decision('u2', '2024-01-01', { outcome: 'ADOPTED' })] }]);
    await store.applyUnits([], ['u3']);
    expect(await store.unmappedValues('files', 20)).toEqual([{ field: 'Decision.outcome', value: 'Aprovada condicionalment', records: 1 }]);
    expect(await store.unmappedValues('other', 20)).toEqual([]);
  });

  it('keeps sync state per upstream', async () => {
    const store = await open();
    expect(await store.getState('up')).toBeNull();
    await store.setState('up', { from: '2012-01-01', validators: { f: { etag: '"x"' } } });
    expect(await store.getState('up')).toEqual({ from: '2012-01-01', validators: { f: { etag: '"x"' } } });
  });

  it('lets one holder take a lock at a time', async () => {
    const store = await open();
    const other = settings.databaseUrl ? await open(undefined, opened[opened.length - 1].schema) : store;
    let release!: () => void;
    const held = store.db.withLock('sync', () => new Promise<string>((r) => (release = () => r('done'))));
    await new Promise((r) => setTimeout(r, 50));
    expect(await other.db.withLock('sync', async () => 'second')).toBeNull();
    release();
    expect(await held).toEqual({ value: 'done' });
    expect(await other.db.withLock('sync', async () => 'second')).toEqual({ value: 'second' });
  });
});

describe('a PGlite store in a directory', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdg-store-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps its data across a restart, and refuses a second opener while open', async () => {
    const first = await Store.open({ city: 'persist', dataDir: dir, languages: ['fi'] });
    await first.applyUnits([{ key: 'u', decisions: [decision('1', '2025-01-01')] }]);
    await expect(Store.open({ city: 'persist', dataDir: dir, languages: ['fi'] })).rejects.toThrow(/already open in this process/);
    await first.close();
    // A lock left by a process that is gone is taken over.
    fs.writeFileSync(path.join(dir, 'persist.lock'), '999999999');
    const second = await Store.open({ city: 'persist', dataDir: dir, languages: ['fi'] });
    expect(await second.count('decisions', new Where())).toBe(1);
    await second.close();
    expect(fs.existsSync(path.join(dir, 'persist.lock'))).toBe(false);
  });
});
