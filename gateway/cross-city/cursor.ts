/**
 * The cursor of the cross-city decision list: where every city of the list stands (the cursor of
 * the last of its decisions consumed, null before the first), and a digest of the filter it belongs
 * to, so that a cursor of another filter is refused instead of resuming the wrong lists. base64url of
 * JSON: opaque to clients, and the cities' own cursors stay theirs to check.
 */
import crypto from 'node:crypto';

export interface CrossCityPosition {
  /** City id → the city's cursor after its last decision consumed (null: none consumed yet). */
  [city: string]: string | null;
}

interface CursorBody {
  v: 1;
  /** Digest of the filter (see filterDigest). */
  f: string;
  /** Positions per city. */
  p: CrossCityPosition;
}

const MAX_CURSOR_LENGTH = 8192;

/** A stable digest of a filter: the same conditions in any key order give the same digest. */
export function filterDigest(filter: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(canonical(filter))).digest('base64url').slice(0, 16);
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().flatMap((k) => {
      const v = (value as Record<string, unknown>)[k];
      return v === undefined || v === null ? [] : [[k, canonical(v)]];
    }));
  }
  return value;
}

export function encodeCursor(digest: string, position: CrossCityPosition): string {
  const body: CursorBody = { v: 1, f: digest, p: position };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/** Why a cursor is refused; the caller turns it into a BAD_USER_INPUT naming `after`. */
export class CursorError extends Error {}

/**
 * The positions a cursor holds, checked: well formed, of this filter, and naming only the cities the
 * filter asks (a city it does not name starts from its beginning).
 */
export function decodeCursor(cursor: string, digest: string, cities: readonly string[]): CrossCityPosition {
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new CursorError('it is not a cursor of this list');
  let body: CursorBody;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorBody;
  } catch {
    throw new CursorError('it is not a cursor of this list');
  }
  if (!body || typeof body !== 'object' || body.v !== 1 || typeof body.f !== 'string' || !body.p || typeof body.p !== 'object' || Array.isArray(body.p)) {
    throw new CursorError('it is not a cursor of this list');
  }
  if (body.f !== digest) throw new CursorError('it belongs to a list with another filter: pass the same `filter` as the page it came from, or leave `after` out to start again');
  const position: CrossCityPosition = {};
  for (const [city, at] of Object.entries(body.p)) {
    if (!cities.includes(city)) throw new CursorError(`it names a city (${city}) the filter does not ask`);
    if (at !== null && typeof at !== 'string') throw new CursorError('it is not a cursor of this list');
    position[city] = at;
  }
  return position;
}
