/**
 * Copy k of a Notubiz record, for the replica at scale N (shared/replica.ts explains scaling).
 * Organisations and gremia are not copied (the city has one council and one set of committees);
 * everything below them is:
 *
 * - ids of meetings, agenda items, documents and module items: base + k × stride, the stride being
 *   the power of ten above every base id (10^8 for the default data: copy 3 of meeting 1168780 is
 *   301168780), so `id % stride` is the base id and `⌊id / stride⌋` the copy. Nested agenda items,
 *   `parent`, `meeting`, module item references and the `self`/`url` links carry the copy's ids.
 * - case codes get the copy's number: `Z-2024-069566` → `Z-2024-069566-3`, so a copy's proposals
 *   form their own cases.
 * - local times (`YYYY-MM-DD HH:MM:SS`) and dates (`YYYY-MM-DD`, also as attribute values such as a
 *   module item's Datum indiening) move back the copy's days. Titles, file names and texts stay.
 * - a module item's documents are copied wherever they sit: in its attributes' values (its
 *   Hoofddocument), in `attachments.document` or in a `documents` list.
 */
import { daysBefore, rewrite } from '../../shared/replica';
import type { NotubizAgendaItem, NotubizAttribute, NotubizDocument, NotubizMeeting, NotubizModuleItem, NotubizModuleItemAttribute, NotubizModuleItemValue, NotubizRef } from '../upstream/types';

/** The subgraph reads Notubiz ids of up to 12 digits (subgraphs/notubiz/resolvers.ts). */
export const MAX_ID = 999_999_999_999;

export interface Copy {
  copy: number;
  days: number;
  /** The power of ten above every base id. */
  stride: number;
}

/** The smallest power of ten above `maxId` (at least 10). */
export function idStride(maxId: number): number {
  let stride = 10;
  while (stride <= maxId) stride *= 10;
  return stride;
}

export function copyId(id: number, { copy, stride }: Copy): number {
  return id + copy * stride;
}

/** A copied id back to its base id and copy number. */
export function parseCopyId(id: number, stride: number): { base: number; copy: number } {
  return { base: id % stride, copy: Math.floor(id / stride) };
}

/** `api.notubiz.nl/events/meetings/1168780`, `…/document/13104107/1`: the record's id becomes the copy's. */
function copyLink(link: string, c: Copy): string {
  return link.replace(/(\/(?:events\/meetings|agenda_points|labels|module_items|document)\/)(\d+)/, (_, path: string, id: string) => path + copyId(Number(id), c));
}

const DATE_VALUE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/;

function attributes(list: NotubizAttribute[], { days }: Copy): NotubizAttribute[] {
  return list.map((a) => (typeof a.value === 'string' && DATE_VALUE.test(a.value) ? { ...a, value: daysBefore(a.value, days) } : a));
}

const ref = (c: Copy) => (r: NotubizRef) => rewrite(r, { id: (id) => copyId(id, c), self: (s) => copyLink(s, c) });

export function copyDocument(d: NotubizDocument, c: Copy): NotubizDocument {
  if (c.copy === 0) return d;
  const back = (v: string) => daysBefore(v, c.days);
  return rewrite(d, {
    url: (u) => copyLink(u, c),
    self: (s) => copyLink(s, c),
    publication_date: back,
    last_modified: back,
    date: back,
    case_code: (code) => (code ? `${code}-${c.copy}` : code),
    id: (id) => copyId(id, c),
  });
}

function agendaItem(item: NotubizAgendaItem, c: Copy): NotubizAgendaItem {
  return rewrite(item, {
    agenda_items: (items) => items.map((i) => agendaItem(i, c)),
    documents: (docs) => docs.map((d) => copyDocument(d, c)),
    parent: (p) => copyId(p, c),
    last_modified: (v) => daysBefore(v, c.days),
    module_items: (refs) => refs.map(ref(c)),
    meeting: ref(c),
    id: (id) => copyId(id, c),
    type_data: (t) => rewrite(t, { self: (s) => copyLink(s, c), attributes: (list) => attributes(list, c) }),
  });
}

export function copyMeeting(m: NotubizMeeting, c: Copy): NotubizMeeting {
  if (c.copy === 0) return m;
  const back = (v: string) => daysBefore(v, c.days);
  return rewrite(m, {
    creation_date: back,
    id: (id) => copyId(id, c),
    documents: (docs) => docs.map((d) => copyDocument(d, c)),
    parent: (p) => (typeof p === 'number' ? copyId(p, c) : p),
    self: (s) => copyLink(s, c),
    last_modified: back,
    module_items: (refs) => refs.map(ref(c)),
    agenda_items: (items) => items.map((i) => agendaItem(i, c)),
    plannings: (list) => list.map((p) => rewrite(p, { start_date: back, end_date: back })),
    attributes: (list) => (Array.isArray(list) ? attributes(list, c) : list),
  });
}

/** One value of a module item attribute: a date moves back, a document is copied. */
function moduleValue(v: NotubizModuleItemValue, c: Copy): NotubizModuleItemValue {
  const back = (x: unknown) => (typeof x === 'string' && DATE_VALUE.test(x) ? daysBefore(x, c.days) : x);
  if (typeof v === 'string') return back(v) as string;
  if (!v || typeof v !== 'object') return v;
  return rewrite(v, { value: back, '@cdata': back, document: (d) => copyDocument(d, c) });
}

function moduleAttribute(a: NotubizModuleItemAttribute, c: Copy): NotubizModuleItemAttribute {
  return rewrite(a, {
    value: (v) => (typeof v === 'string' && DATE_VALUE.test(v) ? daysBefore(v, c.days) : v),
    values: (vs) => (Array.isArray(vs) ? vs.map((v) => moduleValue(v, c)) : rewrite(vs, { value: (v) => (Array.isArray(v) ? v.map((x) => moduleValue(x, c)) : moduleValue(v, c)) })),
  });
}

export function copyModuleItem(item: NotubizModuleItem, c: Copy): NotubizModuleItem {
  if (c.copy === 0) return item;
  const back = (v: string) => daysBefore(v, c.days);
  return rewrite(item, {
    id: (id) => copyId(id, c),
    attributes: (list) => (Array.isArray(list) ? list.map((a) => moduleAttribute(a, c)) : rewrite(list, { attribute: (a) => (Array.isArray(a) ? a.map((x) => moduleAttribute(x, c)) : moduleAttribute(a, c)) })),
    attachments: (att) => rewrite(att, { document: (d) => (Array.isArray(d) ? d.map((x) => copyDocument(x, c)) : copyDocument(d, c)) }),
    documents: (docs) => docs.map((d) => copyDocument(d, c)),
    created: back,
    last_modified: back,
  });
}
