/**
 * What every city's replica shares: an HTTP server that can add latency, a fault switch to
 * imitate a misbehaving city (tests flip it in process; `PUT /__faults` with JSON flips it over HTTP),
 * and the means to serve a dataset N times over (scale, below).
 */
import http from 'node:http';
import { DateTime, IANAZone } from 'luxon';
import { localMillis } from './time';

/** Answers with a JSON body, as the city APIs do. */
export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  // Encoded once: measuring a string's UTF-8 length and then writing it encodes it twice (~40 ms for a 5 MB page).
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length });
  res.end(bytes);
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface Faults {
  /** Extra delay before answering, in ms. */
  delayMs?: number;
  /** Answer every request with this HTTP status (and a short HTML page, as a proxy would). */
  status?: number;
  /** Answer 200 with a body that is not what the API sends. */
  garbage?: 'html' | 'truncated-json' | 'wrong-envelope';
  /** Close the connection without answering. */
  drop?: boolean;
  /** Send the body one byte every this many ms. */
  slowBodyMs?: number;
  /** Answer 200 with a JSON body of this many bytes. */
  oversizeBytes?: number;
  /** Retry-After header to send with `status`. */
  retryAfter?: number;
  /** Misbehave for this many requests only, then answer normally again (a passing hiccup). */
  times?: number;
}

export function replicaServer(handle: Handler, latencyMs = 0, faults: Faults = {}): http.Server {
  /** The faults this request meets; with `times`, the switch turns itself off after the last one. */
  const take = (): Faults => {
    const current = { ...faults };
    const on = Object.entries(faults).some(([k, v]) => k !== 'times' && k !== 'retryAfter' && v);
    if (on && faults.times !== undefined && --faults.times <= 0) for (const key of Object.keys(faults)) delete faults[key as keyof Faults];
    return current;
  };
  return http.createServer((req, res) => {
    if (req.url === '/__faults' && req.method === 'PUT') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        for (const key of Object.keys(faults)) delete faults[key as keyof Faults];
        try {
          Object.assign(faults, JSON.parse(body || '{}'));
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(faults));
        } catch {
          res.writeHead(400).end();
        }
      });
      return;
    }
    if (req.url === '/health') return handle(req, res);
    const current = take();
    const delay = latencyMs + (current.delayMs ?? 0);
    if (delay > 0) setTimeout(() => misbehave(current, req, res, handle), delay);
    else misbehave(current, req, res, handle);
  });
}

/** Answers as the switch says (or normally, through `handle`, when nothing is set). */
function misbehave(faults: Faults, req: http.IncomingMessage, res: http.ServerResponse, handle: Handler): void {
  if (faults.drop) return void req.socket.destroy();
  if (faults.status) {
    res.writeHead(faults.status, { 'content-type': 'text/html', ...(faults.retryAfter !== undefined ? { 'retry-after': String(faults.retryAfter) } : {}) });
    return void res.end(`<html><body><h1>${faults.status}</h1></body></html>`);
  }
  if (faults.garbage) {
    const body = faults.garbage === 'html' ? '<!DOCTYPE html><html><body>Maintenance</body></html>' : faults.garbage === 'truncated-json' ? '{"decisions":[{"NativeId":"{1' : '{"unexpected":{"items":[]}}';
    res.writeHead(200, { 'content-type': faults.garbage === 'html' ? 'text/html' : 'application/json' });
    return void res.end(body);
  }
  if (faults.oversizeBytes) {
    // Declared, as file servers do: the client refuses it unread. (A chunked oversize body, read up
    // to the limit, is proven in test/shared.test.ts with a small limit: 50 MiB over loopback on a
    // loaded CI machine can outlast the 3 s deadline and turn into a timeout.)
    const body = `{"pad":"${'x'.repeat(faults.oversizeBytes)}"}`;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
    return void res.end(body);
  }
  if (faults.slowBodyMs) {
    res.writeHead(200, { 'content-type': 'application/json' });
    const body = '{"decisions":[]}';
    let i = 0;
    const timer = setInterval(() => {
      if (res.destroyed || i >= body.length) {
        clearInterval(timer);
        if (!res.destroyed) res.end();
        return;
      }
      res.write(body[i++]);
    }, faults.slowBodyMs);
    res.on('close', () => clearInterval(timer));
    return;
  }
  handle(req, res);
}

// ---- Scale: the dataset served N times over --------------------------------------------------
//
// A replica at scale N serves N copies of its recorded dataset: copy 0 is the data unchanged, copy k
// (1..N-1) gives every record new ids (each city derives them from the base id and k, in the city's
// own id formats) and moves every date back by the same whole number of days. Copies are never
// materialised: each list keeps, per (copy, base record) pair, only its instant and its place in the
// list order (CopyTimeline), and a page builds its own records from the base ones.

const DAY_MS = 86_400_000;
/** Copies reach back up to 8 years before the base dates ... */
const COPY_SPREAD_DAYS = 8 * 365 + 2;
/** ... but no copied date goes before 2012-01-01 (the cities' open-data APIs start around then). */
const FIRST_COPY_DAY = Date.UTC(2012, 0, 1) / DAY_MS;

/** A scale: an integer >= 1. `name` (the option or environment variable) is named when it is not one. */
export function replicaScale(value: unknown, name: string): number {
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
    throw new Error(`${name} must be an integer >= 1 (how many copies of the dataset the replica serves; 1 = the data as recorded), got ${JSON.stringify(value)}.`);
  }
  return n;
}

/** The scale in an environment variable (unset or empty: 1); a bad value stops the start naming the variable. */
export function replicaScaleFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? 1 : replicaScale(raw, name);
}

/** The day number (days since 1970-01-01) of a string that starts with `YYYY-MM-DD`, else null. */
export function dayNumberOf(value: string | null | undefined): number | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : null;
}

/**
 * `YYYY-MM-DD…` moved back `days` whole days; the rest (time, offset, fraction) is kept as written,
 * so every city's own format survives. A string that does not start with a date is returned as is.
 */
export function daysBefore(value: string, days: number): string {
  const day = days === 0 ? null : dayNumberOf(value);
  if (day === null) return value;
  return new Date((day - days) * DAY_MS).toISOString().slice(0, 10) + value.slice(10);
}

export interface CopyCalendar {
  /** Copies are moved back by 0 ..< spreadDays days. */
  spreadDays: number;
  /** Whole days copy k is moved back (0 for copy 0). */
  daysBack(copy: number): number;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * How far back each copy goes. Copy k moves back (k × stride) mod spread days, with the stride near
 * spread / golden ratio² and coprime to it: the first n copies fall evenly over the spread for every
 * n (so scale 10's copies are scale 100's first ten, on the same days) and no two of the first
 * `spread` copies share a day. The spread is 8 years, less when the earliest base date (from 2012 on;
 * older ones cannot be kept after 2012 anyway) is nearer to 2012-01-01.
 */
export function copyCalendar(baseDates: Iterable<string | null | undefined>): CopyCalendar {
  let earliest = Infinity;
  for (const value of baseDates) {
    const day = dayNumberOf(value);
    if (day !== null && day >= FIRST_COPY_DAY && day < earliest) earliest = day;
  }
  const spread = Number.isFinite(earliest) ? Math.min(COPY_SPREAD_DAYS, earliest - FIRST_COPY_DAY) : COPY_SPREAD_DAYS;
  let stride = Math.max(1, Math.round(spread * 0.381966));
  while (spread > 1 && gcd(stride, spread) !== 1) stride++;
  return { spreadDays: spread, daysBack: (copy) => (spread > 0 ? (copy * stride) % spread : 0) };
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/**
 * Local times of one zone as instants, fast enough for every copy of a dataset: luxon costs an Intl
 * call per conversion, but a zone's offset is the same all day on all but two days a year, so it is
 * looked up once per calendar day (bounded: one entry per day the data touches). Times on and next
 * to a day the offset changes, and strings that are not plain local times, go through shared/time
 * as before.
 */
export class ZoneClock {
  private readonly offsets = new Map<number, number | null>();
  private readonly tz: IANAZone;

  constructor(readonly zone: string) {
    this.tz = IANAZone.create(zone);
    if (!this.tz.isValid) throw new Error(`${zone} is not a time zone.`);
  }

  /** The instant of a local time moved back `daysBack` days; the same number localMillis gives for the moved string. */
  instant(value: string | null | undefined, daysBack = 0): number | null {
    return this.moved(value)(daysBack);
  }

  /** A local time read once, for all its copies: days back → the instant of the moved time. */
  moved(value: string | null | undefined): (daysBack: number) => number | null {
    if (!value) return () => null;
    const m = LOCAL_TIME.exec(value);
    const wall = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), Number((m[7] ?? '0').padEnd(3, '0'))) : null;
    return (daysBack) => {
      const moved = wall === null || daysBack === 0 ? null : wall - daysBack * DAY_MS;
      const offset = moved === null ? null : this.dayOffset(Math.floor(moved / DAY_MS));
      return offset !== null ? moved! - offset * 60_000 : localMillis(daysBefore(value, daysBack), this.zone);
    };
  }

  /** The zone's offset in minutes at a local wall time (given as if it were UTC). */
  offsetAt(wall: number): number {
    return this.dayOffset(Math.floor(wall / DAY_MS)) ?? DateTime.fromMillis(wall, { zone: 'utc' }).setZone(this.zone, { keepLocalTime: true }).offset;
  }

  /**
   * The offset that holds through a whole local day, or null near a change. A local day lies
   * within 14 hours of its UTC day either side, so one offset at both ends of that span holds
   * throughout (zones change at most twice a year); days next to a change go through luxon too.
   */
  private dayOffset(day: number): number | null {
    let offset = this.offsets.get(day);
    if (offset === undefined) {
      const before = this.tz.offset(day * DAY_MS - 14 * 3_600_000);
      offset = before === this.tz.offset((day + 1) * DAY_MS + 14 * 3_600_000) ? before : null;
      if (this.offsets.size >= 100_000) this.offsets.clear();
      this.offsets.set(day, offset);
    }
    return offset;
  }
}

/** A time window over a list: null bounds are open; `until` is exclusive unless `inclusive`. */
export interface Window {
  since: number | null;
  until: number | null;
  inclusive?: boolean;
}

/**
 * Every (copy, base record) pair of one list in the order the list is served, with its instant:
 * numbers only (16 bytes a pair), computed once at start. A pair is `copy × baseCount + base`.
 * The order is the one the replicas always had: by instant (a record without one counts as 0),
 * newest or oldest first, ties in data order (copy 0 first); so at scale 1 it is today's order.
 */
export class CopyTimeline {
  /** Pairs in list order. */
  readonly pairs: Uint32Array;
  /** The instant of the pair at each position (NaN: the record has none). */
  readonly instants: Float64Array;

  constructor(
    readonly baseCount: number,
    readonly scale: number,
    instantOf: (base: number, copy: number) => number | null,
    readonly newestFirst: boolean,
  ) {
    const count = baseCount * scale;
    if (count > 0xffffffff) throw new Error(`${count} records are more than one list can index; lower the scale.`);
    const byPair = new Float64Array(count);
    for (let copy = 0; copy < scale; copy++) {
      for (let base = 0; base < baseCount; base++) byPair[copy * baseCount + base] = instantOf(base, copy) ?? NaN;
    }
    const key = (pair: number) => (Number.isNaN(byPair[pair]) ? 0 : byPair[pair]);
    const pairs = new Uint32Array(count);
    for (let i = 0; i < count; i++) pairs[i] = i;
    pairs.sort(newestFirst ? (a, b) => key(b) - key(a) || a - b : (a, b) => key(a) - key(b) || a - b);
    this.pairs = pairs;
    this.instants = new Float64Array(count);
    for (let i = 0; i < count; i++) this.instants[i] = byPair[pairs[i]];
  }

  copyOf(pair: number): number {
    return Math.floor(pair / this.baseCount);
  }

  baseOf(pair: number): number {
    return pair % this.baseCount;
  }

  /**
   * The pairs in the window that `matches` accepts: how many there are, and those at match
   * positions [start, end) (a page; bounds are truncated as Array.slice does). With a bound, a
   * record without an instant is outside the window; without bounds every record is in.
   */
  page(window: Window, matches: (pair: number) => boolean, start: number, end: number): { total: number; pairs: number[] } {
    const [from, to] = this.span(window);
    const bounded = window.since !== null || window.until !== null;
    const first = Math.trunc(start);
    const last = Math.trunc(end);
    const pairs: number[] = [];
    let total = 0;
    for (let i = from; i < to; i++) {
      if (bounded && Number.isNaN(this.instants[i])) continue;
      const pair = this.pairs[i];
      if (!matches(pair)) continue;
      if (total >= first && total < last) pairs.push(pair);
      total++;
    }
    return { total, pairs };
  }

  /** Positions [from, to) whose sort key can be in the window (two binary searches). */
  private span({ since, until, inclusive }: Window): [number, number] {
    const lo = since ?? -Infinity;
    const hi = until ?? Infinity;
    const key = (i: number) => (Number.isNaN(this.instants[i]) ? 0 : this.instants[i]);
    const above = (i: number) => (inclusive ? key(i) > hi : key(i) >= hi);
    if (this.newestFirst) return [this.firstWhere((i) => !above(i)), this.firstWhere((i) => key(i) < lo)];
    return [this.firstWhere((i) => key(i) >= lo), this.firstWhere(above)];
  }

  /** The first position where a predicate that turns from false to true along the list holds. */
  private firstWhere(holds: (i: number) => boolean): number {
    let lo = 0;
    let hi = this.pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (holds(mid)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/**
 * A copy of a record with some fields rewritten: only fields the record has and that are not null
 * are touched, so key order, absent keys and nulls stay exactly as recorded. Untouched values are
 * shared with the base record (answers are serialised, never mutated).
 */
export function rewrite<T extends object>(record: T, fields: { [K in keyof T]?: (value: NonNullable<T[K]>) => T[K] }): T {
  const out = { ...record };
  for (const key of Object.keys(fields) as Array<keyof T>) {
    const value = record[key];
    if (value !== null && value !== undefined) out[key] = fields[key]!(value as NonNullable<T[typeof key]>);
  }
  return out;
}
