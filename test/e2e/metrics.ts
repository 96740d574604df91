/**
 * Reading a service's GET /metrics in tests, with a real Prometheus text parser
 * (parse-prometheus-text-format): every sample checked is one the parser found.
 */
import parsePrometheus, { type Family } from 'parse-prometheus-text-format';

export type { Family };

/** The /metrics next to a service's /graphql (or at `base` + /metrics). */
export async function scrape(url: string): Promise<Family[]> {
  const res = await fetch(url.replace(/\/graphql$/, '') + '/metrics');
  if (res.status !== 200) throw new Error(`GET /metrics answered ${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  if (!/^text\/plain; version=0\.0\.4/.test(type)) throw new Error(`GET /metrics is not Prometheus text (content-type ${type})`);
  const text = await res.text();
  const families = parsePrometheus(text);
  if (families.length < 20) throw new Error(`GET /metrics holds ${families.length} families`);
  // parse-prometheus-text-format 1.1.1 folds a histogram's label sets into one (their labels, sums
  // and counts are lost): histograms are read again as untyped samples (`…_count{labels}`).
  return parsePrometheus(text.replace(/^# TYPE \S+ histogram$/gm, ''));
}

/** The sum of a family's samples whose labels include `labels` (a histogram's: its `_count`). */
export function value(families: Family[], name: string, labels: Record<string, string> = {}): number {
  // Read as untyped, a histogram's `_count` comes as one family per label set.
  const counts = families.filter((f) => f.name === `${name}_count`);
  return (counts.length ? counts : families.filter((f) => f.name === name))
    .flatMap((f) => f.metrics)
    .filter((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))
    .reduce((sum, m) => sum + Number(m.value ?? m.count ?? 0), 0);
}

/** One sample's value (a gauge), or undefined when the family has no sample with exactly these labels. */
export async function metric(url: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  return value(await scrape(url), name, labels);
}
