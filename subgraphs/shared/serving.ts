/**
 * Serving from a city's store, the same way in every city: pages and nested lists, the filters
 * every contract list has, meeting status by the clock, how fresh the copy is (`sources`,
 * `coveredPeriod`, `extensions.stale`), and the error when the copy holds nothing yet.
 */
import { GraphQLError } from 'graphql';
import { DateTime } from 'luxon';
import { badUserInput } from './errors';
import { checkDateRange, checkFirst, checkNoNul, checkText, type DateRange } from './args';
import { noteStale } from './request-scope';
import { Where, type Order, type Page, type RowInfo, type Store } from './store/store';
import type { TableName } from './store/rows';
import type { SourceStatus, SyncRunner } from './sync/runner';
import type { SyncError, UpstreamState } from './sync/state';

/** Nested lists (a meeting's agenda, a case's decisions …) take `first` up to this, and `after` an item's id. */
export const NESTED_MAX = 500;

export function checkNestedFirst(first: unknown, fallback = 100, argumentName = 'first'): number {
  if (first === null || first === undefined) return fallback;
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > NESTED_MAX) {
    throw badUserInput(argumentName, `must be between 0 and ${NESTED_MAX} (got ${first}). Continue with \`after\`: the id of the last item received.`);
  }
  return first;
}

/** A nested list held in memory (a body's members, a record's children): `first`, then `after` an id. */
export function nestedSlice<T>(items: T[], args: { first?: number | null; after?: string | null }, idOf: (t: T) => string = (t) => (t as { id: string }).id, fallback = 100): T[] {
  const first = checkNestedFirst(args.first, fallback);
  let start = 0;
  if (args.after) {
    const i = items.findIndex((t) => idOf(t) === args.after);
    if (i === -1) throw badUserInput('after', `${JSON.stringify(args.after)} is not the id of an item of this list; pass the id of the last item you received.`);
    start = i + 1;
  }
  return items.slice(start, start + first);
}

/** A nested list read from the store, in its order: `first`, then `after` an id of the same list. */
export async function nestedFromStore<T>(
  store: Store,
  spec: { table: TableName; where: Where; order: Order; hydrate?: (doc: any, row: RowInfo) => T }, // eslint-disable-line @typescript-eslint/no-explicit-any
  args: { first?: number | null; after?: string | null },
): Promise<T[]> {
  const first = checkNestedFirst(args.first);
  let after: string | null = null;
  if (args.after) {
    checkNoNul(String(args.after), 'after');
    after = await store.cursorOf(spec.table, spec.order, spec.where, String(args.after));
    if (!after) throw badUserInput('after', `${JSON.stringify(args.after)} is not the id of an item of this list; pass the id of the last item you received.`);
  }
  return (await store.list({ ...spec, first, after })).nodes;
}

/** A root or body list: `first` checked (0–100, default 20), keyset-paged on `after`. */
export function pageFromStore<T>(
  store: Store,
  spec: { table: TableName; where: Where; order: Order; hydrate?: (doc: any, row: RowInfo) => T }, // eslint-disable-line @typescript-eslint/no-explicit-any
  args: { first?: number | null; after?: string | null },
): Promise<Page<T>> {
  return store.list({ ...spec, first: checkFirst(args.first), after: args.after });
}

/** When a body's own list is asked for, `filter.body` must be empty or that body. */
export function forcedBody(body: string | null, forced: string | undefined): string | null {
  if (!forced) return body;
  if (body && body !== forced) throw badUserInput('filter.body', `must be empty or this body (${forced}) when listing a body's own list; got ${body}.`);
  return forced;
}

type ListArgs = { filter?: Record<string, any> | null; first?: number | null; after?: string | null }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The contract's case list, the same in every city: opening date, status, text; newest first. */
export function caseList<T>(store: Store, args: ListArgs, read: () => void): Promise<Page<T>> {
  const range = checkDateRange(args.filter);
  const text = checkText(args.filter?.text);
  read();
  const where = dateCondition(new Where(), range);
  if (args.filter?.status) where.add('status = ?', args.filter.status);
  if (text) store.textCondition(where, 'cases', text);
  return pageFromStore<T>(store, { table: 'cases', where, order: 'newest' }, args);
}

/** The contract's body list, the same in every city: name text, type, active; by name. */
export function bodyList<T>(store: Store, args: ListArgs, read: () => void): Promise<Page<T>> {
  const text = checkText(args.filter?.text);
  read();
  const where = new Where();
  if (text) store.textCondition(where, 'bodies', text);
  if (args.filter?.type) where.add('type = ?', args.filter.type);
  // A city that does not say whether a body exists stores null: any `active` filter then matches nothing.
  if (args.filter?.active !== undefined && args.filter?.active !== null) where.add('active = ?', args.filter.active);
  return pageFromStore<T>(store, { table: 'bodies', where, order: 'name' }, args);
}

/** `from` inclusive, `to` exclusive, on a date column. */
export function dateCondition(where: Where, range: DateRange, column = 'date'): Where {
  if (range.from) where.add(`${column} >= ?::date`, range.from);
  if (range.to) where.add(`${column} < ?::date`, range.to);
  // Up to two years of a list that spans many: its page is read from the date index (Where.selective).
  if (range.from && range.to && Date.parse(range.to) - Date.parse(range.from) <= SELECTIVE_PERIOD_MS) where.selective = true;
  return where;
}

const SELECTIVE_PERIOD_MS = 731 * 86_400_000;

/**
 * A meeting whose status is BY_TIME in the store is HELD from its `held_from` instant on and
 * SCHEDULED before: the status of a planned meeting changes with the clock, not with the data.
 */
export function meetingStatusCondition(where: Where, status: string): Where {
  if (status === 'HELD') return where.add("(status = 'HELD' OR (status = 'BY_TIME' AND held_from <= now()))");
  if (status === 'SCHEDULED') return where.add("(status = 'SCHEDULED' OR (status = 'BY_TIME' AND (held_from IS NULL OR held_from > now())))");
  return where.add('status = ?', status);
}

export function meetingStatusNow(row: RowInfo): string {
  if (row.status !== 'BY_TIME') return row.status ?? 'UNKNOWN';
  return row.held_from && Date.parse(row.held_from) <= Date.now() ? 'HELD' : 'SCHEDULED';
}

// ---- freshness -------------------------------------------------------------------------------------

/**
 * What a request reads from the copy of an upstream: nothing at all yet is an error (naming the
 * city, with the first sync's error when it failed); a copy whose last refresh failed is served and
 * flagged in `extensions.stale`, with when it was last brought up to date and why the refresh failed.
 */
export function readSource(city: { id: string; name: string }, sync: SyncRunner, key: string): void {
  const upstream = sync.upstreams.find((u) => u.key === key);
  if (!upstream) throw new Error(`unknown upstream ${key}`);
  const state = sync.state(key);
  const holdsSomething = !!state && (!!state.lastSuccessAt || !!state.resumeAt);
  if (!holdsSomething) {
    const error = state?.lastError;
    throw new GraphQLError(
      error
        ? `${city.name} has no data yet: the first sync from ${upstream.name} failed (${error.message}). Other cities are not affected; it is retried every SYNC_INTERVAL_S.`
        : `${city.name} has no data yet: the first sync from ${upstream.name} is still running. Other cities are not affected; retry in a moment.`,
      {
        extensions: {
          code: error?.code ?? 'CITY_NOT_READY',
          city: city.id,
          upstream: upstream.name,
          ...(error?.upstreamStatus ? { upstreamStatus: error.upstreamStatus } : {}),
          ...(error?.circuitOpen ? { circuit: 'open' } : {}),
        },
      },
    );
  }
  if (servesOlderCopy(state)) {
    noteStale({ upstream: upstream.name, request: 'sync', fetchedAt: state.lastSuccessAt, reason: state.lastError.message });
  }
}

/**
 * Whether an upstream's copy is served although its last refresh failed: a sync failed after an
 * earlier one succeeded. One rule for `extensions.stale` (readSource) and a city's `freshness`.
 */
export function servesOlderCopy(state: UpstreamState | null | undefined): state is UpstreamState & { lastError: SyncError; lastSuccessAt: string } {
  return !!state?.lastError && !!state.lastSuccessAt;
}

/** The `sources` field: every upstream with its sync status, and the records set aside on demand. */
type ListArg = (args: { first?: number }) => Promise<unknown[]>;

export async function sourcesOf(store: Store, sync: SyncRunner): Promise<Array<SourceStatus & { setAside: ListArg; unmappedValues: ListArg }>> {
  const firstOf = ({ first }: { first?: number }) => {
    const n = first ?? 20;
    if (!Number.isInteger(n) || n < 0 || n > 100) throw badUserInput('first', `must be between 0 and 100 (got ${n}).`);
    return n;
  };
  return (await sync.statuses()).map((s) => ({
    ...s,
    setAside: async (args) => store.setAsideList(s.key, firstOf(args)),
    unmappedValues: async (args) => store.unmappedValues(s.key, firstOf(args)),
  }));
}

/**
 * The period a list covers when the copy holds less than the filter asks for: it starts at the
 * sync's start date, and while the first sync runs it ends where the sync has got to.
 */
export function coveredPeriodOf(sync: SyncRunner, key: string, range: DateRange, cityName: string, fromEnv: string): { from: string; to: string; reason: string } | null {
  const state = sync.state(key);
  if (!state) return null;
  const heldFrom = state.from;
  const through = state.backfilled ? state.heldThrough : state.resumeAt;
  const heldTo = through ? DateTime.fromISO(through, { zone: 'utc' }).toISODate()! : heldFrom;
  const startsLate = !range.from || range.from < heldFrom;
  const endsEarly = !state.backfilled && (!range.to || range.to > heldTo);
  if (!startsLate && !endsEarly) return null;
  const from = range.from && range.from > heldFrom ? range.from : heldFrom;
  const to = range.to && range.to < heldTo ? range.to : heldTo;
  const reason = state.backfilled
    ? `${cityName}'s copy holds records from ${heldFrom} (${fromEnv}) on; sync from an earlier date to cover more (npm run sync -- <city> --from YYYY-MM-DD).`
    : `${cityName}'s first sync is still running: the copy holds records from ${heldFrom} to ${heldTo} so far.`;
  return { from, to: to > from ? to : from, reason };
}
