/**
 * OParl Meeting → the contract's Meeting, its embedded AgendaItems → AgendaItems, and every agenda
 * item with a `result` or a `resolutionText` (of a meeting that was not cancelled) → a Decision.
 * OParl has no decisions of its own: what the council decided on an item is its result.
 */
import type { OParlAgendaItem, OParlMeeting } from '../upstream/types';
import { dateTimeOf, gid, localDateOf, nonEmpty, relOf, urlsOf, type OParlCity } from './common';
import { filesOf, fileOf, type Attachment } from './file';
import { outcomeOf } from './outcome';
import type { Outcome } from '../../shared/args';

export type MeetingStatus = 'SCHEDULED' | 'HELD' | 'CANCELLED' | 'UNKNOWN';

export interface MeetingDoc {
  id: string;
  sourceId: string;
  title: string;
  start: string | null;
  end: string | null;
  date: string | null;
  location: string | null;
  /** The status the data states; a planned meeting's (BY_TIME in the store) follows the clock. */
  status: MeetingStatus;
  statusRaw: string | null;
  /** The data says nothing definite: HELD from `start` on, SCHEDULED before. */
  byTime: boolean;
  cancelled: boolean;
  bodySourceIds: string[];
  participantSourceIds: string[];
  invitation: Attachment | null;
  resultsProtocol: Attachment | null;
  verbatimProtocol: Attachment | null;
  url: string | null;
  sourceUrl: string;
  lastModified: string | null;
}

export interface AgendaItemDoc {
  id: string;
  sourceId: string;
  meetingSourceId: string;
  number: string | null;
  title: string;
  resolutionText: string | null;
  public: boolean | null;
  result: string | null;
  consultationSourceId: string | null;
  /** The decision taken on the item, when it has one (see the module comment). */
  decisionSourceId: string | null;
  resolutionFile: Attachment | null;
  url: string | null;
  sourceUrl: string;
}

export interface DecisionDoc {
  id: string;
  /** The agenda item's source id. */
  sourceId: string;
  title: string;
  date: string | null;
  decidedAt: string | null;
  number: string | null;
  outcome: Outcome;
  outcomeRaw: string | null;
  outcomeUnmapped: boolean;
  resolutionText: string | null;
  meetingSourceId: string;
  /** The meeting's organizations: the first leads (spec), the others met with it. */
  bodySourceIds: string[];
  consultationSourceId: string | null;
  resolutionFile: Attachment | null;
  url: string | null;
  sourceUrl: string;
}

export interface MappedMeeting {
  meeting: MeetingDoc;
  items: AgendaItemDoc[];
  decisions: DecisionDoc[];
  /** Files by owner: the meeting's own, and each agenda item's. */
  files: Array<{ ownerId: string; files: Attachment[] }>;
  /** A meetingState outside the spec's recommended values (counted in unmappedValues). */
  unmappedState: string | null;
}

/** The spec recommends `terminiert` (planned), `eingeladen` (invited, until the minutes are released) and `durchgeführt` (held). */
function statusOf(m: OParlMeeting, start: string | null): { status: MeetingStatus; byTime: boolean; unmapped: boolean } {
  if (m.cancelled === true) return { status: 'CANCELLED', byTime: false, unmapped: false };
  const state = nonEmpty(m.meetingState)?.toLocaleLowerCase('de');
  if (state && /^(durchgeführt|durchgefuehrt|abgeschlossen|beendet|stattgefunden)$/.test(state)) return { status: 'HELD', byTime: false, unmapped: false };
  if (state && /^(ausgefallen|abgesagt|entfällt|entfallen)$/.test(state)) return { status: 'CANCELLED', byTime: false, unmapped: false };
  const known = !state || /^(terminiert|eingeladen|geplant|einberufen)$/.test(state);
  // Planned or invited: held once it has started (the state may stay `eingeladen` until the minutes are out).
  if (start) return { status: 'SCHEDULED', byTime: true, unmapped: !known };
  return { status: known && state ? 'SCHEDULED' : 'UNKNOWN', byTime: false, unmapped: !known };
}

function locationOf(m: OParlMeeting): string | null {
  const l = m.location;
  if (!l || typeof l !== 'object') return null;
  return nonEmpty(l.description) ?? ([nonEmpty(l.room), nonEmpty(l.streetAddress), nonEmpty(l.locality)].filter(Boolean).join(', ') || null);
}

export function meetingOf(c: OParlCity, m: OParlMeeting): MappedMeeting {
  const sourceId = relOf(c, m.id);
  const start = dateTimeOf(c, m.start);
  const status = statusOf(m, start);
  const bodySourceIds = urlsOf(m.organization).map((u) => relOf(c, u));
  const meeting: MeetingDoc = {
    id: gid(c, 'meeting', sourceId),
    sourceId,
    title: nonEmpty(m.name) ?? `Sitzung ${localDateOf(c, m.start) ?? sourceId}`,
    start,
    end: dateTimeOf(c, m.end),
    date: localDateOf(c, m.start),
    location: locationOf(m),
    status: status.status,
    statusRaw: nonEmpty(m.meetingState),
    byTime: status.byTime,
    cancelled: m.cancelled === true,
    bodySourceIds,
    participantSourceIds: urlsOf(m.participant).map((u) => relOf(c, u)),
    invitation: fileOf(c, m.invitation, 'invitation'),
    resultsProtocol: fileOf(c, m.resultsProtocol, 'resultsProtocol'),
    verbatimProtocol: fileOf(c, m.verbatimProtocol, 'verbatimProtocol'),
    url: nonEmpty(m.web),
    sourceUrl: m.id,
    lastModified: dateTimeOf(c, m.modified),
  };
  const items: AgendaItemDoc[] = [];
  const decisions: DecisionDoc[] = [];
  const files: MappedMeeting['files'] = [
    { ownerId: meeting.id, files: filesOf(c, [[m.invitation, 'invitation'], [m.resultsProtocol, 'resultsProtocol'], [m.verbatimProtocol, 'verbatimProtocol'], [m.auxiliaryFile, 'auxiliaryFile']]) },
  ];
  const embedded = (Array.isArray(m.agendaItem) ? m.agendaItem : []).filter((i): i is OParlAgendaItem => !!i && typeof i === 'object' && typeof i.id === 'string' && !i.deleted);
  for (const item of embedded) {
    const itemId = relOf(c, item.id);
    const outcome = outcomeOf(item.result);
    const resolutionText = nonEmpty(item.resolutionText);
    const decided = !meeting.cancelled && (outcome.raw !== null || resolutionText !== null);
    const itemFiles = filesOf(c, [[item.resolutionFile, 'resolutionFile'], [item.auxiliaryFile, 'auxiliaryFile']]);
    const doc: AgendaItemDoc = {
      id: gid(c, 'agendaitem', itemId),
      sourceId: itemId,
      meetingSourceId: sourceId,
      number: nonEmpty(item.number),
      title: nonEmpty(item.name) ?? nonEmpty(item.number) ?? itemId,
      resolutionText,
      public: typeof item.public === 'boolean' ? item.public : null,
      result: outcome.raw,
      consultationSourceId: typeof item.consultation === 'string' ? relOf(c, item.consultation) : null,
      decisionSourceId: decided ? itemId : null,
      resolutionFile: fileOf(c, item.resolutionFile, 'resolutionFile'),
      url: nonEmpty(item.web),
      sourceUrl: item.id,
    };
    items.push(doc);
    files.push({ ownerId: doc.id, files: itemFiles });
    if (!decided) continue;
    const at = dateTimeOf(c, item.start) ?? start;
    decisions.push({
      id: gid(c, 'decision', itemId),
      sourceId: itemId,
      title: doc.title,
      date: localDateOf(c, item.start) ?? meeting.date,
      decidedAt: at,
      number: doc.number,
      outcome: outcome.outcome,
      outcomeRaw: outcome.raw,
      outcomeUnmapped: outcome.unmapped,
      resolutionText,
      meetingSourceId: sourceId,
      bodySourceIds,
      consultationSourceId: doc.consultationSourceId,
      resolutionFile: doc.resolutionFile,
      url: doc.url,
      sourceUrl: item.id,
    });
  }
  return { meeting, items, decisions, files, unmappedState: status.unmapped ? meeting.statusRaw : null };
}
