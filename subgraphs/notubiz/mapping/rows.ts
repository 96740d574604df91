/**
 * A Notubiz city's mapped records → store rows: the columns lists filter, sort, search and count on, and
 * the record itself (doc) that the resolvers serve. Pure functions, like the rest of mapping/.
 *
 * A meeting is one unit (`meeting:{id}`): the meeting, its agenda items (nested through parentId,
 * in depth-first order), its documents and its agenda items' documents (a point's module items'
 * documents among them, as ORI's transformer has them), the decisions derived from it with their
 * outcomes, the outcome wordings the mapping did not recognise (`unmappedValues`), its module
 * items (extras `module_item`) and its case references (below). A meeting Notubiz
 * does not publish is a unit holding only a marker (extras `unpublished_meeting`), so that a
 * lookup can tell "not published" from "unknown" without asking Notubiz.
 *
 * Cases. Notubiz has no case register: a case is a `case_code` on documents, and one case spans
 * meetings (a proposal goes from committee to council). So that a case never depends on more than
 * its own rows, each meeting unit writes one case reference (extras `case_reference`, parent = the
 * case's id) per document carrying a code: an index of case codes that is replaced with the
 * meeting and deleted with it. Each case is then a unit of its own (`case:{code}`): its row (title
 * of its earliest document, opened at its earliest meeting) and its distinct documents (documents
 * owned by the case), rebuilt from its references, through the (kind, parent_id) index, whenever a
 * meeting that carries or carried the code is written. A case's decisions are the decision rows
 * whose caseIds hold it (GIN index); nothing about them is copied into the case.
 *
 * Committees. A council decides on every subject; the committee that discussed the proposal before
 * it (the raadscommissie) has one, and the COMMITTEE topic reads it (`committeeIds`). Notubiz links
 * the two only through the case code their documents share (a Voordracht in committee, then the
 * Raadsvoorstel in council): a decision's committees are the gremia of the other meetings that
 * carried one of its case codes before its meeting (committeesOfDecisions), read from the case
 * references, so the sync rebuilds the meetings whose decisions carry a code whenever that code's
 * references change (sync.ts flushCases). The real sample carries no case code at all, and Open
 * Raadsinformatie's Notubiz transformer (ocd_backend/transformers/notubiz_meeting.py) makes no such link
 * either: it keeps each meeting's gremium as its `committee`, ignores `case_code`, and keys a document
 * by its Notubiz id (so one document on two meetings' agendas is one object, `is_referenced_by` the
 * last agenda item seen): a shared document id would be another link, not made here.
 */
import type { AgendaItemRow, BodyRow, CaseRow, DecisionRow, DocumentRow, ExtraRow, MeetingRow, Unit, UnmappedValueRow } from '../../shared/store/rows';
import { searchText } from '../../shared/store/search';
import { gid, NOTUBIZ, type NotubizCity } from './common';
import type { Body } from './body';
import { pointDocuments, type Decision } from './decision';
import { documentOf, type Document } from './document';
import { moduleItemDocuments, textsByLabel, type Outcome } from './outcome';
import type { AgendaItem, Meeting } from './meeting';
import type { NotubizModuleItem } from '../upstream/types';

type C = Pick<NotubizCity, 'id'>;
export const bodyGid = (c: C, sourceId: string) => gid(c, 'body', sourceId);
export const meetingGid = (c: C, sourceId: string | number) => gid(c, 'meeting', sourceId);
export const agendaItemGid = (c: C, sourceId: string) => gid(c, 'agendaitem', sourceId);
export const decisionGid = (c: C, sourceId: string) => gid(c, 'decision', sourceId);
export const caseGid = (c: C, code: string) => gid(c, 'case', code);
/** A module item as linked from one meeting (the same item could be linked from several). */
export const moduleItemRowId = (c: C, meetingSourceId: string, moduleItemId: string | number) => gid(c, 'moduleitem', `${meetingSourceId}-${moduleItemId}`);

export const meetingUnitKey = (sourceId: string | number) => `meeting:${sourceId}`;
export const caseUnitKey = (code: string) => `case:${code}`;

export const MODULE_ITEM = 'module_item';
export const CASE_REFERENCE = 'case_reference';
export const UNPUBLISHED_MEETING = 'unpublished_meeting';

/** The meeting as stored: its agenda, documents and module item links live in their own rows. */
export type StoredMeeting = Omit<Meeting, 'agenda' | 'allItems' | 'attachments' | 'moduleItemSelfs'>;

/** An agenda item as stored: children, documents and module items are rows of their own. */
export type StoredAgendaItem = Omit<AgendaItem, 'children' | 'documents' | 'moduleItemSelfs' | 'moduleItemSourceIds'> & {
  /** Row ids of its module items (extras), in Notubiz's order. */
  moduleItemIds: string[];
};

/** A decision as stored: its meeting, agenda item and documents are read from their rows. */
export interface StoredDecision {
  id: string;
  sourceId: string;
  title: string;
  date: string | null;
  decidedAt: string | null;
  number: string | null;
  meetingSourceId: string;
  /** The agenda point's `{meetingId}-{itemId}` and Notubiz id. */
  agendaItemSourceId: string;
  itemId: number;
  bodySourceId: string | null;
  caseCodes: string[];
  documentTypes: string[];
  /** Absent in decisions stored before outcomes were mapped (read as UNKNOWN). */
  outcome?: Outcome;
  outcomeRaw?: string | null;
}

export interface ModuleItem {
  sourceId: string;
  title: string | null;
  module: string | null;
  documents: Document[];
}

/** One document of one meeting carrying a case code (see the module comment). */
export interface CaseReference {
  caseCode: string;
  meetingSourceId: string;
  meetingStart: string | null;
  meetingDate: string | null;
  /** Order within the meeting: its own documents first, then its agenda items' (depth first). */
  position: number;
  /** The meeting's gremium (`{organisation}-{gremium}`), null for an organisation's own meeting; absent in references stored before it was kept. */
  gremiumSourceId?: string | null;
  document: Document;
}

export interface StoredCase {
  id: string;
  sourceId: string;
  label: string;
  /** Title of the case's earliest document. */
  title: string;
  openedAt: string | null;
  openedOn: string | null;
}

/** A meeting matches a body filter on its organisation and on its gremium, so the organisation's id finds its gremia too. */
export function meetingBodyIds(c: C, m: Pick<Meeting, 'organisationId' | 'gremiumId'>): string[] {
  if (m.organisationId === null) return [];
  return m.gremiumId === null ? [bodyGid(c, String(m.organisationId))] : [bodyGid(c, String(m.organisationId)), bodyGid(c, `${m.organisationId}-${m.gremiumId}`)];
}

/**
 * Meeting status depends on the clock (a planned meeting is held once it has started), so the store
 * keeps what the data states (CANCELLED, UNKNOWN when inactive or without a start) and BY_TIME
 * otherwise, held from its start on.
 */
export function meetingRow(c: C, m: Meeting): MeetingRow {
  const { agenda: _a, allItems: _i, attachments: _d, moduleItemSelfs: _m, ...doc } = m;
  const byTime = (m.status === 'HELD' || m.status === 'SCHEDULED') && m.start !== null;
  return {
    id: m.id,
    sourceId: m.sourceId,
    // The adapter's type name (city-subgraph.ts renames what resolvers answer, not what rows hold).
    kind: 'NotubizMeeting',
    date: m.date,
    sortKey: m.start ?? '',
    bodyIds: meetingBodyIds(c, m),
    status: byTime ? 'BY_TIME' : m.status,
    heldFrom: byTime ? m.start : null,
    doc: doc satisfies StoredMeeting,
  };
}

export function agendaItemDoc(item: AgendaItem, moduleItemIds: string[]): StoredAgendaItem {
  const { children: _c, documents: _d, moduleItemSelfs: _s, moduleItemSourceIds: _m, ...rest } = item;
  return { ...rest, moduleItemIds };
}

export function decisionDoc(d: Decision): StoredDecision {
  return {
    id: d.id,
    sourceId: d.sourceId,
    title: d.title,
    date: d.date,
    decidedAt: d.decidedAt,
    number: d.number,
    meetingSourceId: d.meeting.sourceId,
    agendaItemSourceId: d.agendaItem.sourceId,
    itemId: d.agendaItem.itemId,
    bodySourceId: d.bodySourceId,
    caseCodes: d.caseCodes,
    documentTypes: d.documentTypes,
    outcome: d.outcome,
    outcomeRaw: d.outcomeRaw,
  };
}

/**
 * A decision's row: dated by its meeting, in the meeting's agenda order (`position`), found by the
 * meeting's organisation and gremium, its case codes, its document types (the category filter, in
 * lower case: it is case-insensitive) and the titles of the point and its documents (the text filter).
 */
export function decisionRow(c: NotubizCity, d: Decision, position: number, committeeIds: string[] = []): DecisionRow {
  const titles = [d.title, ...d.attachments.map((a) => a.title)];
  return {
    id: d.id,
    sourceId: d.sourceId,
    date: d.date,
    sortKey: d.decidedAt ?? '',
    bodyIds: meetingBodyIds(c, d.meeting),
    // The deciding body is the meeting's gremium (else its organisation), as Decision.body serves it.
    bodyId: d.bodySourceId ? bodyGid(c, d.bodySourceId) : null,
    committeeIds,
    meetingId: d.meeting.id,
    position,
    caseIds: d.caseCodes.map((code) => caseGid(c, code)),
    outcome: d.outcome,
    categories: [...new Set(d.documentTypes.map((t) => t.toLowerCase()))],
    search: searchText([d.title, d.number, ...d.attachments.map((a) => a.title)]),
    texts: { [c.language]: titles.join('\n') },
    doc: decisionDoc(d),
  };
}

/** A module item as served: its title (else its Titel attribute), its module and its documents (mapping/outcome.ts). */
export function moduleItemOf(c: NotubizCity, x: NotubizModuleItem): ModuleItem {
  const title = x.title?.trim() || textsByLabel(x, c.meetingLabels.title)[0] || null;
  return { sourceId: String(x.id), title, module: x.module?.title ?? null, documents: moduleItemDocuments(x).map((d) => documentOf(c, d)) };
}

/** A decision whose outcome wording the mapping does not recognise, as a row `sources { unmappedValues }` counts. */
export function unmappedOutcomeRows(decisions: Decision[]): UnmappedValueRow[] {
  return decisions
    .filter((d) => d.outcomeUnmapped && d.outcomeRaw !== null)
    .map((d) => ({ ownerId: d.id, upstream: NOTUBIZ, field: 'Decision.outcome', value: d.outcomeRaw! }));
}

/** The documents of a meeting that carry a case code, each once, in the meeting's order. */
export function caseReferencesOf(m: Meeting): CaseReference[] {
  const seen = new Set<string>();
  const out: CaseReference[] = [];
  for (const document of [...m.attachments, ...m.allItems.flatMap((i) => i.documents)]) {
    if (!document.caseCode || seen.has(document.id)) continue;
    seen.add(document.id);
    const gremiumSourceId = m.gremiumId !== null && m.organisationId !== null ? `${m.organisationId}-${m.gremiumId}` : null;
    out.push({ caseCode: document.caseCode, meetingSourceId: m.sourceId, meetingStart: m.start, meetingDate: m.date, position: out.length, gremiumSourceId, document });
  }
  return out;
}

/**
 * The committees that handled each decision's case before it (see the module comment): the gremia of
 * other meetings that carried one of the decision's case codes and started before the decision's
 * meeting, the most recent first, without the deciding gremium itself. `references`: the stored case
 * references of the decisions' codes (any meeting's; this meeting's own are left out). A decision
 * without a case code, or whose meeting has no start, has none.
 */
export function committeesOfDecisions(c: C, m: Pick<Meeting, 'sourceId' | 'start'>, decisions: Decision[], references: CaseReference[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const start = m.start === null ? NaN : Date.parse(m.start);
  if (Number.isNaN(start)) return out;
  for (const d of decisions) {
    if (!d.caseCodes.length) continue;
    const codes = new Set(d.caseCodes);
    const earlier = references
      .filter((r) => codes.has(r.caseCode) && r.meetingSourceId !== m.sourceId && r.gremiumSourceId && r.gremiumSourceId !== d.bodySourceId && r.meetingStart !== null && Date.parse(r.meetingStart) < start)
      .sort((a, b) => Date.parse(b.meetingStart!) - Date.parse(a.meetingStart!) || Number(b.meetingSourceId) - Number(a.meetingSourceId));
    const ids = [...new Set(earlier.map((r) => r.gremiumSourceId!))];
    if (ids.length) out.set(d.sourceId, ids.map((id) => bodyGid(c, id)));
  }
  return out;
}

/**
 * The unit of a public meeting: the meeting, its agenda and documents, the decisions derived from
 * it (`decisions`, see mapping/decision.ts) and the outcome wordings among them the mapping does not
 * recognise, its module items (those fetched, by Notubiz id) and its case references.
 */
export function meetingUnit(c: NotubizCity, m: Meeting, decisions: Decision[], moduleItems: ReadonlyMap<string, NotubizModuleItem>, committees: ReadonlyMap<string, string[]> = new Map()): Unit {
  const positions = new Map(m.allItems.map((item, i) => [item.sourceId, i]));
  const decided = new Set(decisions.map((d) => d.agendaItem.sourceId));
  const extras: ExtraRow[] = [];
  const agendaItems = m.allItems.map((item, i): AgendaItemRow => {
    const linked = item.moduleItemSourceIds.filter((id) => moduleItems.has(id));
    for (const id of linked) {
      const doc = moduleItemOf(c, moduleItems.get(id)!);
      extras.push({ id: moduleItemRowId(c, m.sourceId, id), kind: MODULE_ITEM, sourceId: id, parentId: item.id, sortKey: String(i).padStart(6, '0'), search: searchText([doc.title, ...doc.documents.map((d) => d.title)]), doc });
    }
    return {
      id: item.id,
      meetingId: m.id,
      position: i,
      parentId: item.parentSourceId ? agendaItemGid(c, item.parentSourceId) : null,
      decisionId: decided.has(item.sourceId) ? decisionGid(c, item.sourceId) : null,
      doc: agendaItemDoc(item, linked.map((id) => moduleItemRowId(c, m.sourceId, id))),
    };
  });
  for (const ref of caseReferencesOf(m)) {
    extras.push({
      id: gid(c, 'casereference', `${m.sourceId}-${ref.document.sourceId}`),
      kind: CASE_REFERENCE,
      sourceId: ref.caseCode,
      parentId: caseGid(c, ref.caseCode),
      sortKey: ref.meetingStart ?? '',
      search: '',
      doc: ref,
    });
  }
  return {
    key: meetingUnitKey(m.sourceId),
    meetings: [meetingRow(c, m)],
    agendaItems,
    decisions: decisions.map((d) => decisionRow(c, d, positions.get(d.agendaItem.sourceId) ?? 0, committees.get(d.sourceId) ?? [])),
    documents: [
      ...m.attachments.map((a, i): DocumentRow => ({ ownerId: m.id, position: i, doc: a })),
      ...m.allItems.flatMap((item) => pointDocuments(c, item, moduleItems).map((a, i): DocumentRow => ({ ownerId: item.id, position: i, doc: a }))),
    ],
    extras,
    unmappedValues: unmappedOutcomeRows(decisions),
  };
}

/** The unit of a meeting Notubiz lists but does not publish ("No rights to see this meeting"): a marker only. */
export function unpublishedMeetingUnit(c: C, sourceId: string): Unit {
  return {
    key: meetingUnitKey(sourceId),
    extras: [{ id: meetingGid(c, sourceId), kind: UNPUBLISHED_MEETING, sourceId, sortKey: '', search: '', doc: { sourceId } }],
  };
}

/** Earliest meeting first (a meeting without a start first, as it always was), then the meeting's own order. */
function byFirstAppearance(a: CaseReference, b: CaseReference): number {
  const start = (a.meetingStart ?? '').localeCompare(b.meetingStart ?? '');
  if (start !== 0) return start;
  if (a.meetingSourceId !== b.meetingSourceId) return Number(a.meetingSourceId) - Number(b.meetingSourceId);
  return a.position - b.position;
}

/** A case from its references (at least one): its row and its distinct documents, earliest first. */
export function caseUnit(c: NotubizCity, code: string, references: CaseReference[]): Unit {
  const sorted = [...references].sort(byFirstAppearance);
  const first = sorted[0];
  const documents: Document[] = [];
  const seen = new Set<string>();
  for (const ref of sorted) {
    if (seen.has(ref.document.id)) continue;
    seen.add(ref.document.id);
    documents.push(ref.document);
  }
  const doc: StoredCase = { id: caseGid(c, code), sourceId: code, label: code, title: first.document.title, openedAt: first.meetingStart, openedOn: first.meetingDate };
  const row: CaseRow = {
    id: doc.id,
    sourceId: code,
    date: first.meetingDate,
    sortKey: first.meetingDate ?? '',
    status: 'UNKNOWN',
    search: searchText([code, doc.title, ...documents.map((d) => d.title)]),
    texts: { [c.language]: [doc.title, ...documents.map((d) => d.title)].join('\n') },
    doc,
  };
  return { key: caseUnitKey(code), cases: [row], documents: documents.map((d, i): DocumentRow => ({ ownerId: doc.id, position: i, doc: d })) };
}

export function bodyRow(c: NotubizCity, b: Body): BodyRow {
  return {
    id: b.id,
    sourceId: b.sourceId,
    sortKey: b.name.toLocaleLowerCase(c.language),
    type: b.type,
    // Notubiz does not say whether a body still exists: null, so an `active` filter matches none.
    active: null,
    parentId: b.gremiumId === null ? null : bodyGid(c, String(b.organisationId)),
    search: searchText([b.name]),
    doc: b,
  };
}

export function bodiesUnit(c: NotubizCity, bodies: Body[]): Unit {
  return { key: 'bodies', bodies: bodies.map((b) => bodyRow(c, b)) };
}
