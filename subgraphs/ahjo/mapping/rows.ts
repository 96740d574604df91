/**
 * An Ahjo city's mapped records → store rows: the columns lists filter, sort, search and count on, and
 * the record itself (doc) that the resolvers serve. Pure functions, like the rest of mapping/.
 */
import type { AgendaItemRow, BodyRow, CaseRow, DecisionRow, DocumentRow, MeetingRow, Unit, VoteEventRow } from '../../shared/store/rows';
import { searchText } from '../../shared/store/search';
import { startOfLocalDayUtc, addDays } from '../../shared/time';
import { gid, UPSTREAM, type MappingCity } from './common';
import type { Decision } from './decision';
import type { Meeting } from './meeting';
import type { Case } from './case';
import type { Body } from './body';

/** The decision as stored: votes and attachments live in their own tables. */
export type StoredDecision = Omit<Decision, 'voteEvents' | 'attachments'>;
export type StoredMeeting = Omit<Meeting, 'agenda' | 'attachments'>;
export type StoredCase = Omit<Case, 'attachments'>;

/** Ahjo ids are compared upper-case (the paatokset proxy upper-cases them too). */
export const bodyGid = (city: MappingCity, sourceId: string) => gid(city, 'body', sourceId.toUpperCase());
export const meetingGid = (city: MappingCity, sourceId: string) => gid(city, 'meeting', sourceId.toUpperCase());
export const caseGid = (city: MappingCity, sourceId: string) => gid(city, 'case', sourceId.toUpperCase());

/**
 * Every start of a classification code ("1", "10", "10 ", "10 0", "10 03" …), so that a shorter
 * code matches every code that starts with it, as the category filter promises.
 */
export function categoryKeys(code: string | null): string[] {
  const normalized = code?.trim().replace(/\s+/g, ' ').toLowerCase();
  if (!normalized) return [];
  return [...normalized].map((_, i) => normalized.slice(0, i + 1));
}

export function decisionUnit(city: MappingCity, key: string, decisions: Decision[]): Unit {
  return {
    key,
    decisions: decisions.map((d) => decisionRow(city, d)),
    voteEvents: decisions.flatMap((d) => d.voteEvents.map((v, i): VoteEventRow => voteEventRow(d.id, v, i))),
    documents: decisions.flatMap((d) => d.attachments.map((a, i): DocumentRow => ({ ownerId: d.id, position: i, doc: a }))),
  };
}

export function decisionRow(city: MappingCity, d: Decision): DecisionRow {
  const { voteEvents: _v, attachments: _a, ...doc } = d;
  const texts: Record<string, string> = {};
  for (const v of d.versions) texts[v.lang] = [texts[v.lang], v.title, v.content?.plain, v.proposal?.plain].filter(Boolean).join('\n');
  return {
    id: d.id,
    sourceId: d.sourceId.toUpperCase(),
    aliasIds: d.nativeIds.map((n) => n.toUpperCase()).filter((n) => n !== d.sourceId.toUpperCase()),
    date: d.date,
    sortKey: d.date ?? '',
    bodyIds: d.body ? [bodyGid(city, d.body.sourceId)] : [],
    // Decision.body is the body the decision record names, with its kind.
    bodyType: d.body?.type ?? null,
    meetingId: d.meetingRef ? meetingGid(city, d.meetingRef.MeetingID) : null,
    position: d.number && /^\d+$/.test(d.number) ? Number(d.number) : null,
    caseIds: d.caseSourceId ? [caseGid(city, d.caseSourceId)] : [],
    outcome: d.outcome,
    categories: categoryKeys(d.classificationCode),
    search: searchText([...d.versions.flatMap((v) => [v.title, v.content?.plain, v.proposal?.plain]), d.caseIdLabel, d.caseSourceId]),
    texts,
    doc,
  };
}

function voteEventRow(decisionId: string, v: Decision['voteEvents'][number], position: number): VoteEventRow {
  const count = (option: string) => v.counts.find((c) => c.option === option)?.value ?? 0;
  return { id: v.id, decisionId, position, yes: count('YES'), no: count('NO'), abstain: count('ABSTAIN'), absent: count('ABSENT'), doc: v };
}

/**
 * Meeting status depends on today (a scheduled meeting is held once its date has passed), so the
 * store keeps what the data says (CANCELLED, HELD when the minutes are out, UNKNOWN without a date)
 * and BY_TIME otherwise, with the instant from which it counts as held: the day after its date.
 */
export function meetingUnit(city: MappingCity, m: Meeting): Unit {
  const { agenda, attachments, ...doc } = m;
  const byTime = m.status === 'SCHEDULED' || (m.status === 'HELD' && !m.minutesPublished);
  const row: MeetingRow = {
    id: m.id,
    sourceId: m.sourceId,
    kind: 'AhjoMeeting',
    date: m.date,
    sortKey: m.start ?? '',
    bodyIds: m.bodySourceId ? [bodyGid(city, m.bodySourceId)] : [],
    status: byTime ? 'BY_TIME' : m.status,
    heldFrom: byTime && m.date ? startOfLocalDayUtc(addDays(m.date, 1), city.zone) : null,
    doc,
  };
  return {
    key: `meeting:${m.sourceId.toUpperCase()}`,
    meetings: [row],
    agendaItems: agenda.map((item, i): AgendaItemRow => ({ id: item.id, meetingId: m.id, position: i, doc: item })),
    documents: attachments.map((a, i): DocumentRow => ({ ownerId: m.id, position: i, doc: a })),
  };
}

export function caseUnit(city: MappingCity, c: Case): Unit {
  const { attachments, ...doc } = c;
  const row: CaseRow = {
    id: c.id,
    sourceId: c.sourceId.toUpperCase(),
    date: c.openedOn,
    sortKey: c.openedOn ?? '',
    status: c.status,
    search: searchText([c.title, c.label, c.sourceId]),
    // Ahjo publishes a case's title in the city's main language.
    texts: { [city.main]: c.title },
    doc,
  };
  return {
    key: `case:${c.sourceId.toUpperCase()}`,
    cases: [row],
    documents: attachments.map((a, i): DocumentRow => ({ ownerId: c.id, position: i, doc: a })),
    // A status Ahjo writes that the mapping does not know is counted in `sources`.
    unmappedValues: c.status === 'UNKNOWN' && c.statusRaw ? [{ ownerId: c.id, upstream: UPSTREAM, field: 'Case.status', value: c.statusRaw }] : [],
  };
}

export function bodyRow(city: MappingCity, b: Body): BodyRow {
  return {
    id: b.id,
    sourceId: b.sourceId.toUpperCase(),
    sortKey: b.name.toLocaleLowerCase(city.main),
    type: b.type,
    active: b.active,
    parentId: b.parentRefs[0] ? bodyGid(city, b.parentRefs[0].sourceId) : null,
    search: searchText([b.name]),
    doc: b,
  };
}
