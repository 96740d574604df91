/**
 * What the comparison page asks the gateway, and the tables it makes of the answers. Every chart is
 * drawn from its table, so the chart, its table view and `decisionStats` show the same numbers.
 */
import { queryData } from '../shared/graphql';

export interface CityInfo {
  id: string;
  name: string;
  capabilities: { votes: string; outcome: string; topics: string | null; decisionStats: boolean } | null;
}

export interface TopicDivision {
  code: string;
  name: string;
  groups: Array<{ code: string; name: string }>;
}

/** The page's choices, as the gateway's CrossCityDecisionFilter (and the export's query parameters). */
export interface Selection {
  cities: string[];
  from?: string;
  to?: string;
  /** A COFOG division or group, e.g. `06` or `06.1`. */
  topic?: string;
}

export interface Bucket {
  city: string | null;
  month?: string | null;
  outcome?: string | null;
  topic?: string | null;
  count: number;
}

export interface CityShare {
  city: string;
  totalCount: number | null;
  error: string | null;
}

/** A table as the page shows it: a header row, then one labelled row per item. */
export interface Table {
  caption: string;
  /** The header of the row labels' column, then the value columns. */
  corner: string;
  columns: string[];
  /** The columns' enum values (outcomes, vote options), where they are one: each has its colour. */
  keys?: Array<string | null>;
  rows: Array<{ label: string; values: number[] }>;
}

export async function loadChoices(): Promise<{ cities: CityInfo[]; topics: TopicDivision[] }> {
  const { data } = await queryData<{ cities: CityInfo[]; topicScheme: TopicDivision[] }>(`query ComparePageChoices {
    cities { id name capabilities { votes outcome topics decisionStats } }
    topicScheme { code name groups { code name } }
  }`);
  return { cities: data.cities, topics: data.topicScheme };
}

export function filterOf(s: Selection): Record<string, unknown> {
  return { cities: s.cities, ...(s.from ? { from: s.from } : {}), ...(s.to ? { to: s.to } : {}), ...(s.topic ? { topic: [s.topic] } : {}) };
}

/** The export of the same decisions (GET /export/decisions.csv|ndjson, the filter as query parameters). */
export function exportUrl(s: Selection, format: 'csv' | 'ndjson' = 'csv'): string {
  const params = new URLSearchParams();
  params.set('cities', s.cities.join(','));
  if (s.from) params.set('from', s.from);
  if (s.to) params.set('to', s.to);
  if (s.topic) params.set('topic', s.topic);
  return `/export/decisions.${format}?${params.toString().replace(/%2C/g, ',')}`;
}

export interface Stats {
  totalCount: number;
  cities: CityShare[];
  perMonth: Bucket[];
  byOutcome: Bucket[];
  byTopic: Bucket[];
  byMonthAndOutcome: Bucket[];
}

/** The three counts, in one request: each city counts in its own store (`decisionStats`). */
export async function loadStats(s: Selection): Promise<Stats> {
  const { data } = await queryData<{ perMonth: { totalCount: number; cities: CityShare[]; buckets: Bucket[] }; byOutcome: { buckets: Bucket[] }; byTopic: { buckets: Bucket[] }; byMonthAndOutcome: { buckets: Bucket[] } }>(
    `query ComparePageStats($filter: CrossCityDecisionFilter) {
      perMonth: decisionStats(filter: $filter, groupBy: [CITY, MONTH]) { totalCount cities { city totalCount error } buckets { city month count } }
      byOutcome: decisionStats(filter: $filter, groupBy: [CITY, OUTCOME]) { buckets { city outcome count } }
      byTopic: decisionStats(filter: $filter, groupBy: [CITY, TOPIC]) { buckets { city topic count } }
      byMonthAndOutcome: decisionStats(filter: $filter, groupBy: [CITY, MONTH, OUTCOME]) { buckets { city month outcome count } }
    }`,
    { filter: filterOf(s) },
  );
  return {
    totalCount: data.perMonth.totalCount,
    cities: data.perMonth.cities,
    perMonth: data.perMonth.buckets,
    byOutcome: data.byOutcome.buckets,
    byTopic: data.byTopic.buckets,
    byMonthAndOutcome: data.byMonthAndOutcome.buckets,
  };
}

/** How many of the newest decisions per city the vote chart looks at (a sample, said so on the page). */
export const VOTE_SAMPLE_SIZE = 100;
/**
 * Decisions per request: a page of decisions with their groups' votes is a costly query (the lists
 * multiply), and 25 stays well within the gateway's cost limit.
 */
const VOTE_PAGE_SIZE = 25;

export interface VoteSample {
  city: string;
  /** Decisions looked at (at most VOTE_SAMPLE_SIZE): the newest of the selection. */
  decisions: number;
  /** Of those, the ones with at least one vote event. */
  withVotes: number;
  voteEvents: number;
  /** Members' votes summed over the sample's vote events, by group and option. */
  groupCounts: Array<{ group: string | null; option: string; value: number }>;
  error?: string;
}

interface VoteNode {
  voteEvents: Array<{ groupCounts: Array<{ group: string | null; option: string; value: number }> }>;
}

/** The newest decisions of the selection in one city, with how their groups voted, page by page. */
export async function loadVoteSample(s: Selection, city: string): Promise<VoteSample> {
  try {
    const nodes: VoteNode[] = [];
    let after: string | null = null;
    while (nodes.length < VOTE_SAMPLE_SIZE) {
      const { data }: { data: { decisions: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: VoteNode[] } } } = await queryData(
        `query ComparePageVotes($filter: CrossCityDecisionFilter, $after: String) {
          decisions(filter: $filter, first: ${VOTE_PAGE_SIZE}, after: $after) { pageInfo { hasNextPage endCursor } nodes { voteEvents { groupCounts { group option value } } } }
        }`,
        { filter: filterOf({ ...s, cities: [city] }), after },
      );
      nodes.push(...data.decisions.nodes);
      if (!data.decisions.pageInfo.hasNextPage || !data.decisions.pageInfo.endCursor) break;
      after = data.decisions.pageInfo.endCursor;
    }
    const sums = new Map<string, { group: string | null; option: string; value: number }>();
    for (const n of nodes) {
      for (const e of n.voteEvents) {
        for (const g of e.groupCounts) {
          const key = JSON.stringify([g.group, g.option]);
          const sum = sums.get(key) ?? { group: g.group, option: g.option, value: 0 };
          sum.value += g.value;
          sums.set(key, sum);
        }
      }
    }
    return {
      city,
      decisions: nodes.length,
      withVotes: nodes.filter((n) => n.voteEvents.length > 0).length,
      voteEvents: nodes.reduce((a, n) => a + n.voteEvents.length, 0),
      groupCounts: [...sums.values()],
    };
  } catch (err) {
    return { city, decisions: 0, withVotes: 0, voteEvents: 0, groupCounts: [], error: (err as Error).message };
  }
}

/** Labels of the contract's enum values (outcomes, vote options): `REQUEST_REJECTED` → "Request rejected". */
export function enumLabel(outcome: string | null | undefined): string {
  if (!outcome) return 'No outcome';
  const words = outcome.toLowerCase().replace(/_/g, ' ');
  return words[0].toUpperCase() + words.slice(1);
}

const byCityOrder = (cities: CityInfo[]) => (id: string | null) => cities.findIndex((c) => c.id === id);

/** Every month from the first to the last, `YYYY-MM`: a month without decisions is a 0, not a gap. */
function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [y, m] = first.split('-').map(Number);
  for (let guard = 0; guard < 1200; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    months.push(month);
    if (month >= last) break;
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return months;
}

/**
 * The months of a chart: the whole period chosen (`to` is exclusive), widened to any month that has
 * decisions; without a period, the first to the last month with decisions. Decisions without a date last.
 */
function monthsOf(buckets: Bucket[], period: { from?: string; to?: string }): Array<string | null> {
  const bounds = buckets.map((b) => b.month).filter((m): m is string => !!m);
  if (period.from) bounds.push(period.from.slice(0, 7));
  if (period.to) {
    // The month of the day before `to`.
    const [y, m, d] = period.to.split('-').map(Number);
    bounds.push(d > 1 ? period.to.slice(0, 7) : m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`);
  }
  bounds.sort();
  const months: Array<string | null> = bounds.length ? monthsBetween(bounds[0], bounds[bounds.length - 1]) : [];
  if (buckets.some((b) => !b.month)) months.push(null);
  return months;
}

/** Decisions per month (rows, oldest first) and city (columns). */
export function perMonthTable(buckets: Bucket[], cities: CityInfo[], period: { from?: string; to?: string } = {}): Table {
  const months = monthsOf(buckets, period);
  const col = byCityOrder(cities);
  return {
    caption: 'Decisions per month and city',
    corner: 'Month',
    columns: cities.map((c) => c.name),
    rows: months.map((m) => {
      const values = cities.map(() => 0);
      for (const b of buckets) if ((b.month ?? null) === m && col(b.city) >= 0) values[col(b.city)] += b.count;
      return { label: m ?? 'No date', values };
    }),
  };
}

/** The contract's outcomes in its order (adopted … unknown): the columns and legend follow it. */
const OUTCOME_ORDER = ['ADOPTED', 'AMENDED', 'REJECTED', 'REQUEST_REJECTED', 'REQUEST_DISMISSED', 'NOTED', 'WITHDRAWN', 'POSTPONED', 'REFERRED_BACK', 'UNKNOWN'];
const outcomeRank = (o: string | null) => (o === null ? 1e9 : OUTCOME_ORDER.includes(o) ? OUTCOME_ORDER.indexOf(o) : 1e6);

/** Decisions per city (rows) and outcome (columns, in the contract's order), with totals. */
export function outcomeTable(buckets: Bucket[], cities: CityInfo[]): Table {
  const outcomes = [...new Set(buckets.map((b) => b.outcome ?? null))].sort((a, b) => outcomeRank(a) - outcomeRank(b));
  return {
    caption: 'Decisions per city and outcome',
    corner: 'City',
    columns: [...outcomes.map(enumLabel), 'Total'],
    keys: [...outcomes, null],
    rows: cities.map((c) => {
      const values = outcomes.map((o) => buckets.filter((b) => b.city === c.id && (b.outcome ?? null) === o).reduce((a, b) => a + b.count, 0));
      return { label: c.name, values: [...values, values.reduce((a, v) => a + v, 0)] };
    }),
  };
}

/** One city's decisions per month (rows, as in perMonthTable) and outcome (columns), with totals. */
export function monthOutcomeTable(buckets: Bucket[], city: CityInfo, period: { from?: string; to?: string } = {}): Table {
  const mine = buckets.filter((b) => b.city === city.id);
  const months = monthsOf(mine, period);
  const outcomes = [...new Set(mine.map((b) => b.outcome ?? null))].sort((a, b) => outcomeRank(a) - outcomeRank(b));
  return {
    caption: `${city.name}: decisions per month and outcome`,
    corner: 'Month',
    columns: [...outcomes.map(enumLabel), 'Total'],
    keys: [...outcomes, null],
    rows: months.map((m) => {
      const values = outcomes.map((o) => mine.filter((b) => (b.month ?? null) === m && (b.outcome ?? null) === o).reduce((a, b) => a + b.count, 0));
      return { label: m ?? 'No date', values: [...values, values.reduce((a, v) => a + v, 0)] };
    }),
  };
}

/** Decisions per topic (rows: COFOG divisions met, then those without a topic) and city (columns). */
export function topicTable(buckets: Bucket[], cities: CityInfo[], scheme: TopicDivision[]): Table {
  const met = new Set(buckets.map((b) => b.topic ?? null));
  const topics: Array<string | null> = [...scheme.map((d) => d.code).filter((code) => met.has(code)), ...[...met].filter((t) => t !== null && !scheme.some((d) => d.code === t)), ...(met.has(null) ? [null] : [])];
  const name = (code: string | null) => (code === null ? 'No topic' : `${code} ${scheme.find((d) => d.code === code)?.name ?? ''}`.trim());
  const col = byCityOrder(cities);
  return {
    caption: 'Decisions per topic (COFOG division) and city',
    corner: 'Topic',
    columns: cities.map((c) => c.name),
    rows: topics.map((t) => {
      const values = cities.map(() => 0);
      for (const b of buckets) if ((b.topic ?? null) === t && col(b.city) >= 0) values[col(b.city)] += b.count;
      return { label: name(t), values };
    }),
  };
}

const VOTE_OPTIONS = ['YES', 'NO', 'ABSTAIN', 'ABSENT', 'NOT_VOTING'];

/** Members' votes per city and group (rows) and option (columns), over the sampled vote events. */
export function voteTable(samples: VoteSample[], cities: CityInfo[]): Table {
  const options = VOTE_OPTIONS.filter((o) => samples.some((s) => s.groupCounts.some((g) => g.option === o)));
  const rows: Table['rows'] = [];
  for (const s of samples) {
    const city = cities.find((c) => c.id === s.city)?.name ?? s.city;
    const groups = [...new Set(s.groupCounts.map((g) => g.group))].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
    for (const group of groups) {
      rows.push({ label: `${city} · ${group ?? 'No group'}`, values: options.map((o) => s.groupCounts.filter((g) => g.group === group && g.option === o).reduce((a, g) => a + g.value, 0)) });
    }
  }
  return { caption: 'Members\u2019 votes per group and option, in the sampled decisions', corner: 'City · group', columns: options.map(enumLabel), keys: options, rows };
}
