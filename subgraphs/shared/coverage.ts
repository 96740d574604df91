/**
 * `City.coverage`: for each part of the contract, how completely the city provides it. Where a
 * part can be counted, the share is measured in the city's copy (records that have it / records
 * held), and the availability follows the measure: FULL only when every record has it. A note's
 * own availability stands where nothing can be counted (a rule, a search feature) or it is DERIVED.
 */
import type { Store } from './store/store';
import type { SyncRunner } from './sync/runner';

export type Availability = 'FULL' | 'PARTIAL' | 'DERIVED' | 'NONE';

/** How to count a field: in which table, over which records, and when a record has it (SQL). */
export interface CoverageMeasure {
  table: 'decisions' | 'meetings' | 'cases' | 'bodies';
  /** SQL condition on the table's row: the record has the field. */
  has: string;
  /** SQL condition selecting the records the field applies to (all rows of the table when absent). */
  of?: string;
}

export interface CoverageNote {
  field: string;
  availability: Availability;
  note: string;
  measure?: CoverageMeasure;
}

export interface MeasuredCoverage {
  field: string;
  availability: Availability;
  note: string;
  records: number | null;
  recordsWith: number | null;
  share: number | null;
  measuredAt: string | null;
}

/** Availability as measured: FULL when every record has the field, NONE when none has, else PARTIAL. */
export function availabilityOf(declared: Availability, records: number, recordsWith: number): Availability {
  if (records === 0) return declared;
  if (declared === 'DERIVED' && recordsWith > 0) return 'DERIVED';
  if (recordsWith === records) return 'FULL';
  if (recordsWith === 0) return 'NONE';
  return 'PARTIAL';
}

/** Counts every measured note in the store: one query per table. */
export async function measureCoverage(store: Store, notes: CoverageNote[], now = new Date()): Promise<MeasuredCoverage[]> {
  const measuredAt = now.toISOString();
  const counts = new Map<CoverageNote, { records: number; recordsWith: number }>();
  const tables = [...new Set(notes.flatMap((n) => (n.measure ? [n.measure.table] : [])))];
  for (const table of tables) {
    const measured = notes.filter((n) => n.measure?.table === table);
    const columns = measured.flatMap((n, i) => {
      const of = n.measure!.of ?? 'true';
      return [`count(*) FILTER (WHERE ${of})::int AS r${i}`, `count(*) FILTER (WHERE (${of}) AND (${n.measure!.has}))::int AS w${i}`];
    });
    const [row] = await store.db.query<Record<string, number>>(`SELECT ${columns.join(', ')} FROM ${table}`);
    measured.forEach((n, i) => counts.set(n, { records: Number(row[`r${i}`]), recordsWith: Number(row[`w${i}`]) }));
  }
  return notes.map((n) => {
    const c = counts.get(n);
    if (!c) return { field: n.field, availability: n.availability, note: n.note, records: null, recordsWith: null, share: null, measuredAt: null };
    return {
      field: n.field,
      availability: availabilityOf(n.availability, c.records, c.recordsWith),
      note: n.note,
      records: c.records,
      recordsWith: c.recordsWith,
      share: c.records ? Math.round((c.recordsWith / c.records) * 10000) / 10000 : null,
      measuredAt,
    };
  });
}

/** How long a measure is served before it is taken again (a sync also renews it). */
const MAX_AGE_MS = 10 * 60_000;
const cache = new WeakMap<Store, { key: string; at: number; value: Promise<MeasuredCoverage[]> }>();

/**
 * The measured coverage, taken again after each completed sync (or ten minutes): counting a large
 * copy takes a moment, and the figures change only when the copy does.
 */
export function coverageOf(store: Store, sync: SyncRunner, notes: CoverageNote[]): Promise<MeasuredCoverage[]> {
  const key = sync.upstreams.map((u) => sync.state(u.key)?.lastSuccessAt ?? '').join('|');
  const held = cache.get(store);
  if (held && held.key === key && Date.now() - held.at < MAX_AGE_MS) return held.value;
  const value = measureCoverage(store, notes);
  cache.set(store, { key, at: Date.now(), value });
  value.catch(() => cache.delete(store));
  return value;
}
