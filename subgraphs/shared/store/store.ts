/**
 * A city's store: its synced, indexed copy of the city's data. The sync writes units of rows (with
 * the raw records beside them) and keeps its state here; the resolvers read pages, counts and
 * records by id. One SQL dialect on two engines (engine.ts).
 */
import crypto from 'node:crypto';
import { encodeCursor, decodeCursor, type Connection } from '../pagination';
import { badUserInput } from '../errors';
import { openEngine, type Db, type EngineSettings, type Queryable } from './engine';
import { migrate } from './migrations';
import { TABLES, rowId, tableSpec, type TableName, type TableSpec, type Unit } from './rows';
import { containsPattern, queryWords, stemmersOf } from './search';
import { assignTopic, cofogCode, type TopicMethod, type TopicTable } from '../../../schema/topics';

export interface StoreSettings extends EngineSettings {
  /** The city's languages (ISO 639-1): stemmed search uses their PostgreSQL configurations. */
  languages: string[];
  /**
   * The city's topic table: decisions get their topic from it when written, and all of them again at
   * open when the table changed. null: the city has none (topics are cleared). Absent: the store
   * leaves topics as they are (a tool that only reads or writes rows of its own).
   */
  topics?: TopicTable | null;
}

/** What the topics held were derived with (store_state 'topics'). */
interface TopicsState {
  hash: string | null;
  method: TopicMethod | null;
  file: string | null;
}

/** One record as the upstream sent it. */
export interface RawRecord {
  upstream: string;
  kind: string;
  sourceId: string;
  /** The unit the record belongs to (rebuilt when the record changes). */
  unitKey: string;
  /** The instant by which the upstream's list windows select the record (ISO 8601), if any. */
  listedAt: string | null;
  raw: unknown;
}

export interface StoredRaw {
  sourceId: string;
  unitKey: string;
  hash: string;
}

/** A SQL condition built from fragments; `?` marks each parameter in order. */
export class Where {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];
  /**
   * The filter holds a small part of the table (a period of a year or two): a newest-first page
   * then reads the filter's rows and sorts them, instead of walking the order index from the newest
   * row, which the planner prefers for a LIMIT and which crosses every newer row to reach an old period.
   */
  selective = false;

  add(fragment: string, ...values: unknown[]): this {
    let i = 0;
    const sql = fragment.replace(/\?/g, () => {
      if (i >= values.length) throw new Error(`Where.add: more ? than values in ${fragment}`);
      this.params.push(values[i++]);
      return `$${this.params.length}`;
    });
    if (i !== values.length) throw new Error(`Where.add: more values than ? in ${fragment}`);
    this.parts.push(sql);
    return this;
  }

  /** A copy, so that one filter can serve the page, the count and the previous-page check. */
  clone(): Where {
    const w = new Where();
    w.parts.push(...this.parts);
    w.params.push(...this.params);
    w.selective = this.selective;
    return w;
  }

  sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/** How a list is ordered: newest first on sort_key, by name (sort_key ascending), or by position. */
export type Order = 'newest' | 'name' | 'position';

export interface ListSpec<T> {
  table: TableName;
  where: Where;
  order: Order;
  first: number;
  /** A cursor of this list (`endCursor` or an edge's `cursor`). */
  after?: string | null;
  /** Builds the served object from a row's doc (and its kind and status, for meetings). */
  hydrate?: (doc: any, row: RowInfo) => T; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A page: the Relay connection, with the count computed only when a client asks for it. */
export type Page<T> = Omit<Connection<T>, 'totalCount' | 'pageInfo'> & {
  totalCount: () => Promise<number>;
  pageInfo: Omit<Connection<T>['pageInfo'], 'hasPreviousPage'> & { hasPreviousPage: () => Promise<boolean> };
};

/** Row columns besides the doc that serving needs (a meeting's kind and clock-dependent status). */
const SERVED_COLUMNS: Partial<Record<TableName, string>> = {
  meetings: `, kind, status, to_char(held_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS held_from`,
  // The topic lives beside the doc (recomputed when the table changes, without rewriting docs).
  decisions: ', topic, topic_value',
  extras: ', kind',
};

/** What a hydrate function gets besides the doc. */
export interface RowInfo {
  id: string;
  kind?: string;
  status?: string;
  held_from?: string | null;
  topic?: string | null;
  topic_value?: string | null;
}

/** Rows without a position (e.g. a decision without a section number) come last. */
const POSITION = 'COALESCE(position, 2147483647)';

const ORDER_BY: Record<Order, string> = {
  newest: 'ORDER BY sort_key DESC, id ASC',
  name: 'ORDER BY sort_key ASC, id ASC',
  position: `ORDER BY ${POSITION} ASC, id ASC`,
};

export class Store {
  private constructor(
    readonly db: Db,
    readonly languages: string[],
    /** The table new decision rows get their topic from (undefined: none given; topics are left null). */
    readonly topicTable: TopicTable | null | undefined,
    /** What the topics held were derived with. */
    private topicsState: TopicsState | null,
  ) {}

  static async open(settings: StoreSettings): Promise<Store> {
    const db = await openEngine(settings);
    try {
      await migrate(db);
      const store = new Store(db, settings.languages, settings.topics, null);
      if (settings.topics !== undefined) await store.deriveTopics(settings.topics);
      store.topicsState = await store.storeState<TopicsState>('topics');
      return store;
    } catch (err) {
      await db.close().catch(() => undefined);
      throw err;
    }
  }

  /** How the topics held were mapped (the table's method), or null when no table gave them. */
  get topicMethod(): TopicMethod | null {
    return this.topicsState?.method ?? null;
  }

  private async storeState<T>(key: string, q: Queryable = this.db): Promise<T | null> {
    const [row] = await q.query<{ value: T }>('SELECT value FROM store_state WHERE key = $1', [key]);
    return row?.value ?? null;
  }

  private async setStoreState(key: string, value: object, q: Queryable): Promise<void> {
    await q.query(
      'INSERT INTO store_state (key, value, updated_at) VALUES ($1, $2::jsonb, now()) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at',
      [key, JSON.stringify(value)],
    );
  }

  /**
   * Recomputes every decision's topic when the table differs from the one the held topics came from
   * (its hash): read in id order a batch at a time, assigned as rows are when written, and written back
   * in one UPDATE per batch, only where the topic changed. Returns the rows rewritten (null: up to date).
   */
  async deriveTopics(table: TopicTable | null, batchSize = 5000): Promise<number | null> {
    return this.db.transaction(async (tx) => {
      // Instances starting together on one PostgreSQL: one recomputes, the others then find it done.
      if (this.db.engine === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`cdg:topics:${this.db.schema}`]);
      const held = await this.storeState<TopicsState>('topics', tx);
      const wanted: TopicsState = { hash: table?.hash ?? null, method: table?.method ?? null, file: table?.file ?? null };
      if ((held?.hash ?? null) === wanted.hash) return null;
      let rewritten = 0;
      let after = '';
      for (;;) {
        const rows = await tx.query<{ id: string; categories: string[]; body_ids: string[]; committee_ids: string[] | null; topic: string | null; topic_value: string | null; topic_source: string | null }>(
          'SELECT id, categories, body_ids, committee_ids, topic, topic_value, topic_source FROM decisions WHERE id > $1 ORDER BY id LIMIT $2',
          [after, batchSize],
        );
        if (rows.length === 0) break;
        after = rows[rows.length - 1].id;
        const changed = rows.flatMap((r) => {
          const t = topicColumns(table, { categories: r.categories, bodyIds: r.body_ids, committeeIds: r.committee_ids });
          return t.topic === r.topic && t.topic_value === r.topic_value && t.topic_source === r.topic_source ? [] : [{ id: r.id, ...t }];
        });
        if (changed.length) {
          await tx.query(
            'UPDATE decisions AS d SET topic = x.topic, topic_value = x.topic_value, topic_source = x.topic_source ' +
              'FROM jsonb_to_recordset($1::jsonb) AS x(id text, topic text, topic_value text, topic_source text) WHERE d.id = x.id',
            [JSON.stringify(changed)],
          );
          rewritten += changed.length;
        }
        if (rows.length < batchSize) break;
      }
      await this.setStoreState('topics', wanted, tx);
      return rewritten;
    });
  }

  /** A row's doc as served: a decision's carries its topic (held beside it, see SERVED_COLUMNS). */
  private served(table: TableName, row: RowInfo & { doc: unknown }): any { // eslint-disable-line @typescript-eslint/no-explicit-any
    if (table !== 'decisions') return row.doc;
    return { ...(row.doc as object), topic: servedTopic(row.topic ?? null, row.topic_value ?? null, this.topicMethod) };
  }

  get engine(): Db['engine'] {
    return this.db.engine;
  }

  close(): Promise<void> {
    return this.db.close();
  }

  // ---- writing ------------------------------------------------------------------------------------

  /**
   * Writes units in one transaction: each unit's rows replace what the unit gave before (rows it no
   * longer gives are deleted; rows whose content is unchanged are not rewritten). `remove` names
   * units that are gone: all their rows are deleted. Returns how many rows were written and deleted.
   */
  async applyUnits(units: Unit[], remove: string[] = [], tx?: Queryable): Promise<{ written: number; deleted: number }> {
    const keys = [...new Set([...units.map((u) => u.key), ...remove])];
    if (keys.length === 0) return { written: 0, deleted: 0 };
    const run = async (q: Queryable) => {
      let written = 0;
      let deleted = 0;
      for (const table of TABLES) {
        const desired = new Map<string, Record<string, unknown>>();
        for (const unit of units) {
          for (const row of (unit[table.unitField] ?? []) as unknown as Array<Record<string, unknown>>) {
            const id = rowId(table.name, row);
            if (desired.has(id)) continue; // one row per id: the first unit that gives it wins
            desired.set(id, { ...row, id, groupKey: unit.key });
          }
        }
        const existing = await q.query<{ id: string; hash: string }>(`SELECT id, hash FROM ${table.name} WHERE group_key = ANY($1::text[])`, [keys]);
        const held = new Map(existing.map((r) => [r.id, r.hash]));
        const gone = existing.filter((r) => !desired.has(r.id)).map((r) => r.id);
        if (gone.length) {
          await q.query(`DELETE FROM ${table.name} WHERE id = ANY($1::text[])`, [gone]);
          deleted += gone.length;
        }
        const changed: Array<Record<string, unknown>> = [];
        for (const row of desired.values()) {
          const hash = hashOf(row);
          if (held.get(row.id as string) !== hash) changed.push(recordOf(table, table.name === 'decisions' ? { ...row, ...this.topicFields(row) } : row, hash));
        }
        for (const batch of batches(changed)) await q.query(this.upsertSql(table), [JSON.stringify(batch)]);
        written += changed.length;
      }
      return { written, deleted };
    };
    return tx ? run(tx) : this.db.transaction(run);
  }

  /**
   * Refreshes the planner's statistics of the city's tables. PGlite runs no autovacuum daemon, so
   * without this the planner keeps the estimates it had while the tables were empty and scans whole
   * tables once they are full; a sync that wrote many rows calls it. With `vacuum` on PGlite it also
   * vacuums (what autovacuum does on a server): the visibility map lets counts read the indexes
   * alone (a year's count at ×30 Helsinki: 1.7 → 0.7 ms) and dead rows of rewritten units are reused.
   */
  async analyze(options: { vacuum?: boolean } = {}): Promise<void> {
    // The columns lists filter, sort and join on; not the docs and search texts (sampling them would
    // read every large value out of line).
    const tables = [
      ...TABLES.map((t) => `${t.name} (id, group_key, ${t.columns.map(([c]) => c).filter((c) => c !== 'search').join(', ')})`),
      'raw_records (upstream, kind, source_id, unit_key, listed_at)',
    ];
    if (options.vacuum && this.db.engine === 'pglite') {
      // VACUUM cannot run in a transaction; PGlite's one session runs these statements in a row
      // (a query of another request in between only sees a different statistics target).
      await this.db.exec('SET default_statistics_target = 10');
      try {
        await this.db.exec(`VACUUM (ANALYZE) ${tables.join(', ')}`);
      } finally {
        await this.db.exec('RESET default_statistics_target');
      }
      return;
    }
    // A sample of 3,000 rows a table (statistics target 10) tells keys, arrays and dates apart well
    // enough, at a tenth of the default's cost.
    await this.db.transaction(async (tx) => {
      await tx.exec('SET LOCAL default_statistics_target = 10');
      await tx.exec(`ANALYZE ${tables.join(', ')}`);
    });
  }

  /** The topic a decision row gets from the store's table (all null without one). */
  private topicFields(row: Record<string, unknown>): { topic: string | null; topicValue: string | null; topicSource: string | null } {
    const t = topicColumns(this.topicTable ?? null, row as { categories?: string[]; bodyIds?: string[]; committeeIds?: string[] });
    return { topic: t.topic, topicValue: t.topic_value, topicSource: t.topic_source };
  }

  private upsertCache = new Map<TableName, string>();

  /** INSERT … SELECT FROM jsonb_to_recordset … ON CONFLICT (id) DO UPDATE: one statement per batch. */
  private upsertSql(table: TableSpec): string {
    let sql = this.upsertCache.get(table.name);
    if (sql) return sql;
    const columns = [['id', 'text'], ['group_key', 'text'], ['hash', 'text'], ['doc', 'jsonb'], ...table.columns.map(([c, t]) => [c, t])];
    const names = columns.map(([c]) => c);
    const values = names.map((c) => `x.${c}`);
    const recordType = columns.map(([c, t]) => `${c} ${t}`);
    if (table.stemmed) {
      const stemmers = stemmersOf(this.languages);
      names.push('tsv');
      values.push(stemmers.length ? stemmers.map((s) => `to_tsvector('${s.config}', coalesce(x.texts->>'${s.lang}', ''))`).join(' || ') : `''::tsvector`);
      recordType.push('texts jsonb');
    }
    sql =
      `INSERT INTO ${table.name} (${names.join(', ')}) SELECT ${values.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${recordType.join(', ')}) ` +
      `ON CONFLICT (id) DO UPDATE SET ${names.filter((c) => c !== 'id').map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`;
    this.upsertCache.set(table.name, sql);
    return sql;
  }

  /**
   * Stores raw records. Returns those that are new or changed (another content or unit; unchanged
   * ones are not rewritten) and the units that changed records belonged to before.
   */
  async putRaw(records: RawRecord[], q: Queryable = this.db): Promise<{ changed: RawRecord[]; previousUnits: string[] }> {
    const changed: RawRecord[] = [];
    const previousUnits = new Set<string>();
    const byKind = groupBy(records, (r) => `${r.upstream}\u0000${r.kind}`);
    for (const group of byKind.values()) {
      const { upstream, kind } = group[0];
      const held = new Map(
        (await q.query<{ source_id: string; hash: string; unit_key: string }>(
          'SELECT source_id, hash, unit_key FROM raw_records WHERE upstream = $1 AND kind = $2 AND source_id = ANY($3::text[])',
          [upstream, kind, group.map((r) => r.sourceId)],
        )).map((r) => [r.source_id, r]),
      );
      const fresh = group
        .map((record) => ({ record, hash: hashOf(record.raw) }))
        .filter(({ record, hash }) => {
          const before = held.get(record.sourceId);
          if (before && before.unit_key !== record.unitKey) previousUnits.add(before.unit_key);
          return !before || before.hash !== hash || before.unit_key !== record.unitKey;
        });
      const now = new Date().toISOString();
      for (const batch of batches(fresh.map(({ record, hash }) => ({ upstream, kind, source_id: record.sourceId, unit_key: record.unitKey, listed_at: record.listedAt, hash, raw: record.raw, fetched_at: now })))) {
        await q.query(
          'INSERT INTO raw_records (upstream, kind, source_id, unit_key, listed_at, hash, raw, fetched_at) ' +
            'SELECT x.upstream, x.kind, x.source_id, x.unit_key, x.listed_at, x.hash, x.raw, x.fetched_at FROM jsonb_to_recordset($1::jsonb) ' +
            'AS x(upstream text, kind text, source_id text, unit_key text, listed_at timestamptz, hash text, raw jsonb, fetched_at timestamptz) ' +
            'ON CONFLICT (upstream, kind, source_id) DO UPDATE SET unit_key = EXCLUDED.unit_key, listed_at = EXCLUDED.listed_at, hash = EXCLUDED.hash, raw = EXCLUDED.raw, fetched_at = EXCLUDED.fetched_at',
          [JSON.stringify(batch)],
        );
      }
      changed.push(...fresh.map((f) => f.record));
    }
    return { changed, previousUnits: [...previousUnits] };
  }

  /** Which of these raw records the store holds (by source id). */
  async rawHeld(upstream: string, kind: string, sourceIds: string[], q: Queryable = this.db): Promise<Set<string>> {
    if (sourceIds.length === 0) return new Set();
    const rows = await q.query<{ source_id: string }>('SELECT source_id FROM raw_records WHERE upstream = $1 AND kind = $2 AND source_id = ANY($3::text[])', [upstream, kind, sourceIds]);
    return new Set(rows.map((r) => r.source_id));
  }

  /** Forgets records set aside that a full run no longer met (the upstream dropped or fixed them). */
  async pruneSetAside(upstream: string, kind: string, keep: string[], q: Queryable = this.db): Promise<void> {
    await q.query('DELETE FROM set_aside WHERE upstream = $1 AND kind = $2 AND NOT (source_id = ANY($3::text[]))', [upstream, kind, keep]);
  }

  /** Raw records of a kind whose list instant lies in [from, to): what a list window should hold. */
  async rawInWindow(upstream: string, kind: string, from: string, to: string, q: Queryable = this.db): Promise<StoredRaw[]> {
    return (await q.query<{ source_id: string; unit_key: string; hash: string }>(
      'SELECT source_id, unit_key, hash FROM raw_records WHERE upstream = $1 AND kind = $2 AND listed_at >= $3 AND listed_at < $4',
      [upstream, kind, from, to],
    )).map((r) => ({ sourceId: r.source_id, unitKey: r.unit_key, hash: r.hash }));
  }

  /** Every raw record of a kind (for small upstream lists that are fetched whole). */
  async rawOfKind(upstream: string, kind: string, q: Queryable = this.db): Promise<StoredRaw[]> {
    return (await q.query<{ source_id: string; unit_key: string; hash: string }>('SELECT source_id, unit_key, hash FROM raw_records WHERE upstream = $1 AND kind = $2', [upstream, kind]))
      .map((r) => ({ sourceId: r.source_id, unitKey: r.unit_key, hash: r.hash }));
  }

  /** The raw records of the given units, with their content. */
  async rawOfUnits(upstream: string, unitKeys: string[], q: Queryable = this.db): Promise<Array<{ kind: string; sourceId: string; unitKey: string; raw: any }>> { // eslint-disable-line @typescript-eslint/no-explicit-any
    if (unitKeys.length === 0) return [];
    return (await q.query<{ kind: string; source_id: string; unit_key: string; raw: unknown }>(
      'SELECT kind, source_id, unit_key, raw FROM raw_records WHERE upstream = $1 AND unit_key = ANY($2::text[]) ORDER BY source_id',
      [upstream, unitKeys],
    )).map((r) => ({ kind: r.kind, sourceId: r.source_id, unitKey: r.unit_key, raw: r.raw }));
  }

  /** One raw record, or null. */
  async rawRecord(upstream: string, kind: string, sourceId: string, q: Queryable = this.db): Promise<any | null> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const [row] = await q.query<{ raw: unknown }>('SELECT raw FROM raw_records WHERE upstream = $1 AND kind = $2 AND source_id = $3', [upstream, kind, sourceId]);
    return row ? row.raw : null;
  }

  /** Deletes raw records; returns the units they belonged to. */
  async deleteRaw(upstream: string, kind: string, sourceIds: string[], q: Queryable = this.db): Promise<string[]> {
    if (sourceIds.length === 0) return [];
    const rows = await q.query<{ unit_key: string }>('DELETE FROM raw_records WHERE upstream = $1 AND kind = $2 AND source_id = ANY($3::text[]) RETURNING unit_key', [upstream, kind, sourceIds]);
    await q.query('DELETE FROM set_aside WHERE upstream = $1 AND kind = $2 AND source_id = ANY($3::text[])', [upstream, kind, sourceIds]);
    return [...new Set(rows.map((r) => r.unit_key))];
  }

  // ---- records set aside --------------------------------------------------------------------------

  /** Keeps a record that did not map, with the reason (replacing an earlier reason). */
  async setAside(upstream: string, kind: string, sourceId: string, reason: string, raw: unknown, q: Queryable = this.db): Promise<void> {
    await q.query(
      'INSERT INTO set_aside (upstream, kind, source_id, reason, raw, seen_at) VALUES ($1, $2, $3, $4, $5::jsonb, now()) ' +
        'ON CONFLICT (upstream, kind, source_id) DO UPDATE SET reason = EXCLUDED.reason, raw = EXCLUDED.raw, seen_at = EXCLUDED.seen_at',
      [upstream, kind, sourceId, reason, JSON.stringify(raw ?? null)],
    );
  }

  /** Records that map now are no longer set aside. */
  async clearSetAside(upstream: string, kind: string, sourceIds: string[], q: Queryable = this.db): Promise<void> {
    if (sourceIds.length) await q.query('DELETE FROM set_aside WHERE upstream = $1 AND kind = $2 AND source_id = ANY($3::text[])', [upstream, kind, sourceIds]);
  }

  async setAsideList(upstream: string, first: number): Promise<Array<{ kind: string; sourceId: string; reason: string; seenAt: string }>> {
    return (await this.db.query<{ kind: string; source_id: string; reason: string; seen_at: string }>(
      `SELECT kind, source_id, reason, to_char(seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS seen_at FROM set_aside WHERE upstream = $1 ORDER BY seen_at DESC, source_id LIMIT $2`,
      [upstream, first],
    )).map((r) => ({ kind: r.kind, sourceId: r.source_id, reason: r.reason, seenAt: r.seen_at }));
  }

  /** Values of an upstream's records that its mapping did not recognise, most frequent first. */
  async unmappedValues(upstream: string, first: number): Promise<Array<{ field: string; value: string; records: number }>> {
    return (await this.db.query<{ field: string; value: string; n: number }>(
      'SELECT field, value, count(*)::int AS n FROM unmapped_values WHERE upstream = $1 GROUP BY field, value ORDER BY n DESC, field, value LIMIT $2',
      [upstream, first],
    )).map((r) => ({ field: r.field, value: r.value, records: r.n }));
  }

  /** Per upstream: raw records held and records set aside. */
  async counts(): Promise<Map<string, { held: number; setAside: number }>> {
    const out = new Map<string, { held: number; setAside: number }>();
    for (const r of await this.db.query<{ upstream: string; n: number }>('SELECT upstream, count(*)::int AS n FROM raw_records GROUP BY upstream')) {
      out.set(r.upstream, { held: r.n, setAside: 0 });
    }
    for (const r of await this.db.query<{ upstream: string; n: number }>('SELECT upstream, count(*)::int AS n FROM set_aside GROUP BY upstream')) {
      out.set(r.upstream, { held: out.get(r.upstream)?.held ?? 0, setAside: r.n });
    }
    return out;
  }

  // ---- sync state ---------------------------------------------------------------------------------

  async getState<T extends object>(upstream: string, q: Queryable = this.db): Promise<T | null> {
    const [row] = await q.query<{ state: T }>('SELECT state FROM sync_state WHERE upstream = $1', [upstream]);
    return row?.state ?? null;
  }

  async allStates<T extends object>(): Promise<Map<string, T>> {
    return new Map((await this.db.query<{ upstream: string; state: T }>('SELECT upstream, state FROM sync_state')).map((r) => [r.upstream, r.state]));
  }

  async setState(upstream: string, state: object, q: Queryable = this.db): Promise<void> {
    await q.query(
      'INSERT INTO sync_state (upstream, state, updated_at) VALUES ($1, $2::jsonb, now()) ON CONFLICT (upstream) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at',
      [upstream, JSON.stringify(state)],
    );
  }

  // ---- reading ------------------------------------------------------------------------------------

  /** Rows by id, as a map from id to the hydrated object (ids not held are missing). */
  async byIds<T>(table: TableName, ids: readonly string[], hydrate: (doc: any, row: RowInfo) => T = (d) => d): Promise<Map<string, T>> { // eslint-disable-line @typescript-eslint/no-explicit-any
    if (ids.length === 0) return new Map();
    const rows = await this.db.query<RowInfo & { doc: unknown }>(`SELECT id${SERVED_COLUMNS[table] ?? ''}, doc FROM ${table} WHERE id = ANY($1::text[])`, [[...new Set(ids)]]);
    return new Map(rows.map((r) => [r.id, hydrate(this.served(table, r), r)]));
  }

  /** Rows whose source id or one of whose alias ids is among `sourceIds`: a map from each asked id to its row. */
  async bySourceIds<T>(table: 'decisions' | 'cases', sourceIds: readonly string[], hydrate: (doc: any) => T = (d) => d): Promise<Map<string, T>> { // eslint-disable-line @typescript-eslint/no-explicit-any
    if (sourceIds.length === 0) return new Map();
    const ids = [...new Set(sourceIds)];
    const rows = await this.db.query<RowInfo & { source_id: string; alias_ids: string[]; doc: unknown }>(
      `SELECT id, source_id, alias_ids${SERVED_COLUMNS[table] ?? ''}, doc FROM ${table} WHERE source_id = ANY($1::text[]) OR alias_ids && $1::text[]`,
      [ids],
    );
    const out = new Map<string, T>();
    for (const r of rows) {
      const value = hydrate(this.served(table, r));
      for (const id of [r.source_id, ...(r.alias_ids ?? [])]) if (ids.includes(id) && !out.has(id)) out.set(id, value);
    }
    return out;
  }

  /** The docs of rows under one parent column (e.g. a decision's vote events), keyed by the parent. */
  async childrenOf<T>(table: TableName, parentColumn: string, parentIds: readonly string[], hydrate: (doc: any) => T = (d) => d): Promise<Map<string, T[]>> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const out = new Map<string, T[]>(parentIds.map((id) => [id, []]));
    if (parentIds.length === 0) return out;
    const rows = await this.db.query<{ parent: string; doc: unknown }>(
      `SELECT ${parentColumn} AS parent, doc FROM ${table} WHERE ${parentColumn} = ANY($1::text[]) ORDER BY ${parentColumn}, position, id`,
      [[...new Set(parentIds)]],
    );
    for (const r of rows) out.get(r.parent)?.push(hydrate(r.doc));
    return out;
  }

  /** Adds the text filter: every word as a substring of the folded text, or (where stemmed) by stem. */
  textCondition(where: Where, table: TableName, query: string): Where {
    const stemmed = tableSpec(table).stemmed ? stemmersOf(this.languages) : [];
    for (const word of queryWords(query)) {
      const like = "search LIKE ? ESCAPE '\\'";
      if (stemmed.length === 0) {
        where.add(like, containsPattern(word.folded));
      } else {
        const stems = stemmed.map((s) => `plainto_tsquery('${s.config}', ?)`).join(' || ');
        where.add(`(${like} OR tsv @@ (${stems}))`, containsPattern(word.folded), ...stemmed.map(() => word.lower));
      }
    }
    return where;
  }

  /** One page of a list, keyset-paged on the list's order; the count runs only when asked for. */
  async list<T>(spec: ListSpec<T>): Promise<Page<T>> {
    const hydrate = spec.hydrate ?? ((d) => d as T);
    const where = spec.where.clone();
    let after: [string, string] | null = null;
    if (spec.after) {
      after = decodeCursor(spec.after);
      keyset(where, spec.order, after);
    }
    const sortKey = spec.order === 'position' ? `${POSITION}::text` : 'sort_key';
    // OFFSET 0 fences the filter off from the ORDER BY … LIMIT (see Where.selective).
    const from = where.selective && spec.order === 'newest' ? `(SELECT * FROM ${spec.table} ${where.sql()} OFFSET 0) AS selected` : `${spec.table} ${where.sql()}`;
    const rows = await this.db.query<RowInfo & { key: string; doc: unknown }>(
      `SELECT id, ${sortKey} AS key${SERVED_COLUMNS[spec.table] ?? ''}, doc FROM ${from} ${ORDER_BY[spec.order]} LIMIT ${Math.max(0, spec.first) + 1}`,
      where.params,
    );
    const page = rows.slice(0, spec.first);
    const edges = page.map((r) => ({ cursor: encodeCursor([r.key ?? '', r.id]), node: hydrate(this.served(spec.table, r), r) }));
    const countWhere = spec.where;
    let count: Promise<number> | null = null;
    return {
      totalCount: () => (count ??= this.count(spec.table, countWhere)),
      pageInfo: {
        hasNextPage: rows.length > spec.first,
        hasPreviousPage: async () => {
          if (!after) return false;
          const before = spec.where.clone();
          keyset(before, spec.order, after, true);
          const [row] = await this.db.query(`SELECT 1 FROM ${spec.table} ${before.sql()} LIMIT 1`, before.params);
          return !!row;
        },
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
      edges,
      nodes: edges.map((e) => e.node),
    };
  }

  async count(table: TableName, where: Where): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} ${where.sql()}`, where.params);
    return row.n;
  }

  /** The cursor of a row of a list (to continue a nested list after an item given by id); null when not in it. */
  async cursorOf(table: TableName, order: Order, where: Where, id: string): Promise<string | null> {
    const w = where.clone().add('id = ?', id);
    const sortKey = order === 'position' ? `${POSITION}::text` : 'sort_key';
    const [row] = await this.db.query<{ key: string }>(`SELECT ${sortKey} AS key FROM ${table} ${w.sql()}`, w.params);
    return row ? encodeCursor([row.key ?? '', id]) : null;
  }
}

/**
 * Rows after (or, with `before`, at or before) a cursor in the list's order. Newest first is
 * sort_key descending then id ascending, so "after (s, i)" is sort_key < s, or sort_key = s and
 * id > i; the redundant sort_key <= s lets the index start there.
 */
function keyset(where: Where, order: Order, [key, id]: [string, string], before = false): void {
  if (order === 'position') {
    const position = Number(key);
    if (!Number.isInteger(position)) throw badUserInput('after', 'is not a cursor of this list; pass an `endCursor` or edge `cursor` returned by the same field.');
    if (before) where.add(`(${POSITION} < ? OR (${POSITION} = ? AND id <= ?))`, position, position, id);
    else where.add(`(${POSITION} > ? OR (${POSITION} = ? AND id > ?))`, position, position, id);
  } else if (order === 'newest') {
    if (before) where.add('sort_key >= ? AND (sort_key > ? OR id <= ?)', key, key, id);
    else where.add('sort_key <= ? AND (sort_key < ? OR id > ?)', key, key, id);
  } else if (before) {
    where.add('(sort_key, id) <= (?, ?)', key, id);
  } else {
    where.add('(sort_key, id) > (?, ?)', key, id);
  }
}

/** A decision's topic columns by the table (all null without a table). */
function topicColumns(table: TopicTable | null, row: { categories?: string[] | null; bodyIds?: string[] | null; committeeIds?: string[] | null }): { topic: string | null; topic_value: string | null; topic_source: string | null } {
  if (!table) return { topic: null, topic_value: null, topic_source: null };
  const { topic, candidate } = assignTopic(table, row);
  return { topic: topic?.code ?? null, topic_value: topic?.sourceValue ?? null, topic_source: candidate };
}

/** The contract's Topic of a decision, from its columns. */
export function servedTopic(code: string | null, sourceValue: string | null, method: TopicMethod | null) {
  const cofog = code ? cofogCode(code) : null;
  if (!cofog || !method) return null;
  return { ...cofog, method, sourceValue: sourceValue ?? '' };
}

/** The content hash of a row or raw record: a sync rewrites only what changed. */
export function hashOf(value: unknown): string {
  return crypto.createHash('sha1').update(JSON.stringify(value) ?? 'null').digest('base64url');
}

/** A table row as the record jsonb_to_recordset reads: SQL column names, the hash, the doc. */
function recordOf(table: TableSpec, row: Record<string, unknown>, hash: string): Record<string, unknown> {
  const out: Record<string, unknown> = { id: row.id, group_key: row.groupKey, hash, doc: row.doc ?? {} };
  for (const [column, , field] of table.columns) out[column] = row[field] ?? (column.endsWith('_ids') || column === 'categories' ? [] : null);
  if (table.stemmed) out.texts = row.texts ?? {};
  return out;
}

/** Splits rows into batches of at most ~2 MB of JSON or 500 rows, so no statement grows without bound. */
function batches<T>(rows: T[], maxRows = 500, maxBytes = 2_000_000): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = JSON.stringify(row).length;
    if (current.length && (current.length >= maxRows || bytes + size > maxBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length) out.push(current);
  return out;
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
