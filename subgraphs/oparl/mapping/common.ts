/**
 * What every OParl mapping needs about the city: its ids, time zone and language, and how an
 * object's URL becomes its id in the graph. OParl ids are URLs; the graph's source id is the URL
 * relative to the System's directory (`https://ris.example.de/oparl/v1/meeting/281` under
 * `https://ris.example.de/oparl/v1/system` → `meeting/281`), so it stays the same whether the sync
 * reads the live server or a replica of it, and a URL elsewhere is kept whole.
 */
import { DateTime } from 'luxon';
import type { CityEntry } from '../../../schema/cities';

/** The sync key of OParl (`sources { key }`), also the upstream of the values reported as unmapped. */
export const OPARL = 'oparl';

export type EntityType = 'decision' | 'meeting' | 'case' | 'body' | 'attachment' | 'agendaitem' | 'category' | 'person' | 'membership' | 'consultation';

/** The per-city facts the pure mapping functions take (built once from the registry entry and the System URL). */
export interface OParlCity {
  id: string;
  name: string;
  zone: string;
  /** The city's main language (OParl data is in German; the registry says which). */
  lang: string;
  /** The System URL's directory: ids are relative to it. */
  base: string;
}

export function oparlCity(city: Pick<CityEntry, 'id' | 'name' | 'timezone' | 'languages'>, systemUrl: string): OParlCity {
  return { id: city.id, name: city.name, zone: city.timezone, lang: city.languages[0] ?? 'de', base: baseOf(systemUrl) };
}

/** `https://h/a/v1/system` → `https://h/a/v1/`; a URL ending in `/` is its own directory. */
export function baseOf(systemUrl: string): string {
  const u = new URL(systemUrl);
  u.search = '';
  u.hash = '';
  return u.href.slice(0, u.href.lastIndexOf('/') + 1);
}

/** An object's source id: its URL relative to the System's directory (the whole URL when it is elsewhere). */
export function relOf(c: OParlCity, url: string): string {
  return url.startsWith(c.base) && url.length > c.base.length ? url.slice(c.base.length) : url;
}

export function gid(c: OParlCity, type: EntityType, sourceId: string): string {
  return `${c.id}:${type}:${sourceId}`;
}

/** A reference (URL) as the global id of what it points to; null when absent. */
export function refGid(c: OParlCity, type: EntityType, url: string | null | undefined): string | null {
  return typeof url === 'string' && url ? gid(c, type, relOf(c, url)) : null;
}

/**
 * An OParl date-time as served: kept as the server wrote it when it carries an offset (the offset
 * is the city's), a time without one read in the city's zone; null when it is not a date-time.
 */
export function dateTimeOf(c: OParlCity, value: string | null | undefined): string | null {
  if (typeof value !== 'string' || !value) return null;
  const hasOffset = /[+-]\d\d:?\d\d$/.test(value);
  // A time with an offset keeps it (`2013-01-04T08:00:00+01:00`); UTC (`Z`) or none is given the city's.
  const dt = hasOffset ? DateTime.fromISO(value, { setZone: true }) : DateTime.fromISO(value, { zone: c.zone }).setZone(c.zone);
  if (!dt.isValid) return null;
  return dt.toISO({ suppressMilliseconds: true });
}

/** The city's local date of a date-time or date. */
export function localDateOf(c: OParlCity, value: string | null | undefined): string | null {
  if (typeof value !== 'string' || !value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const dt = DateTime.fromISO(value, { zone: c.zone });
  return dt.isValid ? dt.setZone(c.zone).toISODate() : null;
}

/** A date (YYYY-MM-DD, or a 1.0 draft's date-time) as the start of that day in the city. */
export function startOfDay(c: OParlCity, value: string | null | undefined): string | null {
  const date = localDateOf(c, value);
  return date ? DateTime.fromISO(date, { zone: c.zone }).startOf('day').toISO({ suppressMilliseconds: true }) : null;
}

export function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** A list property that 1.0 drafts sometimes give as one value. */
export function listOf<T>(value: T[] | T | null | undefined): T[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** URLs among a list's entries (a server may embed objects where the spec has references, or the reverse). */
export function urlsOf(value: unknown): string[] {
  return listOf(value as unknown[]).flatMap((v) => (typeof v === 'string' ? [v] : v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? [(v as { id: string }).id] : []));
}
