/** Notubiz meetings → Meetings with their (nested) agenda. */
import { attributesByLabel, dateOf, dateTimeOf, flagOf, gid, nonEmpty, type AttributeLabels, type NotubizCity } from './common';
import { documentOf, type Document } from './document';
import type { NotubizAgendaItem, NotubizMeeting } from '../upstream/types';

export type MeetingStatus = 'SCHEDULED' | 'HELD' | 'CANCELLED' | 'UNKNOWN';

export interface AgendaItem {
  id: string;
  /** `{meetingId}-{itemId}`: the meeting is part of the id, so an item can be found again. */
  sourceId: string;
  itemId: number;
  meetingSourceId: string;
  number: string | null;
  order: number | null;
  title: string;
  /** Title of the heading (section label) the item stands under, if any. */
  heading: string | null;
  parentSourceId: string | null;
  children: AgendaItem[];
  documents: Document[];
  /** Where each linked module item is fetched (`self`), and its Notubiz id, in the same order. */
  moduleItemSelfs: string[];
  moduleItemSourceIds: string[];
}

export interface Meeting {
  id: string;
  sourceId: string;
  title: string;
  start: string | null;
  end: string | null;
  date: string | null;
  location: string | null;
  description: string | null;
  status: MeetingStatus;
  statusRaw: string | null;
  organisationId: number | null;
  gremiumId: number | null;
  /** Body: the gremium (`{org}-{gremium}`), else the organisation. */
  bodySourceId: string | null;
  agenda: AgendaItem[];
  /** Every agenda item, nested ones included, in agenda order. */
  allItems: AgendaItem[];
  attachments: Document[];
  isPublic: boolean;
  confidential: boolean;
  sourceUrl: string | null;
  lastModified: string | null;
  moduleItemSelfs: string[];
}

function itemTitle(item: NotubizAgendaItem): string {
  // ORI: the first attribute is the title, else the second.
  const attrs = item.type_data?.attributes ?? [];
  return nonEmpty(attrs[0]?.value) ?? nonEmpty(attrs[1]?.value) ?? nonEmpty(item.type_data?.title_prefix) ?? `Agendapunt ${item.id}`;
}

function isHeading(item: NotubizAgendaItem): boolean {
  return item.type_data?.heading === true;
}

/**
 * Builds the agenda tree. Headings ("heading": true) are section labels, not items: their
 * children move up a level and carry the heading's title. Labels (type "label") and items
 * without an order are skipped, as ORI's transformer does.
 */
function agendaOf(c: NotubizCity, items: NotubizAgendaItem[] | undefined, meetingId: string, parent: AgendaItem | null, all: AgendaItem[]): AgendaItem[] {
  const out: AgendaItem[] = [];
  let heading: string | null = parent?.heading ?? null;
  const sorted = [...(items ?? [])].sort((a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER));
  for (const item of sorted) {
    if (item.type === 'label' || item.order === null || item.order === undefined) continue;
    if (isHeading(item)) {
      heading = itemTitle(item);
      // Items nested under a heading belong to the heading's level.
      out.push(...agendaOf(c, item.agenda_items, meetingId, parent ? { ...parent, heading } : null, all).map((c) => ({ ...c, heading: c.heading ?? heading })));
      continue;
    }
    const sourceId = `${meetingId}-${item.id}`;
    const mapped: AgendaItem = {
      id: gid(c, 'agendaitem', sourceId),
      sourceId,
      itemId: item.id,
      meetingSourceId: meetingId,
      number: nonEmpty(item.type_data?.title_prefix),
      order: item.order,
      title: itemTitle(item),
      heading,
      parentSourceId: parent?.sourceId ?? null,
      children: [],
      documents: (item.documents ?? []).map((d) => documentOf(c, d)),
      moduleItemSelfs: (item.module_items ?? []).map((m) => m.self ?? `api.notubiz.nl/module_items/${m.id}`),
      moduleItemSourceIds: (item.module_items ?? []).map((m) => String(m.id)),
    };
    all.push(mapped);
    mapped.children = agendaOf(c, item.agenda_items, meetingId, mapped, all);
    out.push(mapped);
  }
  return out;
}

/**
 * Status: `canceled` → CANCELLED (as ORI's transformer reads it). `inactive` meetings are not
 * confirmed by the city, so their status is UNKNOWN. Otherwise HELD once started, else SCHEDULED.
 */
export function meetingStatusOf(c: NotubizCity, m: NotubizMeeting, now: string): { status: MeetingStatus; statusRaw: string | null } {
  if (m.canceled) return { status: 'CANCELLED', statusRaw: 'canceled' };
  if (m.inactive) return { status: 'UNKNOWN', statusRaw: 'inactive' };
  const start = dateTimeOf(c, m.plannings?.[0]?.start_date);
  if (!start) return { status: 'UNKNOWN', statusRaw: null };
  return { status: Date.parse(start) <= Date.parse(now) ? 'HELD' : 'SCHEDULED', statusRaw: null };
}

export function meetingOf(c: NotubizCity, m: NotubizMeeting, labels: AttributeLabels, now: string): Meeting {
  const attributes = attributesByLabel(m.attributes, labels);
  const planning = m.plannings?.[0];
  const sourceId = String(m.id);
  const all: AgendaItem[] = [];
  const agenda = agendaOf(c, m.agenda_items, sourceId, null, all);
  const organisationId = m.organisation?.id ?? null;
  const gremiumId = m.gremium?.id ?? null;
  const start = dateTimeOf(c, planning?.start_date);
  const label = c.meetingLabels;
  return {
    id: gid(c, 'meeting', sourceId),
    sourceId,
    title: nonEmpty(attributes[label.title]) ?? `Vergadering ${planning?.start_date ?? sourceId}`,
    start,
    end: dateTimeOf(c, planning?.end_date),
    date: dateOf(c, planning?.start_date),
    location: nonEmpty(attributes[label.location]),
    description: nonEmpty(attributes[label.description]),
    ...meetingStatusOf(c, m, now),
    organisationId,
    gremiumId,
    bodySourceId: gremiumId !== null && organisationId !== null ? `${organisationId}-${gremiumId}` : organisationId !== null ? String(organisationId) : null,
    agenda,
    allItems: all,
    attachments: (m.documents ?? []).map((d) => documentOf(c, d)),
    isPublic: (m.permission_group ?? 'public') === 'public',
    confidential: flagOf(m.confidential),
    sourceUrl: m.self ? `https://${m.self.replace(/^https?:\/\//, '')}` : null,
    lastModified: dateTimeOf(c, m.last_modified),
    moduleItemSelfs: (m.module_items ?? []).map((x) => x.self ?? `api.notubiz.nl/module_items/${x.id}`),
  };
}
