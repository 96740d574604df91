/**
 * The Ahjo replica's dataset at scale N: the three lists as CopyTimelines (one instant per copy and
 * base record, in Ahjo's newest-first order) and lookups that lead a copied id back to its base
 * record (copies.ts says how ids are copied). Records are built only when a page or a detail is
 * answered; nothing is cached.
 */
import { copyCalendar, CopyTimeline, ZoneClock, type CopyCalendar } from '../../shared/replica';
import type { AhjoCase, AhjoDecision, AhjoMeeting } from '../upstream/types';
import {
  casePrefix,
  copyCase,
  copyCaseId,
  copyDecision,
  copyGuids,
  copyLetters,
  copyMeeting,
  copyNumberOfLetters,
  guidCopyNumber,
  guidKey,
  MAX_GUID_COPIES,
  parseMeetingCopy,
  type Copy,
} from './copies';

/** The fields holding local times that a copy moves back. */
const DATE_FIELDS = new Set(['DateDecision', 'DateMeeting', 'Issued', 'Created', 'Acquired', 'DateNearestDeadline']);

export interface AhjoLists {
  decisions: AhjoDecision[];
  meetings: AhjoMeeting[];
  cases: AhjoCase[];
  /** NativeId → the local time Ahjo handled a decision whose record carries no date (never served). */
  handled?: Record<string, string>;
}

export interface ScaledAhjo {
  scale: number;
  calendar: CopyCalendar;
  decisions: CopyTimeline;
  meetings: CopyTimeline;
  cases: CopyTimeline;
  /** What copy k changes: its number and the days it is moved back. */
  copy(k: number): Copy;
  decisionAt(pair: number): AhjoDecision;
  meetingAt(pair: number): AhjoMeeting;
  /** The case of a pair, built from `base` (the list passes the case without Handlings and Records). */
  caseAt(pair: number, base?: AhjoCase): AhjoCase;
  /** A decision by NativeId, with or without braces, any case, URL-encoded or not. */
  decision(id: string): AhjoDecision | null;
  meeting(id: string): AhjoMeeting | null;
  case(id: string): AhjoCase | null;
}

/** NativeIds compare without braces and case (the subgraph and the paatokset proxy upper-case them). */
export const normalizeNativeId = (id: string) => decodeURIComponent(id).replace(/[{}]/g, '').toUpperCase();

/**
 * The local time a decision was "handled" (what handledsince/handledbefore filter on; not documented by
 * Ahjo): the replica's own record of it when the data has one (`handled`, by NativeId: most officer
 * decisions carry no date at all, as in real dumps), else its decision date, meeting date or PDF's Issued.
 */
export function handledTime(d: AhjoDecision, handled?: ReadonlyMap<string, string>): string | null | undefined {
  return handled?.get(normalizeNativeId(d.NativeId)) || d.DateDecision || d.Meeting?.DateMeeting || d.PDF?.Issued;
}

/** Every local time a copy moves back, to see how far back copies may go. */
function* datesIn(value: unknown, key = ''): Generator<string> {
  if (typeof value === 'string') {
    if (DATE_FIELDS.has(key)) yield value;
  } else if (Array.isArray(value)) {
    for (const item of value) yield* datesIn(item, key);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== 'Organization') yield* datesIn(v, k);
  }
}

/** The first index of each key (a lookup answers the first record with an id, as `find` did). */
function indexBy<T>(items: T[], key: (item: T) => string | null | undefined): Map<string, number> {
  const map = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    if (k != null && !map.has(k)) map.set(k, i);
  });
  return map;
}

/** Fails at start when the dataset's ids leave no room for `scale` distinct copies. */
function checkRoom(lists: AhjoLists, scale: number, byGuidKey: Map<string, number>, meetingIds: Map<string, number>, prefixes: string[]): void {
  if (scale > MAX_GUID_COPIES) throw new Error(`Ahjo replica: scale ${scale} is over ${MAX_GUID_COPIES}, the copies a GUID's third group can tell apart.`);
  const keyed = lists.decisions.filter((d) => guidKey(d.NativeId) !== null).length;
  if (byGuidKey.size < new Set(lists.decisions.map((d) => normalizeNativeId(d.NativeId))).size || keyed < lists.decisions.length) {
    throw new Error('Ahjo replica: two decisions differ only in the third group of their NativeId (or one is not a GUID), so their copies would share ids; scale must be 1 for this dataset.');
  }
  const longest = Math.max(0, ...prefixes.map((p) => p.length));
  if (longest + copyLetters(scale - 1).length > 6) {
    throw new Error(`Ahjo replica: scale ${scale} needs ${copyLetters(scale - 1).length} letters after the case prefix, and CaseIDs allow 6 letters in all (longest prefix here: ${longest}).`);
  }
  const clash = prefixes.find((p) => prefixes.some((q) => q !== p && q.startsWith(p)));
  if (clash) throw new Error(`Ahjo replica: case prefix ${clash} starts another prefix, so copied CaseIDs could clash; scale must be 1 for this dataset.`);
  for (const id of meetingIds.keys()) {
    const parsed = parseMeetingCopy(id);
    if (parsed && meetingIds.has(parsed.base) && parsed.copy < scale) throw new Error(`Ahjo replica: MeetingID ${id} reads as copy ${parsed.copy} of ${parsed.base}; scale must be at most ${parsed.copy}.`);
  }
}

/** The dataset `scale` times over; `zone` is the city's, in which Ahjo writes its local times. */
export function scaleAhjo(lists: AhjoLists, scale: number, zone: string): ScaledAhjo {
  const clock = new ZoneClock(zone);
  const handled = new Map(Object.entries(lists.handled ?? {}).map(([id, time]) => [normalizeNativeId(id), time]));
  const calendar = copyCalendar([...datesIn({ decisions: lists.decisions, meetings: lists.meetings, cases: lists.cases }), ...handled.values()]);
  const days = Int32Array.from({ length: scale }, (_, k) => calendar.daysBack(k));
  const copy = (k: number): Copy => ({ copy: k, days: days[k] });

  const decisionsByNativeId = indexBy(lists.decisions, (d) => normalizeNativeId(d.NativeId));
  const decisionsByGuidKey = indexBy(lists.decisions, (d) => guidKey(d.NativeId));
  const meetingsById = indexBy(lists.meetings, (m) => m.MeetingID.toUpperCase());
  const casesById = indexBy(lists.cases, (c) => c.CaseID.toUpperCase());
  // Longest first: `HELA-…` is a copy of `HELA-…`'s base only if no longer prefix explains it.
  const prefixes = [...new Set([...lists.cases.map((c) => c.CaseID), ...lists.decisions.map((d) => d.CaseID ?? '')].map((id) => casePrefix(id)?.toUpperCase()).filter((p): p is string => !!p))].sort((a, b) => b.length - a.length);
  if (scale > 1) checkRoom(lists, scale, decisionsByGuidKey, meetingsById, prefixes);

  /** A list's instants: copy 0 read exactly as before, copies through the day-offset clock. */
  const timeline = <T>(items: T[], time: (item: T) => string | null | undefined) => {
    const moved = items.map((item) => clock.moved(time(item)));
    return new CopyTimeline(items.length, scale, (j, k) => moved[j](days[k]), true);
  };

  const scaled: ScaledAhjo = {
    scale,
    calendar,
    copy,
    decisions: timeline(lists.decisions, (d) => handledTime(d, handled)),
    meetings: timeline(lists.meetings, (m) => m.DateMeeting),
    cases: timeline(lists.cases, (c) => c.Created),
    decisionAt: (pair) => copyDecision(lists.decisions[scaled.decisions.baseOf(pair)], copy(scaled.decisions.copyOf(pair))),
    meetingAt: (pair) => copyMeeting(lists.meetings[scaled.meetings.baseOf(pair)], copy(scaled.meetings.copyOf(pair))),
    caseAt: (pair, base) => copyCase(base ?? lists.cases[scaled.cases.baseOf(pair)], copy(scaled.cases.copyOf(pair))),

    decision(id) {
      const wanted = normalizeNativeId(id);
      const j = decisionsByNativeId.get(wanted);
      if (j !== undefined) return lists.decisions[j];
      const key = scale > 1 ? guidKey(wanted) : null;
      const base = key === null ? undefined : lists.decisions[decisionsByGuidKey.get(key) ?? -1];
      const k = base ? guidCopyNumber(wanted, base.NativeId) : null;
      return base && k && k < scale && normalizeNativeId(copyGuids(base.NativeId, k)) === wanted ? copyDecision(base, copy(k)) : null;
    },

    meeting(id) {
      const wanted = decodeURIComponent(id).toUpperCase();
      const j = meetingsById.get(wanted);
      if (j !== undefined) return lists.meetings[j];
      const parsed = scale > 1 ? parseMeetingCopy(wanted) : null;
      const base = parsed ? meetingsById.get(parsed.base) : undefined;
      return parsed && base !== undefined && parsed.copy >= 1 && parsed.copy < scale ? copyMeeting(lists.meetings[base], copy(parsed.copy)) : null;
    },

    case(id) {
      const wanted = decodeURIComponent(id).toUpperCase();
      const j = casesById.get(wanted);
      if (j !== undefined) return lists.cases[j];
      if (scale === 1) return null;
      const m = /^([A-Z]+)(-.*)$/.exec(wanted);
      const prefix = m ? prefixes.find((p) => m[1].length > p.length && m[1].startsWith(p)) : undefined;
      if (!m || !prefix) return null;
      const k = copyNumberOfLetters(m[1].slice(prefix.length));
      const base = lists.cases[casesById.get(prefix + m[2]) ?? -1];
      return base && k && k < scale && copyCaseId(base.CaseID, k).toUpperCase() === wanted ? copyCase(base, copy(k)) : null;
    },
  };
  return scaled;
}
