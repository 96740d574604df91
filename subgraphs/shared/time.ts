/** Local times without offset → ISO 8601 with the city's offset (luxon handles DST). */
import { DateTime } from 'luxon';
import { LRUCache } from 'lru-cache';

/** Parses a local date-time string (`2021-12-14T16:00:00.000` or `2018-02-08 13:30:00`) in `zone`; "" and null give null. */
export function parseLocal(value: string | null | undefined, zone: string): DateTime | null {
  if (!value) return null;
  // ISO ("2021-12-14T16:00:00.000", Ahjo) or SQL style ("2018-02-08 13:30:00", Notubiz).
  const iso = DateTime.fromISO(value, { zone, setZone: true });
  if (iso.isValid) return iso;
  const sql = DateTime.fromSQL(value, { zone });
  return sql.isValid ? sql : null;
}

interface Converted {
  iso: string | null;
  date: string | null;
  millis: number | null;
}

/**
 * Converting a local time in a zone costs an Intl formatting call each time (it was 40% of mapping a
 * list), and the same upstream times come back with every list: each conversion is remembered.
 */
const conversions = new LRUCache<string, Converted>({ max: 50000 });

function converted(value: string, zone: string): Converted {
  const key = `${zone}\u0000${value}`;
  let hit = conversions.get(key);
  if (!hit) {
    const dt = parseLocal(value, zone);
    hit = { iso: dt ? dt.toISO({ suppressMilliseconds: true }) : null, date: dt ? dt.toISODate() : null, millis: dt ? dt.toMillis() : null };
    conversions.set(key, hit);
  }
  return hit;
}

/** `2021-12-14T16:00:00.000` in Europe/Helsinki → `2021-12-14T16:00:00+02:00`. */
export function localToOffset(value: string | null | undefined, zone: string): string | null {
  return value ? converted(value, zone).iso : null;
}

/** The local calendar date of a local date-time string. */
export function localDate(value: string | null | undefined, zone: string): string | null {
  return value ? converted(value, zone).date : null;
}

/** The instant (ms since the epoch) of a local date-time string in `zone`; null when it is not one. */
export function localMillis(value: string | null | undefined, zone: string): number | null {
  return value ? converted(value, zone).millis : null;
}

/** Start of a local calendar day in `zone`, as UTC `YYYY-MM-DDTHH:mm:ssZ`. */
export function startOfLocalDayUtc(date: string, zone: string): string {
  return DateTime.fromISO(date, { zone }).startOf('day').toUTC().toFormat("yyyy-LL-dd'T'HH:mm:ss'Z'");
}

/** True when `date` is a real calendar date in `YYYY-MM-DD` form. */
export function isIsoDate(date: string): boolean {
  // Year 0000 does not exist in PostgreSQL's calendar (1 BC is followed by 1 AD), though luxon reads it.
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && !date.startsWith('0000') && DateTime.fromISO(date).isValid;
}

/** Today's date in `zone`. */
export function todayIn(zone: string): string {
  return DateTime.now().setZone(zone).toISODate() as string;
}

/** A calendar date `days` after `date` (negative for before). */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date).plus({ days }).toISODate() as string;
}

