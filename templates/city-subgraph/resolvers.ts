/**
 * Example City's resolvers over a small JSON dataset (data/decisions.json). A real city replaces
 * the dataset with its own API or files (ideally a synced copy); what stays is how the contract is
 * answered: global ids `{city}:{type}:{sourceId}`, lookups by either id, Relay connections with
 * keyset cursors, BAD_USER_INPUT errors naming the argument, dates with the city's offset.
 */
import fs from 'node:fs';
import path from 'node:path';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

// ---- the city --------------------------------------------------------------------------------------

/** Your city: its id is the root field's name and the prefix of every id it serves. */
export const CITY = {
  id: 'example',
  name: 'Example City',
  country: 'XX',
  timezone: 'Europe/Berlin',
  languages: ['en'],
  licence: {
    name: 'CC BY 4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    attribution: 'Source: Example City, council decisions (example dataset), CC BY 4.0.',
  },
};

// ---- the dataset -----------------------------------------------------------------------------------

export interface RawMember { id: string; name: string; givenName?: string; familyName?: string; group?: string; role: string }
export interface RawBody { id: string; name: string; typeRaw: string; active: boolean; formedOn: string | null; url: string | null; members: RawMember[] }
export interface RawMeeting { id: string; bodyId: string; title: string; start: string | null; end: string | null; location: string | null; statusRaw: string }
export interface RawCase { id: string; label: string; title: string; statusRaw: string; openedAt: string | null; category: string | null }
export interface RawAttachment { id: string; title: string; url: string | null; mimeType: string | null; typeRaw: string | null; publishedAt: string | null }
export interface RawDecision {
  id: string;
  meetingId: string;
  caseId: string | null;
  number: string;
  reference: string | null;
  language: string;
  title: Record<string, string>;
  date: string | null;
  decidedAt: string | null;
  outcomeRaw: string | null;
  text: string | null;
  proposal: string | null;
  categories: string[];
  votes: { yes: number; no: number; abstain: number } | null;
  attachments: RawAttachment[];
}
export interface Dataset {
  source: { key: string; description: string; heldFrom: string };
  categories: Array<{ code: string; name: string }>;
  bodies: RawBody[];
  meetings: RawMeeting[];
  cases: RawCase[];
  decisions: RawDecision[];
}

export const DATASET_FILE = path.join(__dirname, 'data', 'decisions.json');

export function loadDataset(file = DATASET_FILE): Dataset {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Dataset;
}

// ---- the city's vocabularies → the contract's enums (unknown wordings stay raw and are counted) -----

const OUTCOMES: Record<string, string> = { adopted: 'ADOPTED', amended: 'AMENDED', rejected: 'REJECTED', noted: 'NOTED', withdrawn: 'WITHDRAWN', postponed: 'POSTPONED', 'referred back': 'REFERRED_BACK' };
const MEETING_STATUSES: Record<string, string> = { held: 'HELD', cancelled: 'CANCELLED', planned: 'SCHEDULED' };
const CASE_STATUSES: Record<string, string> = { open: 'OPEN', decided: 'DECIDED', closed: 'CLOSED' };
const BODY_TYPES: Record<string, string> = { council: 'COUNCIL', board: 'BOARD', committee: 'COMMITTEE' };
const ROLES: Record<string, string> = { chair: 'CHAIR', 'vice chair': 'VICE_CHAIR', member: 'MEMBER', deputy: 'DEPUTY', secretary: 'SECRETARY' };
/**
 * The dataset's categories → the shared topic scheme (COFOG, UN 1999; the project's topics/cofog.yaml),
 * reviewed by hand: a category not listed gives no topic and is reported in `topics { unmapped }`.
 * Replace it with your city's own table (say where it lives, and how it was reviewed).
 */
export const TOPICS = {
  method: 'SOURCE_LABEL',
  scheme: 'Example City topics (the dataset\'s categories)',
  table: 'templates/city-subgraph/resolvers.ts (TOPICS)',
  review: 'Each category of the example dataset checked against the COFOG group names.',
  entries: { housing: '06.1', mobility: '04.5', finance: '01.1' } as Record<string, string>,
  /** The COFOG names of the codes above: code → [name, division, division name]. */
  names: {
    '06.1': ['Housing development', '06', 'Housing and community amenities'],
    '04.5': ['Transport', '04', 'Economic affairs'],
    '01.1': ['Executive and legislative organs, financial and fiscal affairs, external affairs', '01', 'General public services'],
  } as Record<string, [string, string, string]>,
};
const TOPIC_CODE = /^(0[1-9]|10)(\.[1-9])?$/;
const BODY_TYPE_VALUES = ['COUNCIL', 'BOARD', 'COMMITTEE', 'SUBCOMMITTEE', 'OFFICER', 'TRUSTEE', 'ORGANIZATION', 'OTHER'];
const DIMENSIONS = ['CITY', 'YEAR', 'MONTH', 'OUTCOME', 'TOPIC', 'BODY_TYPE'];

const mapped = (table: Record<string, string>, raw: string | null | undefined, otherwise = 'UNKNOWN') => (raw ? table[raw.trim().toLowerCase()] : undefined) ?? otherwise;

// ---- errors: BAD_USER_INPUT names the argument, so a client (and the gateway) can tell what to fix --

export function badUserInput(argumentName: string, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(`Argument \`${argumentName}\`: ${message}`, { extensions: { code: 'BAD_USER_INPUT', argumentName, ...extra } });
}

const OWN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,60}$/;

/** A global id (`example:decision:2024-01-1`) or the city's own id (`2024-01-1`) → the own id. */
export function parseId(id: unknown, type: string, argumentName = 'id'): string {
  const raw = String(id ?? '').trim();
  const prefix = `${CITY.id}:${type}:`;
  let own = raw;
  if (raw.startsWith(prefix)) own = raw.slice(prefix.length);
  else if (/^[a-z]+:[a-z]+:/.test(raw)) throw badUserInput(argumentName, `${JSON.stringify(raw)} is not an ${CITY.id} ${type} id; expected \`${prefix}…\` or the city's own id.`);
  if (!OWN_ID.test(own)) throw badUserInput(argumentName, `${JSON.stringify(raw)} is not a well-formed ${CITY.id} ${type} id; expected e.g. \`${prefix}2024-01\` or \`2024-01\`.`);
  return own;
}

export const gid = (type: string, own: string) => `${CITY.id}:${type}:${own}`;

/** `first` of a list: 0 to `max`; absent gives the contract's default `byDefault`. */
function checkFirst(first: unknown, max: number, byDefault: number, argumentName = 'first'): number {
  if (first === null || first === undefined) return byDefault;
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > max) throw badUserInput(argumentName, `must be between 0 and ${max} (got ${first}). Page through larger results with \`after\`.`);
  return first;
}

function isDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m || m[1] === '0000') return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function checkDate(value: unknown, argumentName: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || !isDate(value)) throw badUserInput(argumentName, `${JSON.stringify(value)} is not a date; use a calendar date in YYYY-MM-DD form, e.g. 2024-01-31.`);
  return value;
}

function checkRange(filter: { from?: unknown; to?: unknown } | null | undefined): { from: string | null; to: string | null } {
  const from = checkDate(filter?.from, 'filter.from');
  const to = checkDate(filter?.to, 'filter.to');
  if (from && to && from >= to) throw badUserInput('filter.to', `must be after \`filter.from\` (from is inclusive, to exclusive); got from ${from}, to ${to}.`);
  return { from, to };
}

const inRange = (date: string | null, r: { from: string | null; to: string | null }) => (!r.from && !r.to) || (!!date && (!r.from || date >= r.from) && (!r.to || date < r.to));

/**
 * Checks a `lang` argument. The example city publishes in one language, so nothing else chooses one;
 * a city with several lets the request's Accept-Language choose when `lang` is absent (the contract's
 * `lang`: q-values honoured, its own languages only, e.g. with the `negotiator` package).
 */
function checkLang(lang: unknown): string | null {
  if (lang === null || lang === undefined) return null;
  if (typeof lang !== 'string' || !/^[a-z]{2}$/.test(lang)) throw badUserInput('lang', `${JSON.stringify(lang)} is not a two-letter ISO 639-1 code.`);
  return lang;
}

/** Every word must occur, case- and diacritic-insensitive. */
function textMatcher(text: unknown): ((...values: Array<string | null | undefined>) => boolean) | null {
  if (text === null || text === undefined) return null;
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(String(text)).split(/\s+/).filter(Boolean);
  if (!words.length) throw badUserInput('filter.text', 'must not be empty; leave it out to match everything.');
  if (String(text).length > 200) throw badUserInput('filter.text', 'is longer than 200 characters.');
  return (...values) => {
    const haystack = fold(values.filter(Boolean).join(' '));
    return words.every((w) => haystack.includes(w));
  };
}

// ---- connections: keyset cursors over (sort key, id), so a page boundary stays put when items arrive --

type SortKey = [string, string];

const encodeCursor = (key: SortKey) => Buffer.from(JSON.stringify(['c1', ...key]), 'utf8').toString('base64url');

function decodeCursor(cursor: string): SortKey {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // not a cursor of ours: reported below
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== 'c1' || typeof parsed[1] !== 'string' || typeof parsed[2] !== 'string') {
    throw badUserInput('after', `${JSON.stringify(cursor)} is not a cursor of this list; pass an \`endCursor\` or edge \`cursor\` returned by the same field.`);
  }
  return [parsed[1], parsed[2]];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Newest first by date (undated last), then by id. */
const newestFirst = (a: SortKey, b: SortKey) => (a[0] === b[0] ? cmp(a[1], b[1]) : a[0] === '' ? 1 : b[0] === '' ? -1 : -cmp(a[0], b[0]));
/** By name, then by id. */
const byName = (a: SortKey, b: SortKey) => cmp(a[0], b[0]) || cmp(a[1], b[1]);

function connection<T>(items: T[], keyOf: (item: T) => SortKey, order: (a: SortKey, b: SortKey) => number, args: { first?: unknown; after?: unknown }) {
  const first = checkFirst(args.first, 100, 20);
  const sorted = items.map((item) => ({ item, key: keyOf(item) })).sort((a, b) => order(a.key, b.key));
  const after = args.after === null || args.after === undefined ? null : decodeCursor(String(args.after));
  const rest = after ? sorted.filter((e) => order(e.key, after) > 0) : sorted;
  const page = rest.slice(0, first);
  const edges = page.map((e) => ({ cursor: encodeCursor(e.key), node: e.item }));
  return {
    coveredPeriod: null,
    totalCount: sorted.length,
    pageInfo: {
      hasNextPage: rest.length > page.length,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    edges,
    nodes: edges.map((e) => e.node),
  };
}

/** Nested lists: at most `first` (0 to 500), continuing after the item whose global id is `after`. */
function nested<T>(items: T[], idOf: (item: T) => string, args: { first?: unknown; after?: unknown }, max = 500): T[] {
  const first = checkFirst(args.first, max, 100);
  let start = 0;
  if (args.after !== null && args.after !== undefined) {
    const at = items.findIndex((i) => idOf(i) === String(args.after));
    if (at < 0) throw badUserInput('after', `${JSON.stringify(args.after)} is not the id of an item of this list.`);
    start = at + 1;
  }
  return items.slice(start, start + first);
}

// ---- scalars: outputs are checked on the way out; inputs are checked by the field that takes them ------

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const literal = (ast: ValueNode) => (ast.kind === Kind.STRING ? ast.value : ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? String(ast.value) : null);

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize(value) {
    if (typeof value !== 'string' || !isDate(value)) throw new TypeError(`Date cannot represent ${JSON.stringify(value)}`);
    return value;
  },
  parseValue: (value) => value,
  parseLiteral: literal,
});

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize(value) {
    if (typeof value !== 'string' || !DATE_TIME.test(value)) throw new TypeError(`DateTime cannot represent ${JSON.stringify(value)}`);
    return value;
  },
  parseValue: (value) => value,
  parseLiteral: literal,
});

// ---- resolvers -------------------------------------------------------------------------------------

type Args = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
/** What the resolvers return for `{ example { … } }`: the city itself has no record. */
type CityRoot = Record<string, never>;

export function createResolvers(data: Dataset, loadedAt = new Date()) {
  const bodies = new Map(data.bodies.map((b) => [b.id, b]));
  const meetings = new Map(data.meetings.map((m) => [m.id, m]));
  const cases = new Map(data.cases.map((c) => [c.id, c]));
  const decisions = new Map(data.decisions.map((d) => [d.id, d]));
  const categories = new Map(data.categories.map((c) => [c.code, c]));
  const loaded = loadedAt.toISOString();

  /** A lookup that does not find the id is a BAD_USER_INPUT with reason NOT_FOUND, as in every city. */
  function lookup<T>(map: Map<string, T>, id: unknown, type: string, argumentName = 'id'): T {
    const own = parseId(id, type, argumentName);
    const found = map.get(own);
    if (!found) throw badUserInput(argumentName, `no ${CITY.id} ${type} has id ${JSON.stringify(String(id))}.`, { reason: 'NOT_FOUND' });
    return found;
  }

  const meetingOf = (d: RawDecision) => meetings.get(d.meetingId) ?? null;
  const bodyOfDecision = (d: RawDecision) => bodies.get(meetingOf(d)?.bodyId ?? '') ?? null;
  const meetingDate = (m: RawMeeting) => m.start?.slice(0, 10) ?? null; // start carries the city's offset, so its date is the local date
  const category = (code: string) => ({ id: gid('category', code), code, name: categories.get(code)?.name ?? code, scheme: 'Example City topics', parentCode: null });
  const rich = (text: string | null, lang: string) => (text ? { lang, html: null, plain: text } : null);
  const byNumber = (a: RawDecision, b: RawDecision) => Number(a.number) - Number(b.number) || cmp(a.id, b.id);
  const decisionKey = (d: RawDecision): SortKey => [d.date ?? '', d.id];

  /** A decision's topic: its first category the TOPICS table lists. */
  const topicOf = (d: RawDecision) => {
    const value = d.categories.find((c) => TOPICS.entries[c]);
    if (!value) return null;
    const code = TOPICS.entries[value];
    const [name, division, divisionName] = TOPICS.names[code];
    return { code, name, division, divisionName, method: TOPICS.method, sourceValue: value };
  };

  /** The decisions a filter selects (after checking it): the list and `decisionStats` both use it. */
  function selectDecisions(filter: Args | null | undefined, forcedBody?: string): RawDecision[] {
    const f = filter ?? {};
    const range = checkRange(f);
    const text = textMatcher(f.text);
    let body: string | null = f.body ? parseId(f.body, 'body', 'filter.body') : null;
    if (forcedBody) {
      if (body && body !== forcedBody) throw badUserInput('filter.body', `must be empty or this body (${gid('body', forcedBody)}).`);
      body = forcedBody;
    }
    if (f.category !== null && f.category !== undefined && !String(f.category).trim()) throw badUserInput('filter.category', 'must not be empty.');
    const outcomes: string[] | null = f.outcome ?? null;
    const topics: string[] | null = f.topic ?? null;
    for (const code of topics ?? []) {
      if (!TOPIC_CODE.test(code)) throw badUserInput('filter.topic', `${JSON.stringify(code)} is not a COFOG code; give a division \`01\` … \`10\` (e.g. \`06\`, which matches its groups) or a group such as \`06.1\`.`);
    }
    const bodyTypes: string[] | null = f.bodyType ?? null;
    for (const t of bodyTypes ?? []) if (!BODY_TYPE_VALUES.includes(t)) throw badUserInput('filter.bodyType', `unknown body type ${t}; allowed: ${BODY_TYPE_VALUES.join(', ')}.`);
    const topicMatches = (d: RawDecision) => {
      const code = topicOf(d)?.code;
      return !!code && topics!.some((t) => code === t || code.startsWith(`${t}.`));
    };
    const bodyTypeOf = (d: RawDecision) => {
      const b = bodyOfDecision(d);
      return b ? mapped(BODY_TYPES, b.typeRaw, 'OTHER') : null;
    };
    return data.decisions.filter(
      (d) =>
        inRange(d.date, range) &&
        (!body || meetingOf(d)?.bodyId === body) &&
        (!f.category || d.categories.some((c) => c.startsWith(String(f.category).trim()))) &&
        (!outcomes || outcomes.includes(mapped(OUTCOMES, d.outcomeRaw))) &&
        (!text || text(...Object.values(d.title), d.text, d.proposal)) &&
        (!topics || topicMatches(d)) &&
        (!bodyTypes || bodyTypes.includes(bodyTypeOf(d) ?? '')),
    );
  }

  function decisionList(args: Args, forcedBody?: string) {
    return connection(selectDecisions(args.filter, forcedBody), decisionKey, newestFirst, args);
  }

  /** `decisionStats`: the selected decisions counted by the dimensions, ordered as the contract says. */
  function decisionStats(args: Args) {
    const groupBy: string[] = args.groupBy ?? [];
    if (!groupBy.length) throw badUserInput('groupBy', `must name at least one dimension of ${DIMENSIONS.join(', ')}.`);
    const twice = groupBy.find((g, i) => groupBy.indexOf(g) !== i);
    if (twice) throw badUserInput('groupBy', `names ${twice} twice; give each dimension at most once.`);
    const valueOf: Record<string, (d: RawDecision) => string | number | null> = {
      CITY: () => CITY.id,
      YEAR: (d) => (d.date ? Number(d.date.slice(0, 4)) : null),
      MONTH: (d) => d.date?.slice(0, 7) ?? null,
      OUTCOME: (d) => mapped(OUTCOMES, d.outcomeRaw),
      TOPIC: (d) => topicOf(d)?.division ?? null,
      BODY_TYPE: (d) => {
        const b = bodyOfDecision(d);
        return b ? mapped(BODY_TYPES, b.typeRaw, 'OTHER') : null;
      },
    };
    const field: Record<string, string> = { CITY: 'city', YEAR: 'year', MONTH: 'month', OUTCOME: 'outcome', TOPIC: 'topic', BODY_TYPE: 'bodyType' };
    const buckets = new Map<string, Record<string, unknown>>();
    for (const d of selectDecisions(args.filter)) {
      const values = groupBy.map((g) => valueOf[g](d));
      const key = JSON.stringify(values);
      const bucket = buckets.get(key) ?? { city: null, year: null, month: null, outcome: null, topic: null, bodyType: null, count: 0 };
      groupBy.forEach((g, i) => (bucket[field[g]] = values[i]));
      (bucket.count as number)++;
      buckets.set(key, bucket);
    }
    // Years and months newest first, the others ascending; nulls last.
    const order = (a: Record<string, unknown>, b: Record<string, unknown>) => {
      for (const g of groupBy) {
        const [x, y] = [a[field[g]], b[field[g]]] as Array<string | number | null>;
        if (x === y) continue;
        if (x === null) return 1;
        if (y === null) return -1;
        const c = x < y ? -1 : 1;
        return g === 'YEAR' || g === 'MONTH' ? -c : c;
      }
      return 0;
    };
    const sorted = [...buckets.values()].sort(order);
    return { totalCount: sorted.reduce((n, b) => n + (b.count as number), 0), groupBy, buckets: sorted };
  }

  function meetingList(args: Args, forcedBody?: string) {
    const f = args.filter ?? {};
    const range = checkRange(f);
    let body: string | null = f.body ? parseId(f.body, 'body', 'filter.body') : null;
    if (forcedBody) {
      if (body && body !== forcedBody) throw badUserInput('filter.body', `must be empty or this body (${gid('body', forcedBody)}).`);
      body = forcedBody;
    }
    const items = data.meetings.filter((m) => inRange(meetingDate(m), range) && (!body || m.bodyId === body) && (!f.status || mapped(MEETING_STATUSES, m.statusRaw) === f.status));
    return connection(items, (m) => [meetingDate(m) ?? '', m.id], newestFirst, args);
  }

  /** How many records have a field: the coverage notes are counted, not asserted. */
  const counted = (field: string, note: string, records: number, recordsWith: number) => ({
    field,
    availability: recordsWith === records ? 'FULL' : recordsWith === 0 ? 'NONE' : 'PARTIAL',
    note,
    records,
    recordsWith,
    share: records ? Math.round((recordsWith / records) * 10000) / 10000 : null,
    measuredAt: loaded,
  });

  const unmapped = () => {
    const counts = new Map<string, number>();
    for (const d of data.decisions) if (d.outcomeRaw && mapped(OUTCOMES, d.outcomeRaw) === 'UNKNOWN') counts.set(d.outcomeRaw, (counts.get(d.outcomeRaw) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]).map(([value, records]) => ({ field: 'Decision.outcome', value, records }));
  };

  const interfaces = { City: 'ExampleCity', Decision: 'ExampleDecision', Meeting: 'ExampleMeeting', Body: 'ExampleBody', Case: 'ExampleCase', AgendaItem: 'ExampleAgendaItem', Attachment: 'ExampleAttachment', Source: 'SyncedSource',
    DecisionConnection: 'ExampleDecisionConnection', DecisionEdge: 'ExampleDecisionEdge', MeetingConnection: 'ExampleMeetingConnection', MeetingEdge: 'ExampleMeetingEdge',
    CaseConnection: 'ExampleCaseConnection', CaseEdge: 'ExampleCaseEdge', BodyConnection: 'ExampleBodyConnection', BodyEdge: 'ExampleBodyEdge' };

  return {
    Date: DateScalar,
    DateTime: DateTimeScalar,
    // Each contract interface is implemented by exactly one Example type.
    ...Object.fromEntries(Object.entries(interfaces).map(([i, t]) => [i, { __resolveType: () => t }])),
    Query: {
      example: (): CityRoot => ({}),
    },
    ExampleCity: {
      // The City type is an entity: the gateway's `cities` fetches it by id.
      __resolveReference: (ref: { id?: unknown }) => (ref.id === CITY.id ? {} : null),
      decisionStats: (_: CityRoot, args: Args) => decisionStats(args),
      topics: () => {
        const withTopic = data.decisions.filter((d) => topicOf(d)).length;
        const unmappedValues = new Map<string, number>();
        for (const d of data.decisions) if (!topicOf(d) && d.categories[0]) unmappedValues.set(d.categories[0], (unmappedValues.get(d.categories[0]) ?? 0) + 1);
        return {
          method: TOPICS.method,
          scheme: TOPICS.scheme,
          table: TOPICS.table,
          review: TOPICS.review,
          records: data.decisions.length,
          recordsWith: withTopic,
          share: data.decisions.length ? Math.round((withTopic / data.decisions.length) * 10000) / 10000 : null,
          unmapped: (args: Args) =>
            [...unmappedValues].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])).slice(0, checkFirst(args.first, 100, 20)).map(([value, records]) => ({ field: 'Decision.topic', value, records })),
        };
      },
      capabilities: () => {
        const of = (has: (d: RawDecision) => boolean) => {
          const n = data.decisions.filter(has).length;
          return n === data.decisions.length ? 'FULL' : n === 0 ? 'NONE' : 'PARTIAL';
        };
        return {
          outcome: of((d) => mapped(OUTCOMES, d.outcomeRaw) !== 'UNKNOWN'),
          votes: of((d) => !!d.votes),
          categories: of((d) => d.categories.length > 0),
          topics: TOPICS.method,
          // The text filter matches words as written (no stemming).
          stemmedLanguages: [],
          decisionStats: true,
        };
      },
      id: () => CITY.id,
      name: () => CITY.name,
      country: () => CITY.country,
      timezone: () => CITY.timezone,
      languages: () => CITY.languages,
      licence: () => CITY.licence,
      upstream: () => DATASET_FILE,
      coverage: () => [
        counted('Decision.outcome', 'Mapped from `outcomeRaw`; an unknown wording is UNKNOWN and counted in `sources { unmappedValues }`.', data.decisions.length, data.decisions.filter((d) => mapped(OUTCOMES, d.outcomeRaw) !== 'UNKNOWN').length),
        counted('Decision.decidedAt', 'The minutes give a time only for items that were voted on or discussed at length.', data.decisions.length, data.decisions.filter((d) => d.decidedAt).length),
        counted('Decision.voteEvents', 'Recorded votes only: counts per option, no individual votes.', data.decisions.length, data.decisions.filter((d) => d.votes).length),
        counted('Decision.case', 'Only items that belong to a case.', data.decisions.length, data.decisions.filter((d) => d.caseId).length),
        { field: 'Meeting.participants', availability: 'NONE', note: 'The dataset records no attendance.', records: null, recordsWith: null, share: null, measuredAt: null },
      ],
      sources: () => [
        {
          key: data.source.key,
          url: DATASET_FILE,
          lastSuccessAt: loaded,
          lastAttemptAt: loaded,
          lagSeconds: Math.max(0, Math.round((Date.now() - loadedAt.getTime()) / 1000)),
          lastError: null,
          recordsHeld: data.bodies.length + data.meetings.length + data.cases.length + data.decisions.length,
          recordsSetAside: 0,
          setAside: () => [],
          unmappedValues: (args: Args) => unmapped().slice(0, checkFirst(args.first, 100, 20)),
          syncing: false,
          backfilled: true,
          heldFrom: data.source.heldFrom,
          heldThrough: loaded,
        },
      ],
      // The summary of `sources`: a city with a sync says here whether its last refresh failed (then
      // `servedFromOlderCopy` is true, with the sync's error in `reasons`); this dataset is read once.
      freshness: () => ({
        servedFromOlderCopy: false,
        reasons: [],
        lastSyncedAt: loaded,
        ageSeconds: Math.max(0, Math.round((Date.now() - loadedAt.getTime()) / 1000)),
      }),
      decisions: (_: CityRoot, args: Args) => decisionList(args),
      decision: (_: CityRoot, args: Args) => lookup(decisions, args.id, 'decision'),
      meetings: (_: CityRoot, args: Args) => meetingList(args),
      meeting: (_: CityRoot, args: Args) => lookup(meetings, args.id, 'meeting'),
      cases: (_: CityRoot, args: Args) => {
        const f = args.filter ?? {};
        const range = checkRange(f);
        const text = textMatcher(f.text);
        const items = data.cases.filter((c) => inRange(c.openedAt?.slice(0, 10) ?? null, range) && (!f.status || mapped(CASE_STATUSES, c.statusRaw) === f.status) && (!text || text(c.title, c.label)));
        return connection(items, (c) => [c.openedAt?.slice(0, 10) ?? '', c.id], newestFirst, args);
      },
      case: (_: CityRoot, args: Args) => lookup(cases, args.id, 'case'),
      bodies: (_: CityRoot, args: Args) => {
        const f = args.filter ?? {};
        const text = textMatcher(f.text);
        const items = data.bodies.filter((b) => (!f.type || mapped(BODY_TYPES, b.typeRaw, 'OTHER') === f.type) && (f.active === null || f.active === undefined || b.active === f.active) && (!text || text(b.name)));
        return connection(items, (b) => [b.name, b.id], byName, args);
      },
      body: (_: CityRoot, args: Args) => lookup(bodies, args.id, 'body'),
    },
    ExampleDecision: {
      __resolveReference: (ref: { id: string }) => lookup(decisions, ref.id, 'decision'),
      id: (d: RawDecision) => gid('decision', d.id),
      sourceId: (d: RawDecision) => d.id,
      title: (d: RawDecision, args: Args) => d.title[checkLang(args.lang) ?? ''] ?? d.title[d.language] ?? Object.values(d.title)[0],
      titles: (d: RawDecision) => Object.entries(d.title).map(([lang, text]) => ({ lang, text })),
      availableLanguages: (d: RawDecision) => Object.keys(d.title),
      // One language only: `lang` is checked, and every language falls back to it.
      content: (d: RawDecision, args: Args) => {
        checkLang(args.lang);
        return rich(d.text, d.language);
      },
      proposal: (d: RawDecision, args: Args) => {
        checkLang(args.lang);
        return rich(d.proposal, d.language);
      },
      outcome: (d: RawDecision) => mapped(OUTCOMES, d.outcomeRaw),
      body: bodyOfDecision,
      meeting: meetingOf,
      case: (d: RawDecision) => (d.caseId ? cases.get(d.caseId) ?? null : null),
      categories: (d: RawDecision) => d.categories.map(category),
      topic: topicOf,
      voteEvents: (d: RawDecision) =>
        d.votes
          ? [
              {
                id: gid('vote', `${d.id}:1`),
                motion: null,
                counts: (['yes', 'no', 'abstain'] as const).map((o) => ({ option: o.toUpperCase(), optionRaw: o, value: d.votes![o], motion: null })),
                groupCounts: [],
                votes: [],
                totalCast: d.votes.yes + d.votes.no + d.votes.abstain,
              },
            ]
          : [],
      url: () => null,
      sourceUrl: () => null,
    },
    ExampleMeeting: {
      __resolveReference: (ref: { id: string }) => lookup(meetings, ref.id, 'meeting'),
      id: (m: RawMeeting) => gid('meeting', m.id),
      sourceId: (m: RawMeeting) => m.id,
      date: meetingDate,
      status: (m: RawMeeting) => mapped(MEETING_STATUSES, m.statusRaw),
      body: (m: RawMeeting) => bodies.get(m.bodyId) ?? null,
      agenda: (m: RawMeeting, args: Args) => nested(data.decisions.filter((d) => d.meetingId === m.id).sort(byNumber).map((d) => ({ meeting: m, decision: d })), (i) => gid('agendaitem', `${m.id}:${i.decision.number}`), args),
      decisions: (m: RawMeeting, args: Args) => nested(data.decisions.filter((d) => d.meetingId === m.id).sort(byNumber), (d) => gid('decision', d.id), args),
      participants: () => [],
      attachments: () => [],
      url: () => null,
      sourceUrl: () => null,
    },
    ExampleAgendaItem: {
      id: (i: { meeting: RawMeeting; decision: RawDecision }) => gid('agendaitem', `${i.meeting.id}:${i.decision.number}`),
      number: (i: { decision: RawDecision }) => i.decision.number,
      title: (i: { decision: RawDecision }) => i.decision.title[i.decision.language],
      content: (i: { decision: RawDecision }) => rich(i.decision.text, i.decision.language),
      parent: () => null,
      children: (_: unknown, args: Args) => nested([], () => '', args),
      decision: (i: { decision: RawDecision }) => i.decision,
      attachments: (i: { decision: RawDecision }) => i.decision.attachments,
    },
    ExampleBody: {
      __resolveReference: (ref: { id: string }) => lookup(bodies, ref.id, 'body'),
      id: (b: RawBody) => gid('body', b.id),
      sourceId: (b: RawBody) => b.id,
      type: (b: RawBody) => mapped(BODY_TYPES, b.typeRaw, 'OTHER'),
      dissolvedOn: () => null,
      parent: () => null,
      children: (_: RawBody, args: Args) => nested([], () => '', args),
      members: (b: RawBody, args: Args) =>
        b.members.slice(0, checkFirst(args.first, 500, 500)).map((m) => ({
          person: { id: gid('person', m.id), sourceId: m.id, name: m.name, givenName: m.givenName ?? null, familyName: m.familyName ?? null, group: m.group ?? null },
          role: m.role,
          roleType: mapped(ROLES, m.role, 'OTHER'),
          deputyOf: null,
        })),
      decisions: (b: RawBody, args: Args) => decisionList(args, b.id),
      meetings: (b: RawBody, args: Args) => meetingList(args, b.id),
    },
    ExampleCase: {
      __resolveReference: (ref: { id: string }) => lookup(cases, ref.id, 'case'),
      id: (c: RawCase) => gid('case', c.id),
      sourceId: (c: RawCase) => c.id,
      status: (c: RawCase) => mapped(CASE_STATUSES, c.statusRaw),
      categories: (c: RawCase) => (c.category ? [category(c.category)] : []),
      decisions: (c: RawCase, args: Args) => nested(data.decisions.filter((d) => d.caseId === c.id).sort((a, b) => newestFirst(decisionKey(a), decisionKey(b))), (d) => gid('decision', d.id), args),
      attachments: (c: RawCase) => data.decisions.filter((d) => d.caseId === c.id).flatMap((d) => d.attachments),
      url: () => null,
      sourceUrl: () => null,
    },
    ExampleAttachment: {
      id: (a: RawAttachment) => gid('attachment', a.id),
      sourceId: (a: RawAttachment) => a.id,
      language: () => null,
    },
  };
}
