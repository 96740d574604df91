/**
 * What every city counts and reports the same way: the contract's decision filters that do not depend
 * on the adapter (`topic`, `bodyType`), `City.decisionStats` (one GROUP BY in the city's store, over the
 * very condition its `decisions` list uses, so a count and a walk of the list always agree),
 * `City.topics` (how the city's decisions map to COFOG, and what is left unmapped) and
 * `City.capabilities`.
 */
import { GraphQLError } from 'graphql';
import { cofogCode, type TopicTable } from '../../schema/topics';
import { badUserInput } from './errors';
import { availabilityOf, coverageOf, type Availability, type CoverageNote } from './coverage';
import { stemmersOf } from './store/search';
import type { Where, Store } from './store/store';
import type { SyncRunner } from './sync/runner';

export const DIMENSIONS = ['CITY', 'YEAR', 'MONTH', 'OUTCOME', 'TOPIC', 'BODY_TYPE'] as const;
export type DecisionDimension = (typeof DIMENSIONS)[number];

export const BODY_TYPES = ['COUNCIL', 'BOARD', 'COMMITTEE', 'SUBCOMMITTEE', 'OFFICER', 'TRUSTEE', 'ORGANIZATION', 'OTHER'] as const;

const TOPIC_CODE = /^(0[1-9]|10)(\.[1-9])?$/;

/**
 * The kind of a decision's deciding body, in SQL over a decisions row `d`: the kind its mapping stored,
 * else the kind of the body it names (read from bodies, as `Decision.body` is).
 */
const BODY_TYPE_OF = (d: string) => `COALESCE(${d}.body_type, (SELECT b.type FROM bodies b WHERE b.id = ${d}.body_id))`;

/** `filter.topic`: COFOG codes, a division matching its groups (`06` matches `06.1`). */
export function topicCondition(where: Where, topic: unknown): Where {
  if (topic === null || topic === undefined) return where;
  const codes = (Array.isArray(topic) ? topic : [topic]).map((c) => String(c).trim());
  for (const code of codes) {
    if (!TOPIC_CODE.test(code) || !cofogCode(code)) {
      throw badUserInput('filter.topic', `${JSON.stringify(code)} is not a COFOG code; give a division \`01\` … \`10\` (e.g. \`06\`, which matches its groups) or a group such as \`06.1\`.`);
    }
  }
  if (codes.length === 0) return where.add('false');
  const divisions = codes.filter((c) => !c.includes('.'));
  // The topic column is in byte order: `LIKE '06.%'` reads the index from `06.` on.
  return where.add(`(topic = ANY(?::text[])${divisions.map(() => ' OR topic LIKE ?').join('')})`, codes, ...divisions.map((d) => `${d}.%`));
}

/** `filter.bodyType`: the kind of the deciding body (decisions naming no body never match). */
export function bodyTypeCondition(where: Where, bodyType: unknown): Where {
  if (bodyType === null || bodyType === undefined) return where;
  const types = (Array.isArray(bodyType) ? bodyType : [bodyType]).map(String);
  for (const t of types) {
    if (!(BODY_TYPES as readonly string[]).includes(t)) throw badUserInput('filter.bodyType', `unknown body type ${t}; allowed: ${BODY_TYPES.join(', ')}.`);
  }
  // A semi-join on bodies of those kinds rather than the kind of each row's body: one pass over bodies.
  return where.add('(body_type = ANY(?::text[]) OR (body_type IS NULL AND body_id IN (SELECT b.id FROM bodies b WHERE b.type = ANY(?::text[]))))', types, types);
}

/** The contract's conditions on decisions that every adapter applies alike (after its own). */
export function contractDecisionConditions(where: Where, filter: { topic?: unknown; bodyType?: unknown } | null | undefined): Where {
  topicCondition(where, filter?.topic);
  bodyTypeCondition(where, filter?.bodyType);
  return where;
}

/** `groupBy`: at least one dimension, none twice. */
export function checkGroupBy(groupBy: unknown): DecisionDimension[] {
  const dims = (Array.isArray(groupBy) ? groupBy : groupBy === null || groupBy === undefined ? [] : [groupBy]).map(String);
  if (dims.length === 0) throw badUserInput('groupBy', `must name at least one dimension of ${DIMENSIONS.join(', ')}.`);
  for (const d of dims) if (!(DIMENSIONS as readonly string[]).includes(d)) throw badUserInput('groupBy', `unknown dimension ${d}; allowed: ${DIMENSIONS.join(', ')}.`);
  const twice = dims.find((d, i) => dims.indexOf(d) !== i);
  if (twice) throw badUserInput('groupBy', `names ${twice} twice; give each dimension at most once.`);
  return dims as DecisionDimension[];
}

export interface DecisionBucket {
  city: string | null;
  year: number | null;
  month: string | null;
  outcome: string | null;
  topic: string | null;
  bodyType: string | null;
  count: number;
}

export interface DecisionStats {
  totalCount: number;
  groupBy: DecisionDimension[];
  buckets: DecisionBucket[];
}

/** Each counted dimension: its SQL over the filtered row `d`, its bucket field, and its order. */
const COUNTED: Record<Exclude<DecisionDimension, 'CITY'>, { sql: string; field: keyof DecisionBucket; desc: boolean }> = {
  YEAR: { sql: 'extract(year FROM d.date)::int', field: 'year', desc: true },
  // Text values in byte order (COLLATE "C"): the same on every engine and locale.
  MONTH: { sql: `to_char(d.date, 'YYYY-MM') COLLATE "C"`, field: 'month', desc: true },
  OUTCOME: { sql: 'd.outcome COLLATE "C"', field: 'outcome', desc: false },
  TOPIC: { sql: 'left(d.topic, 2) COLLATE "C"', field: 'topic', desc: false },
  BODY_TYPE: { sql: `${BODY_TYPE_OF('d')} COLLATE "C"`, field: 'bodyType', desc: false },
};

/**
 * The decisions `where` selects, counted by the dimensions: one GROUP BY in the store. Buckets are
 * ordered by the dimensions as asked: years and months newest first, the others ascending (byte
 * order of the value), nulls last; CITY is the city itself.
 */
export async function decisionStats(store: Store, city: string, where: Where, groupBy: DecisionDimension[]): Promise<DecisionStats> {
  const counted = groupBy.filter((d): d is Exclude<DecisionDimension, 'CITY'> => d !== 'CITY').map((d) => COUNTED[d]);
  const select = counted.map((c, i) => `${c.sql} AS k${i}`);
  const order = counted.map((c, i) => `k${i} ${c.desc ? 'DESC' : 'ASC'} NULLS LAST`);
  // The filter runs on decisions alone (its columns unqualified, as in the list), then is counted.
  const sql =
    `SELECT ${[...select, 'count(*)::int AS n'].join(', ')} FROM (SELECT * FROM decisions ${where.sql()}) AS d` +
    (counted.length ? ` GROUP BY ${counted.map((_, i) => `k${i}`).join(', ')} ORDER BY ${order.join(', ')}` : '');
  const rows = await store.db.query<Record<string, unknown>>(sql, where.params);
  const buckets = rows
    .filter((r) => Number(r.n) > 0)
    .map((r) => {
      const bucket: DecisionBucket = { city: groupBy.includes('CITY') ? city : null, year: null, month: null, outcome: null, topic: null, bodyType: null, count: Number(r.n) };
      counted.forEach((c, i) => {
        const value = r[`k${i}`];
        (bucket as unknown as Record<string, unknown>)[c.field] = value === null || value === undefined ? null : c.field === 'year' ? Number(value) : String(value);
      });
      return bucket;
    });
  return { totalCount: buckets.reduce((sum, b) => sum + b.count, 0), groupBy, buckets };
}

/** The coverage note of `Decision.topic`: measured in the copy, worded from the table. */
export function topicCoverageNote(table: TopicTable | null): CoverageNote {
  if (!table) {
    return { field: 'Decision.topic', availability: 'NONE', note: 'No topic table: this city\'s decisions are not mapped to the shared scheme (COFOG).', measure: { table: 'decisions', has: 'topic IS NOT NULL' } };
  }
  const how = { SOURCE_CODE: 'its own classification code (the most specific code prefix listed wins)', SOURCE_LABEL: 'its own theme or category label', COMMITTEE: 'the deciding body, as a stated proxy (the data has no topics)' }[table.method];
  return {
    field: 'Decision.topic',
    availability: 'DERIVED',
    note: `COFOG, mapped (${table.method}) from ${how} by the reviewed table ${table.file} (${table.scheme}). Values it does not list give no topic and are counted in topics.unmapped; nothing is guessed from free text.`,
    measure: { table: 'decisions', has: 'topic IS NOT NULL' },
  };
}

/** `City.topics`: the table, how many held decisions have a topic, and the values left unmapped (read when asked for). */
export async function topicCoverage(store: Store, table: TopicTable) {
  const [counts] = await store.db.query<{ records: number; with: number }>('SELECT count(*)::int AS records, count(topic)::int AS with FROM decisions');
  const records = Number(counts.records);
  const recordsWith = Number(counts.with);
  return {
    method: table.method,
    scheme: table.scheme,
    table: table.file,
    review: table.review,
    records,
    recordsWith,
    share: records ? Math.round((recordsWith / records) * 10000) / 10000 : null,
    unmapped: ({ first }: { first?: unknown }) => unmappedTopicValues(store, first),
  };
}

/** The city's values the table does not map, by the decisions that carry them, most frequent first. */
export async function unmappedTopicValues(store: Store, first: unknown = 20) {
  const limit = first === null || first === undefined ? 20 : first;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0 || limit > 100) throw badUserInput('first', `must be between 0 and 100 (got ${String(limit)}).`);
  if (limit === 0) return [];
  const rows = await store.db.query<{ value: string; n: number }>(
    'SELECT topic_source AS value, count(*)::int AS n FROM decisions WHERE topic IS NULL AND topic_source IS NOT NULL GROUP BY topic_source ORDER BY n DESC, topic_source COLLATE "C" LIMIT $1',
    [limit],
  );
  return rows.map((u) => ({ field: 'Decision.topic', value: u.value, records: Number(u.n) }));
}

/** `City.capabilities`: availability from the city's measured coverage, and what its store offers. */
export async function capabilitiesOf(store: Store, sync: SyncRunner, notes: CoverageNote[], table: TopicTable | null) {
  const measured = await coverageOf(store, sync, notes);
  const of = async (field: string, fallback: string): Promise<Availability> => {
    const note = measured.find((n) => n.field === field);
    if (note) return note.availability;
    // Not stated by the adapter: counted (e.g. categories) in the copy.
    const [row] = await store.db.query<{ records: number; with: number }>(`SELECT count(*)::int AS records, count(*) FILTER (WHERE ${fallback})::int AS with FROM decisions`);
    return availabilityOf('NONE', Number(row.records), Number(row.with));
  };
  return {
    outcome: await of('Decision.outcome', "outcome <> 'UNKNOWN'"),
    votes: await of('Decision.voteEvents', 'EXISTS (SELECT 1 FROM vote_events v WHERE v.decision_id = decisions.id)'),
    categories: await of('Decision.categories', 'cardinality(categories) > 0'),
    topics: table?.method ?? null,
    stemmedLanguages: stemmersOf(store.languages).map((s) => s.lang),
    decisionStats: true,
  };
}

/** The condition of a city's `decisions` list for a filter (its own checks, then the shared ones). */
export type DecisionWhere<C> = (ctx: C, filter: Record<string, unknown> | null | undefined) => Where | Promise<Where>;

/** The City fields of this module, for one city: the same code in every adapter. */
export function statsFields<C extends { store: Store; sync: SyncRunner }>(city: string, notes: CoverageNote[], table: TopicTable | null, decisionWhere: DecisionWhere<C>) {
  return {
    decisionStats: async (_p: unknown, args: { filter?: Record<string, unknown> | null; groupBy?: unknown }, ctx: C) => {
      const groupBy = checkGroupBy(args.groupBy);
      const where = await decisionWhere(ctx, args.filter);
      return decisionStats(ctx.store, city, where, groupBy);
    },
    topics: (_p: unknown, _a: unknown, ctx: C) => {
      // Every adapter city has a table (the registry test checks it); a city without one cannot answer this field.
      if (!table) throw new GraphQLError(`${city} has no topic table: its registry entry names no \`topics\`.`, { extensions: { code: 'NOT_AVAILABLE', city } });
      return topicCoverage(ctx.store, table);
    },
    capabilities: (_p: unknown, _a: unknown, ctx: C) => capabilitiesOf(ctx.store, ctx.sync, notes, table),
  };
}
