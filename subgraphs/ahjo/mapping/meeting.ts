/** Ahjo meetings → Meetings, with their agenda items and participants. */
import { attachmentOf, type Attachment } from './attachment';
import { dateOf, dateTimeOf, gid, nonEmpty, selfLink, type MappingCity } from './common';
import { membershipOf, type Membership } from './people';
import { bodyOf, type Body } from './body';
import { richTextOf, type RichText } from './text';
import type { AhjoMeeting, AhjoMeetingSummary } from '../upstream/types';

export type MeetingStatus = 'SCHEDULED' | 'HELD' | 'CANCELLED' | 'UNKNOWN';

export interface AgendaItem {
  id: string;
  meetingSourceId: string;
  number: string | null;
  section: string | null;
  title: string;
  content: RichText | null;
  decisionHistory: RichText | null;
  attachments: Attachment[];
}

export interface Meeting {
  id: string;
  sourceId: string;
  title: string;
  start: string | null;
  end: null;
  date: string | null;
  location: string | null;
  status: MeetingStatus;
  statusRaw: string | null;
  bodySourceId: string | null;
  bodyName: string | null;
  agenda: AgendaItem[];
  participants: Membership[];
  attachments: Attachment[];
  url: null;
  sourceUrl: string | null;
  meetingSequenceNumber: number | null;
  agendaPublished: boolean | null;
  minutesPublished: boolean | null;
  decisionAnnouncement: RichText | null;
  attachmentsNotPublishedInfo: string | null;
  previousMeetingRef: AhjoMeetingSummary | null;
  nextMeetingRef: AhjoMeetingSummary | null;
}

/**
 * Ahjo `Status` is free text: "peruttu" means cancelled. Other values ("Päätetty teknisesti" …)
 * do not say whether the meeting was held, so a meeting is HELD when its minutes are published
 * or its date has passed, SCHEDULED when it lies ahead.
 */
export function meetingStatusOf(city: MappingCity, m: Pick<AhjoMeeting, 'Status' | 'MinutesPublished' | 'DateMeeting'>, today: string): MeetingStatus {
  if (m.Status?.trim().toLowerCase() === 'peruttu') return 'CANCELLED';
  if (m.MinutesPublished === true) return 'HELD';
  const date = dateOf(city, m.DateMeeting);
  if (!date) return 'UNKNOWN';
  return date < today ? 'HELD' : 'SCHEDULED';
}

export function meetingOf(city: MappingCity, m: AhjoMeeting, today: string): Meeting {
  // Ahjo publishes meetings in the city's main language.
  const lang = city.main;
  return {
    id: gid(city, 'meeting', m.MeetingID),
    sourceId: m.MeetingID,
    title: nonEmpty(m.Name) ?? nonEmpty(m.DecisionMaker) ?? m.MeetingID,
    start: dateTimeOf(city, m.DateMeeting),
    end: null,
    date: dateOf(city, m.DateMeeting),
    location: nonEmpty(m.Location),
    status: meetingStatusOf(city, m, today),
    statusRaw: nonEmpty(m.Status),
    bodySourceId: nonEmpty(m.DecisionMakerId),
    bodyName: nonEmpty(m.DecisionMaker),
    agenda: (m.Agenda ?? []).map((item, index) => {
      const number = item.AgendaPoint === null || item.AgendaPoint === undefined ? null : String(item.AgendaPoint);
      return {
        id: gid(city, 'agendaitem', `${m.MeetingID}:${number ?? index + 1}`),
        meetingSourceId: m.MeetingID,
        number,
        section: nonEmpty(item.Section),
        title: item.AgendaItem,
        content: richTextOf(item.HTML, lang),
        decisionHistory: richTextOf(item.DecisionHistoryHTML, lang),
        attachments: item.PDF ? [attachmentOf(city, item.PDF)] : [],
      };
    }),
    participants: (m.Composition ?? []).map((member) => membershipOf(city, member)),
    attachments: (m.MeetingDocuments ?? []).map((r) => attachmentOf(city, r)),
    url: null,
    sourceUrl: selfLink(m.links),
    meetingSequenceNumber: typeof m.MeetingSequenceNumber === 'number' ? m.MeetingSequenceNumber : null,
    agendaPublished: typeof m.AgendaPublished === 'boolean' ? m.AgendaPublished : null,
    minutesPublished: typeof m.MinutesPublished === 'boolean' ? m.MinutesPublished : null,
    decisionAnnouncement: richTextOf(m.DecisionAnnouncement, lang),
    attachmentsNotPublishedInfo: nonEmpty(m.AttachmentsNotPublishedInfo),
    previousMeetingRef: m.PreviousMeeting ?? null,
    nextMeetingRef: m.NextMeeting ?? null,
  };
}

/** A meeting known only from a summary (a decision's Meeting, a PreviousMeeting link). */
export function meetingFromSummary(city: MappingCity, s: AhjoMeetingSummary, today: string): Meeting {
  return meetingOf(city, { ...s, Agenda: [], Composition: [], MeetingDocuments: [] }, today);
}

/** Minimal shape of a decision for matching it to an agenda item. */
interface DecisionOfMeeting {
  number: string | null;
  titles: Array<{ text: string }>;
}

const titleKey = (city: MappingCity, t: string) => t.normalize('NFC').toLocaleLowerCase(city.main).replace(/\s+/g, ' ').replace(/[\s.:;,]+$/, '').trim();

/**
 * The decision taken on an agenda item: the meeting's decision with the item's section (§), or
 * when the agenda leaves Section out (real agendas often do) the one decision of the meeting with
 * the item's title in any language. Two decisions with that title: no guess, null.
 */
export function decisionOfAgendaItem<D extends DecisionOfMeeting>(city: MappingCity, item: Pick<AgendaItem, 'section' | 'title'>, decisions: D[]): D | null {
  if (item.section) return decisions.find((d) => d.number === item.section) ?? null;
  const key = titleKey(city, item.title ?? '');
  if (!key) return null;
  const matches = decisions.filter((d) => d.titles.some((t) => titleKey(city, t.text) === key));
  return matches.length === 1 ? matches[0] : null;
}

/** The body a meeting names (DecisionMakerId, DecisionMaker) when nothing else describes it: its kind is unknown (OTHER). */
export function bodyOfMeeting(city: MappingCity, m: Pick<Meeting, 'bodySourceId' | 'bodyName'>): Body | null {
  if (!m.bodySourceId) return null;
  return bodyOf(city, { ID: m.bodySourceId, Name: m.bodyName ?? m.bodySourceId });
}
