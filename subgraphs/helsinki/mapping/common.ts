/** Small pure helpers for Ahjo's quirks: ids, string booleans, local times, "" for missing dates. */
import { localDate, localToOffset } from '../../shared/time';
import type { AhjoLink } from '../upstream/types';

export const CITY = 'helsinki';
export const ZONE = 'Europe/Helsinki';
export const CATEGORY_SCHEME = 'Helsinki archive classification (Ahjo ClassificationCode)';
export const WEB_BASE = 'https://paatokset.hel.fi';

export type EntityType = 'decision' | 'meeting' | 'case' | 'body' | 'attachment' | 'agendaitem' | 'person' | 'category' | 'vote';

/** Global id: `helsinki:{type}:{sourceId}`. */
export function gid(type: EntityType, sourceId: string): string {
  return `${CITY}:${type}:${sourceId}`;
}

/** Ahjo sends some booleans as the strings "true"/"false"; anything else is unknown (null). */
export function boolOf(value: unknown): boolean | null {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return null;
}

/** Local Ahjo time → ISO 8601 with the Helsinki offset; "" and null → null. */
export function dateTimeOf(value: string | null | undefined): string | null {
  return localToOffset(value, ZONE);
}

/** Local Ahjo time → Helsinki calendar date; "" and null → null. */
export function dateOf(value: string | null | undefined): string | null {
  return localDate(value, ZONE);
}

/** Ahjo marks open-ended validity with 2100-01-01 ("Dissolved"); that means "not dissolved". */
export function dissolvedDateOf(value: string | null | undefined): string | null {
  const date = dateOf(value);
  return date && date >= '2100-01-01' ? null : date;
}

export function selfLink(links: AhjoLink[] | null | undefined): string | null {
  return links?.find((l) => l.rel === 'self')?.href ?? null;
}

/** Empty strings and whitespace → null. */
export function nonEmpty(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * Ahjo's classification code "10 03 03": the top category is the first two digits
 * (paatokset' TopCategory); the parent of a full code is its first two groups.
 */
export function parentCodeOf(code: string): string | null {
  const parts = code.trim().split(/\s+/);
  return parts.length > 1 ? parts.slice(0, -1).join(' ') : null;
}

/** The key of Ahjo, Helsinki's one upstream, in the store and in `sources`. */
export const UPSTREAM = 'ahjo';
