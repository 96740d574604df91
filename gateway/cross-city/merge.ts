/**
 * Merging the cities' answers: their decision lists into one (a k-way merge of lists each already in
 * order), their counts into one set of buckets. Pure functions, tested on their own
 * (gateway/cross-city/merge.test.ts) and end to end.
 */
import type { CrossCityPosition } from './cursor';

/** One decision of a city's page, as the city listed it. */
export interface CityItem {
  /** The city's cursor of this decision (its list resumes after it). */
  cursor: string;
  /** Its date, `YYYY-MM-DD`, or null. */
  date: string | null;
  /** The reference the gateway returns: the city's type and the decision's id. */
  node: { __typename: string; id: string };
}

/** A city's page of the list, from where the cross-city cursor left it. */
export interface CityPage {
  city: string;
  items: CityItem[];
  /** The city has decisions after the last of `items`. */
  hasNextPage: boolean;
}

export interface MergedEdge {
  city: string;
  item: CityItem;
  /** Every city's position right after this edge: what its cursor encodes. */
  position: CrossCityPosition;
}

/**
 * The first `first` decisions of the cities' pages in the cross-city order: `date` descending, null
 * dates last, ties by the city's place in `pages` (registry order), then the city's own order (each
 * city's page is in its own order, which is by date descending too, so taking the best head each time
 * gives the order). `start` is where every city stood before this page.
 */
export function mergePages(pages: CityPage[], first: number, start: CrossCityPosition): { edges: MergedEdge[]; hasNextPage: boolean } {
  const heads = pages.map(() => 0);
  const position: CrossCityPosition = { ...start };
  const edges: MergedEdge[] = [];
  while (edges.length < first) {
    let best = -1;
    for (let i = 0; i < pages.length; i++) {
      if (heads[i] >= pages[i].items.length) continue;
      if (best < 0 || before(pages[i].items[heads[i]].date, pages[best].items[heads[best]].date)) best = i;
    }
    if (best < 0) break;
    const item = pages[best].items[heads[best]++];
    position[pages[best].city] = item.cursor;
    edges.push({ city: pages[best].city, item, position: { ...position } });
  }
  const hasNextPage = pages.some((p, i) => heads[i] < p.items.length || p.hasNextPage);
  return { edges, hasNextPage };
}

/** Whether date `a` comes strictly before date `b` in the list (newer first, null last); equal dates do not (the earlier city wins). */
function before(a: string | null, b: string | null): boolean {
  if (a === b) return false;
  if (a === null) return false;
  if (b === null) return true;
  return a > b;
}

// The dimensions and buckets are the contract's, as every city counts them.
export { DIMENSIONS, type DecisionDimension as Dimension, type DecisionBucket as Bucket } from '../../subgraphs/shared/decision-stats';
import type { DecisionDimension as Dimension, DecisionBucket as Bucket } from '../../subgraphs/shared/decision-stats';

const FIELD: Record<Dimension, Exclude<keyof Bucket, 'count'>> = { CITY: 'city', YEAR: 'year', MONTH: 'month', OUTCOME: 'outcome', TOPIC: 'topic', BODY_TYPE: 'bodyType' };

/**
 * The cities' buckets as one set: a bucket per combination of the dimensions' values, counts summed
 * over the cities (with CITY among the dimensions, each city's buckets stay its own). A dimension not
 * counted by is null. Ordered by the dimensions in the order asked: YEAR and MONTH newest first, CITY
 * in registry order (`cityOrder`), the others ascending, null last in every dimension.
 */
export function mergeBuckets(perCity: Array<{ city: string; buckets: Array<Partial<Bucket> & { count: number }> }>, groupBy: readonly Dimension[], cityOrder: readonly string[]): Bucket[] {
  const merged = new Map<string, Bucket>();
  for (const { city, buckets } of perCity) {
    for (const b of buckets) {
      const bucket: Bucket = { city: null, year: null, month: null, outcome: null, topic: null, bodyType: null, count: 0 };
      for (const d of groupBy) (bucket as unknown as Record<string, unknown>)[FIELD[d]] = d === 'CITY' ? city : (b[FIELD[d]] ?? null);
      const key = JSON.stringify(groupBy.map((d) => bucket[FIELD[d]]));
      const known = merged.get(key);
      if (known) known.count += b.count;
      else merged.set(key, { ...bucket, count: b.count });
    }
  }
  const rank = new Map(cityOrder.map((c, i) => [c, i]));
  const compare = (a: Bucket, b: Bucket): number => {
    for (const d of groupBy) {
      const x = a[FIELD[d]];
      const y = b[FIELD[d]];
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      if (d === 'CITY') return (rank.get(x as string) ?? Infinity) - (rank.get(y as string) ?? Infinity) || (x < y ? -1 : 1);
      const ascending = x < y ? -1 : 1;
      return d === 'YEAR' || d === 'MONTH' ? -ascending : ascending;
    }
    return 0;
  };
  return [...merged.values()].sort(compare);
}
