/** Rules on answers: bad arguments, date and date-time values, coverage, sources and freshness. */
import { cityData, oneLine } from '../client';
import { fail, pass, type Check, type Subject } from '../types';

/** A wrong argument and the `argumentName` its BAD_USER_INPUT error must carry. */
interface BadArgument {
  selection: string;
  argumentName: string;
}

const BAD_ARGUMENTS: BadArgument[] = [
  { selection: 'decisions(first: -1) { totalCount }', argumentName: 'first' },
  { selection: 'decisions(first: 101) { totalCount }', argumentName: 'first' },
  { selection: 'meetings(first: 101) { totalCount }', argumentName: 'first' },
  { selection: 'bodies(first: -1) { totalCount }', argumentName: 'first' },
  { selection: 'decisions(after: "not-a-cursor") { totalCount }', argumentName: 'after' },
  { selection: 'meetings(after: "not-a-cursor") { totalCount }', argumentName: 'after' },
  { selection: 'decisions(filter: { from: "not-a-date" }) { totalCount }', argumentName: 'filter.from' },
  { selection: 'decisions(filter: { from: "2024-02-30" }) { totalCount }', argumentName: 'filter.from' },
  { selection: 'meetings(filter: { to: "31.12.2024" }) { totalCount }', argumentName: 'filter.to' },
  { selection: 'decisions(filter: { from: "2024-01-02", to: "2024-01-01" }) { totalCount }', argumentName: 'filter.to' },
  { selection: 'decision(id: "") { id }', argumentName: 'id' },
  // A global id of another namespace is malformed for this city whatever its own ids look like.
  { selection: 'decision(id: "nowhere:decision:1") { id }', argumentName: 'id' },
  { selection: 'meeting(id: "nowhere:meeting:1") { id }', argumentName: 'id' },
];

export const badArguments: Check = {
  rule: 'errors.bad-arguments',
  summary: 'Wrong arguments (first -1 or 101, a non-cursor `after`, a non-date `from`/`to`, `to` before `from`, a malformed id) give an error with `extensions.code` BAD_USER_INPUT and `extensions.argumentName`.',
  async run(s) {
    const bad: Array<Record<string, unknown>> = [];
    for (const b of BAD_ARGUMENTS) {
      const query = `{ ${s.city} { ${b.selection} } }`;
      const answer = await s.post(query);
      const errors = answer.body.errors ?? [];
      const right = errors.some((e) => e.extensions?.code === 'BAD_USER_INPUT' && e.extensions?.argumentName === b.argumentName);
      if (!right) bad.push({ query, expected: { code: 'BAD_USER_INPUT', argumentName: b.argumentName }, got: errors.length ? errors.slice(0, 2).map((e) => ({ message: e.message, code: e.extensions?.code, argumentName: e.extensions?.argumentName })) : 'no error' });
    }
    if (bad.length) {
      const got = bad[0].got;
      const gotText = typeof got === 'string' ? got : `${(got as Array<{ code?: unknown; argumentName?: unknown }>).map((g) => `code ${g.code}, argumentName ${g.argumentName}`).join('; ')}`;
      return fail(`a wrong argument must give BAD_USER_INPUT with extensions.argumentName: ${bad.length} of ${BAD_ARGUMENTS.length} did not, e.g. \`${bad[0].query}\` gave ${gotText} (expected argumentName ${JSON.stringify((bad[0].expected as { argumentName: string }).argumentName)})`, bad.slice(0, 5));
    }
    return pass(`${BAD_ARGUMENTS.length} wrong arguments, each BAD_USER_INPUT naming its argument`);
  },
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

/** A real calendar date in `YYYY-MM-DD` form. */
export function isDate(value: unknown): boolean {
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** ISO 8601 date-time with an offset (`+02:00` or `Z`): a local time without one is ambiguous across cities. */
export function isDateTime(value: unknown): boolean {
  const m = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  return !!m && isDate(m[1]);
}

const DATES_QUERY = `
  decisions(first: 100) { nodes { id date decidedAt meeting { id date start end } case { id openedAt } body { id formedOn dissolvedOn } attachments { id publishedAt } } }
  meetings(first: 100) { nodes { id date start end attachments { id publishedAt } } }
  cases(first: 50) { nodes { id openedAt } }
  bodies(first: 50) { nodes { id formedOn dissolvedOn } }`;

export const dates: Check = {
  rule: 'values.dates',
  summary: 'Date values are `YYYY-MM-DD`, date-times ISO 8601 with an offset (`+02:00` or `Z`), on decisions, meetings, cases and bodies; a meeting\'s `date` is its `start`\'s local date, a decision\'s its `decidedAt`\'s.',
  async run(s) {
    const d = await cityData(s, DATES_QUERY, 'reading dates of decisions, meetings, cases and bodies');
    const bad: Array<{ at: string; value: unknown; expected: string }> = [];
    let checked = 0;
    const date = (at: string, v: unknown) => {
      if (v === null || v === undefined) return;
      checked++;
      if (!isDate(v)) bad.push({ at, value: v, expected: 'a Date: YYYY-MM-DD' });
    };
    const dateTime = (at: string, v: unknown) => {
      if (v === null || v === undefined) return;
      checked++;
      if (!isDateTime(v)) bad.push({ at, value: v, expected: 'a DateTime: ISO 8601 with an offset, e.g. 2024-03-14T18:00:00+01:00 or …Z' });
    };
    // Both are the city's local values, so the date-time's own date is the date (an offset in another zone would shift it).
    const sameDay = (at: string, day: unknown, time: unknown, timeField: string) => {
      if (typeof day === 'string' && typeof time === 'string' && isDate(day) && isDateTime(time) && !time.endsWith('Z') && time.slice(0, 10) !== day) {
        bad.push({ at, value: { date: day, [timeField]: time }, expected: `date equal to ${timeField}'s local date` });
      }
    };
    type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const meeting = (at: string, m: Node) => {
      date(`${at}.date`, m.date);
      dateTime(`${at}.start`, m.start);
      dateTime(`${at}.end`, m.end);
      sameDay(at, m.date, m.start, 'start');
    };
    d.decisions.nodes.forEach((n: Node, i: number) => {
      const at = `decision ${n.id}`;
      date(`${at}.date`, n.date);
      dateTime(`${at}.decidedAt`, n.decidedAt);
      sameDay(at, n.date, n.decidedAt, 'decidedAt');
      if (n.meeting) meeting(`decisions[${i}].meeting ${n.meeting.id}`, n.meeting);
      if (n.case) dateTime(`decisions[${i}].case.openedAt`, n.case.openedAt);
      if (n.body) {
        date(`decisions[${i}].body.formedOn`, n.body.formedOn);
        date(`decisions[${i}].body.dissolvedOn`, n.body.dissolvedOn);
      }
      n.attachments.forEach((a: Node, j: number) => dateTime(`decisions[${i}].attachments[${j}].publishedAt`, a.publishedAt));
    });
    d.meetings.nodes.forEach((m: Node, i: number) => {
      meeting(`meeting ${m.id}`, m);
      m.attachments.forEach((a: Node, j: number) => dateTime(`meetings[${i}].attachments[${j}].publishedAt`, a.publishedAt));
    });
    d.cases.nodes.forEach((c: Node) => dateTime(`case ${c.id}.openedAt`, c.openedAt));
    d.bodies.nodes.forEach((b: Node) => {
      date(`body ${b.id}.formedOn`, b.formedOn);
      date(`body ${b.id}.dissolvedOn`, b.dissolvedOn);
    });
    if (bad.length) {
      const b = bad[0];
      return fail(`dates must be YYYY-MM-DD and date-times ISO 8601 with an offset: ${bad.length} of ${checked} values are not, e.g. ${b.at} = ${JSON.stringify(b.value)} (expected ${b.expected})`, bad.slice(0, 8));
    }
    if (!checked) return fail('the lists carry no date or date-time at all: the kit cannot check their form', { query: oneLine(DATES_QUERY) });
    return pass(`${checked} dates and date-times well formed`);
  },
};

export const coverage: Check = {
  rule: 'city.coverage',
  summary: '`coverage` answers a non-empty list of notes, each with a field, an availability and a note; counted figures are consistent (recordsWith ≤ records, share = recordsWith / records, FULL means every record).',
  async run(s) {
    const d = await cityData(s, 'coverage { field availability note records recordsWith share measuredAt }', '`coverage`');
    const notes: Array<Record<string, any>> = d.coverage; // eslint-disable-line @typescript-eslint/no-explicit-any
    const problems: Array<{ field: unknown; problem: string }> = [];
    if (!notes.length) return fail('`coverage` must say what the city\'s data offers for the contract: it is empty', { coverage: [] });
    for (const n of notes) {
      if (!String(n.field ?? '').trim() || !String(n.note ?? '').trim()) problems.push({ field: n.field, problem: 'field and note must not be empty' });
      if (n.records !== null && n.records !== undefined) {
        if (n.recordsWith === null || n.recordsWith > n.records || n.recordsWith < 0) problems.push({ field: n.field, problem: `recordsWith ${n.recordsWith} with records ${n.records}` });
        else if (n.records > 0 && (n.share === null || Math.abs(n.share - n.recordsWith / n.records) > 0.0001)) problems.push({ field: n.field, problem: `share ${n.share} is not recordsWith / records = ${n.recordsWith}/${n.records}` });
        else if (n.availability === 'FULL' && n.records > 0 && n.recordsWith !== n.records) problems.push({ field: n.field, problem: `availability FULL but only ${n.recordsWith} of ${n.records} records have it` });
      }
      if (n.measuredAt !== null && n.measuredAt !== undefined && !isDateTime(n.measuredAt)) problems.push({ field: n.field, problem: `measuredAt ${JSON.stringify(n.measuredAt)} is not a DateTime with an offset` });
    }
    if (problems.length) return fail(`coverage notes must be consistent: ${problems.length} are not, e.g. ${problems[0].field}: ${problems[0].problem}`, problems.slice(0, 6));
    return pass(`${notes.length} coverage notes (${notes.filter((n) => n.records !== null).length} counted)`);
  },
};

export const sources: Check = {
  rule: 'city.sources',
  summary: '`sources` answers a non-empty list of upstreams with unique keys, a url, record counts ≥ 0, `heldFrom` a date and the sync times as date-times.',
  async run(s: Subject) {
    const d = await cityData(
      s,
      'sources { key url lastSuccessAt lastAttemptAt lagSeconds lastError { code message at } recordsHeld recordsSetAside setAside(first: 5) { kind sourceId reason seenAt } unmappedValues(first: 5) { field value records } syncing backfilled heldFrom heldThrough }',
      '`sources`',
    );
    const list: Array<Record<string, any>> = d.sources; // eslint-disable-line @typescript-eslint/no-explicit-any
    if (!list.length) return fail('`sources` must list the city\'s upstreams and how fresh its copy of each is: it is empty', { sources: [] });
    const problems: string[] = [];
    const keys = new Set<string>();
    for (const src of list) {
      if (!String(src.key ?? '').trim()) problems.push('a source has an empty key');
      if (keys.has(src.key)) problems.push(`key ${src.key} appears twice`);
      keys.add(src.key);
      if (!String(src.url ?? '').trim()) problems.push(`${src.key}: url is empty`);
      if (!(src.recordsHeld >= 0) || !(src.recordsSetAside >= 0)) problems.push(`${src.key}: recordsHeld ${src.recordsHeld}, recordsSetAside ${src.recordsSetAside}`);
      if (!isDate(src.heldFrom)) problems.push(`${src.key}: heldFrom ${JSON.stringify(src.heldFrom)} is not YYYY-MM-DD`);
      for (const f of ['lastSuccessAt', 'lastAttemptAt', 'heldThrough']) if (src[f] !== null && !isDateTime(src[f])) problems.push(`${src.key}: ${f} ${JSON.stringify(src[f])} is not a DateTime with an offset`);
      if (src.lastSuccessAt !== null && !(src.lagSeconds >= 0)) problems.push(`${src.key}: lagSeconds ${src.lagSeconds} with a lastSuccessAt`);
    }
    if (problems.length) return fail(`sources must describe each upstream and its copy: ${problems[0]}`, { problems: problems.slice(0, 8), sources: list.map((x) => ({ key: x.key, heldFrom: x.heldFrom, lastSuccessAt: x.lastSuccessAt })) });
    return pass(`${list.length} source(s): ${list.map((x) => `${x.key} (${x.recordsHeld} records)`).join(', ')}`);
  },
};

export const freshness: Check = {
  rule: 'city.freshness',
  summary: '`freshness` agrees with `sources` in the same answer: `servedFromOlderCopy` exactly when an upstream\'s last sync failed after one succeeded (each such upstream a reason with its error), `lastSyncedAt` the oldest `lastSuccessAt` (null while one is null), ages ≥ 0.',
  async run(s: Subject) {
    const d = await cityData(
      s,
      'sources { key lastSuccessAt lastError { code } } freshness { servedFromOlderCopy reasons { upstream upstreamName lastSyncedAt ageSeconds error { code message at } } lastSyncedAt ageSeconds }',
      '`freshness`',
    );
    const list: Array<Record<string, any>> = d.sources; // eslint-disable-line @typescript-eslint/no-explicit-any
    const f = d.freshness;
    const problems: string[] = [];
    const keys = new Set(list.map((x) => x.key));
    const older = list.filter((x) => x.lastError && x.lastSuccessAt).map((x) => x.key).sort();
    const reasons: Array<Record<string, any>> = f.reasons; // eslint-disable-line @typescript-eslint/no-explicit-any
    const reasonKeys = reasons.map((r) => r.upstream).sort();
    if (f.servedFromOlderCopy !== reasons.length > 0) problems.push(`servedFromOlderCopy is ${f.servedFromOlderCopy} with ${reasons.length} reason(s)`);
    if (JSON.stringify(reasonKeys) !== JSON.stringify(older)) problems.push(`reasons name [${reasonKeys.join(', ')}], but the upstreams whose last sync failed after one succeeded are [${older.join(', ')}]`);
    for (const r of reasons) {
      if (!keys.has(r.upstream)) problems.push(`reason ${JSON.stringify(r.upstream)} is not a key of \`sources\``);
      if (!String(r.upstreamName ?? '').trim() || !String(r.error?.code ?? '').trim() || !String(r.error?.message ?? '').trim()) problems.push(`reason ${r.upstream}: upstreamName, error.code and error.message must not be empty`);
      if (!isDateTime(r.lastSyncedAt) || !isDateTime(r.error?.at)) problems.push(`reason ${r.upstream}: lastSyncedAt ${JSON.stringify(r.lastSyncedAt)} and error.at ${JSON.stringify(r.error?.at)} must be DateTimes with an offset`);
      if (!(r.ageSeconds >= 0)) problems.push(`reason ${r.upstream}: ageSeconds ${r.ageSeconds}`);
    }
    const times = list.map((x) => x.lastSuccessAt);
    const oldest = times.includes(null) || !times.length ? null : Math.min(...times.map((t) => Date.parse(t)));
    if (f.lastSyncedAt !== null && !isDateTime(f.lastSyncedAt)) problems.push(`lastSyncedAt ${JSON.stringify(f.lastSyncedAt)} is not a DateTime with an offset`);
    else if ((f.lastSyncedAt === null ? null : Date.parse(f.lastSyncedAt)) !== oldest) problems.push(`lastSyncedAt is ${f.lastSyncedAt}, but the oldest lastSuccessAt of \`sources\` is ${oldest === null ? 'null' : new Date(oldest).toISOString()}`);
    if (f.lastSyncedAt === null ? f.ageSeconds !== null : !(f.ageSeconds >= 0)) problems.push(`ageSeconds ${f.ageSeconds} with lastSyncedAt ${f.lastSyncedAt}`);
    if (problems.length) return fail(`freshness must summarise \`sources\`: ${problems[0]}`, { problems: problems.slice(0, 8), freshness: f, sources: list });
    return pass(f.servedFromOlderCopy ? `served from an older copy of ${reasonKeys.join(', ')}` : `fresh: last synced ${f.lastSyncedAt ?? 'never'}`);
  },
};

export const VALUE_CHECKS: Check[] = [badArguments, dates, coverage, sources, freshness];
