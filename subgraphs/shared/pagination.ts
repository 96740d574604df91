/**
 * Relay connections and their cursors. Cursors are keyset cursors (the sort key of the last item
 * seen), so a page boundary stays put when items are added before it; the store pages on them.
 */
import { badUserInput } from './errors';

/** Every list sorts on a pair: a primary key (date or name) and the id as tie-breaker. */
export type SortKey = [string, string];

export interface PageArgs {
  first: number;
  after?: string | null;
}

export interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
}

const CURSOR_VERSION = 'c1';

export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify([CURSOR_VERSION, ...key]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, argumentName = 'after'): SortKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== CURSOR_VERSION ||
      !parsed.slice(1).every((p) => typeof p === 'string' && !p.includes('\u0000'))) {
    throw badUserInput(argumentName, `${JSON.stringify(cursor)} is not a cursor of this list; pass an \`endCursor\` or edge \`cursor\` returned by the same field.`);
  }
  return parsed.slice(1) as SortKey;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Newest first by a date-like key (empty last), then ascending by id. Keys: [date, id]. */
export function newestFirst(a: SortKey, b: SortKey): number {
  const [da, ia] = a;
  const [db, ib] = b;
  if (da !== db) {
    if (da === '') return 1;
    if (db === '') return -1;
    return -cmp(da, db);
  }
  return cmp(ia, ib);
}
