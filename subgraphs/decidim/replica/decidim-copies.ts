/**
 * The Decidim seed at scale N (shared/replica.ts explains scaling): copy k of every participatory
 * process, as another edition of it, with everything it holds. The copies are added to the seed
 * once at start and share all their texts with the base records (only the fields below are new
 * objects), so even scale 1000 stays small; paging (50 a page), counts and visibility are then the
 * replica's as for any seed.
 *
 * - ids (processes, categories, components, proposals, meetings, agendas and their items, statuses,
 *   results, pages) and the references between them (parentId, meetingId, categoryId, statusId):
 *   base + k × stride, the stride being the power of ten above every base id (10^5 for the default
 *   seed: copy 3 of proposal 60116 is 360116). Decidim ids are database ids, unique per table.
 * - slugs get the copy's number (`pam2024-3`); references are rebuilt as Decidim builds them, from
 *   the copy's creation month and id (`BCN-PROP-2023-02-60116` → `BCN-PROP-2020-03-360116`).
 * - timestamps (`2023-04-17T12:00:00+02:00`) move back the copy's days at the same wall time, with
 *   the organisation's offset on the new day; dates (`2024-12-31`) move back the same days.
 */
import { copyCalendar, daysBefore, ZoneClock, type CopyCalendar } from '../../shared/replica';
import type { DecidimSeed, SeedProcess } from './decidim';

/** The subgraph reads Decidim ids of up to 12 digits (`process-…`, `decidim:…`). */
const MAX_ID = 999_999_999_999;
const ID_KEYS = new Set(['id', 'parentId', 'meetingId', 'categoryId', 'statusId']);
const TIMESTAMP_KEY = /(At|Time)$/;
const DATE_KEY = /Date$/;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

interface Copy {
  copy: number;
  days: number;
  stride: number;
  clock: ZoneClock;
}

/** Every id-like and date-like value of the seed, keyed as the copy rules read them. */
function* seedValues(value: unknown, key = ''): Generator<[string, string]> {
  if (Array.isArray(value)) for (const item of value) yield* seedValues(item, key);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* seedValues(v, k);
  else if (typeof value === 'string') yield [key, value];
}

/** `+02:00` for 120 minutes. */
function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A timestamp moved back `days` days at the same wall time, with the zone's offset on the new day. */
export function timestampBefore(value: string, days: number, clock: ZoneClock): string {
  const m = TIMESTAMP.exec(value);
  if (!m || days === 0) return value;
  const date = daysBefore(m[1], days);
  if (m[6] === 'Z') return date + value.slice(10);
  const [y, mo, d] = date.split('-').map(Number);
  const wall = Date.UTC(y, mo - 1, d, Number(m[2]), Number(m[3]), Number(m[4] ?? 0));
  return `${date}${value.slice(10, value.length - m[6].length)}${offsetText(clock.offsetAt(wall))}`;
}

/** `BCN-PROP-2023-02-60116` for the copy: its creation month and id, as Decidim's reference generator writes them. */
function copyReference(reference: string, baseId: string, id: string, createdAt: string | undefined, copy: number): string {
  const m = /^(.*)-(\d{4})-(\d{2})-(\d+)$/.exec(reference);
  if (!m || m[4] !== baseId || !createdAt) return `${reference}-${copy}`;
  return `${m[1]}-${createdAt.slice(0, 4)}-${createdAt.slice(5, 7)}-${id}`;
}

/** A seed value as copy k has it: new objects only where something changed, the base's values elsewhere. */
function copyValue(value: unknown, key: string, c: Copy): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => copyValue(item, key, c));
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) {
      out[k] = copyValue(v, k, c);
      changed ||= out[k] !== v;
    }
    if (typeof record.reference === 'string' && typeof record.id === 'string') {
      out.reference = copyReference(record.reference, record.id, out.id as string, out.createdAt as string | undefined, c.copy);
      changed = true;
    }
    return changed ? out : value;
  }
  if (typeof value !== 'string') return value;
  if (ID_KEYS.has(key)) return String(Number(value) + c.copy * c.stride);
  if (key === 'slug') return `${value}-${c.copy}`;
  if (TIMESTAMP_KEY.test(key)) return timestampBefore(value, c.days, c.clock);
  if (DATE_KEY.test(key)) return daysBefore(value, c.days);
  return value;
}

/** The stride between copies' ids; fails at start when an id is not a number or copies would pass 12 digits. */
function idStride(seed: DecidimSeed, scale: number): number {
  let maxId = 0;
  for (const [key, value] of seedValues(seed.participatoryProcesses)) {
    if (!ID_KEYS.has(key)) continue;
    if (!/^\d+$/.test(value)) throw new Error(`Decidim replica: Decidim ${key} "${value}" is not a database id (digits), so its copies could not be numbered; scale must be 1 for this seed.`);
    maxId = Math.max(maxId, Number(value));
  }
  let stride = 10;
  while (stride <= maxId) stride *= 10;
  if ((scale - 1) * stride + maxId > MAX_ID) throw new Error(`Decidim replica: at scale ${scale} copied Decidim ids would pass 12 digits (copies are ${stride} apart).`);
  return stride;
}

/** How far back Decidim's copies go: from the seed's own dates. */
export function decidimCalendar(seed: DecidimSeed): CopyCalendar {
  const dates = [...seedValues(seed.participatoryProcesses)].filter(([k]) => TIMESTAMP_KEY.test(k) || DATE_KEY.test(k)).map(([, v]) => v);
  return copyCalendar(dates);
}

/** The seed with copies 1..scale-1 of every process after the base ones; scale 1 is the seed itself. */
export function scaleDecidimSeed(seed: DecidimSeed, scale: number): DecidimSeed {
  if (scale === 1) return seed;
  const stride = idStride(seed, scale);
  const calendar = decidimCalendar(seed);
  const clock = new ZoneClock(seed.organization.timeZone);
  const copies: SeedProcess[] = [];
  for (let copy = 1; copy < scale; copy++) {
    const c: Copy = { copy, days: calendar.daysBack(copy), stride, clock };
    for (const p of seed.participatoryProcesses) copies.push(copyValue(p, '', c) as SeedProcess);
  }
  return { ...seed, participatoryProcesses: [...seed.participatoryProcesses, ...copies] };
}
