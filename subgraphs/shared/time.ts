/** Local times without offset → ISO 8601 with the city's offset (luxon handles DST). */
import { DateTime } from 'luxon';

/** Parses a local date-time string (`2021-12-14T16:00:00.000` or `2018-02-08 13:30:00`) in `zone`; "" and null give null. */
export function parseLocal(value: string | null | undefined, zone: string): DateTime | null {
  if (!value) return null;
  // ISO ("2021-12-14T16:00:00.000", Ahjo) or SQL style ("2018-02-08 13:30:00", Notubiz).
  const iso = DateTime.fromISO(value, { zone, setZone: true });
  if (iso.isValid) return iso;
  const sql = DateTime.fromSQL(value, { zone });
  return sql.isValid ? sql : null;
}

/** `2021-12-14T16:00:00.000` in Europe/Helsinki → `2021-12-14T16:00:00+02:00`. */
export function localToOffset(value: string | null | undefined, zone: string): string | null {
  const dt = parseLocal(value, zone);
  return dt ? dt.toISO({ suppressMilliseconds: true }) : null;
}

/** The local calendar date of a local date-time string. */
export function localDate(value: string | null | undefined, zone: string): string | null {
  const dt = parseLocal(value, zone);
  return dt ? dt.toISODate() : null;
}

/** Start of a local calendar day in `zone`, as UTC `YYYY-MM-DDTHH:mm:ssZ`. */
export function startOfLocalDayUtc(date: string, zone: string): string {
  return DateTime.fromISO(date, { zone }).startOf('day').toUTC().toFormat("yyyy-LL-dd'T'HH:mm:ss'Z'");
}

/** True when `date` is a real calendar date in `YYYY-MM-DD` form. */
export function isIsoDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && DateTime.fromISO(date).isValid;
}

/** Today's date in `zone`. */
export function todayIn(zone: string): string {
  return DateTime.now().setZone(zone).toISODate() as string;
}

/** Start of a local calendar day in `zone`, as local `YYYY-MM-DD HH:mm:ss` (Notubiz's form). */
export function startOfLocalDaySql(date: string, zone: string): string {
  return DateTime.fromISO(date, { zone }).startOf('day').toFormat('yyyy-LL-dd HH:mm:ss');
}

/** A calendar date `days` after `date` (negative for before). */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date).plus({ days }).toISODate() as string;
}

/** A calendar date `months` after `date` (negative for before). */
export function addMonths(date: string, months: number): string {
  return DateTime.fromISO(date).plus({ months }).toISODate() as string;
}
