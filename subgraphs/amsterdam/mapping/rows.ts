/**
 * Amsterdam's mapped records → store rows: the columns lists filter, sort, search and count on, and
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
 */
import type { AgendaItemRow, BodyRow, CaseRow, DecisionRow, DocumentRow, ExtraRow, MeetingRow, Unit, UnmappedValueRow } from '../../shared/store/rows';
import { searchText } from '../../shared/store/search';
import { gid, NOTUBIZ } from './common';
import type { Body } from './body';
import { pointDocuments, type Decision } from './decision';
import { documentOf, type Document } from './document';
import { moduleItemDocuments, textsByLabel, type Outcome } from './outcome';
import type { AgendaItem, Meeting } from './meeting';
import type { NotubizModuleItem } from '../upstream/types';

export const bodyGid = (sourceId: string) => gid('body', sourceId);
export const meetingGid = (sourceId: string | number) => gid('meeting', sourceId);
export const agendaItemGid = (sourceId: string) => gid('agendaitem', sourceId);
export const decisionGid = (sourceId: string) => gid('decision', sourceId);
export const caseGid = (code: string) => gid('case', code);
/** A module item as linked from one meeting (the same item could be linked from several). */
export const moduleItemRowId = (meetingSourceId: string, moduleItemId: string | number) => gid('moduleitem', `${meetingSourceId}-${moduleItemId}`);

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

/** A meeting matches a body filter on its organisation and on its gremium, so `281` finds the council's gremia too. */
export function meetingBodyIds(m: Pick<Meeting, 'organisationId' | 'gremiumId'>): string[] {
  if (m.organisationId === null) return [];
  return m.gremiumId === null ? [bodyGid(String(m.organisationId))] : [bodyGid(String(m.organisationId)), bodyGid(`${m.organisationId}-${m.gremiumId}`)];
}

/**
 * Meeting status depends on the clock (a planned meeting is held once it has started), so the store
 * keeps what the data states (CANCELLED, UNKNOWN when inactive or without a start) and BY_TIME
 * otherwise, held from its start on.
 */
export function meetingRow(m: Meeting): MeetingRow {
  const { agenda: _a, allItems: _i, attachments: _d, moduleItemSelfs: _m, ...doc } = m;
  const byTime = (m.status === 'HELD' || m.status === 'SCHEDULED') && m.start !== null;
  return {
    id: m.id,
    sourceId: m.sourceId,
    kind: 'AmsterdamMeeting',
    date: m.date,
    sortKey: m.start ?? '',
    bodyIds: meetingBodyIds(m),
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
export function decisionRow(d: Decision, position: number): DecisionRow {
  const titles = [d.title, ...d.attachments.map((a) => a.title)];
  return {
    id: d.id,
    sourceId: d.sourceId,
    date: d.date,
    sortKey: d.decidedAt ?? '',
    bodyIds: meetingBodyIds(d.meeting),
    meetingId: d.meeting.id,
    position,
    caseIds: d.caseCodes.map(caseGid),
    outcome: d.outcome,
    categories: [...new Set(d.documentTypes.map((t) => t.toLowerCase()))],
    search: searchText([d.title, d.number, ...d.attachments.map((a) => a.title)]),
    texts: { nl: titles.join('\n') },
    doc: decisionDoc(d),
  };
}

/** A module item as served: its title (else its Titel attribute), its module and its documents (mapping/outcome.ts). */
export function moduleItemOf(x: NotubizModuleItem): ModuleItem {
  const title = x.title?.trim() || textsByLabel(x, 'Titel')[0] || null;
  return { sourceId: String(x.id), title, module: x.module?.title ?? null, documents: moduleItemDocuments(x).map(documentOf) };
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
    out.push({ caseCode: document.caseCode, meetingSourceId: m.sourceId, meetingStart: m.start, meetingDate: m.date, position: out.length, document });
  }
  return out;
}

/**
 * The unit of a public meeting: the meeting, its agenda and documents, the decisions derived from
 * it (`decisions`, see mapping/decision.ts) and the outcome wordings among them the mapping does not
 * recognise, its module items (those fetched, by Notubiz id) and its case references.
 */
export function meetingUnit(m: Meeting, decisions: Decision[], moduleItems: ReadonlyMap<string, NotubizModuleItem>): Unit {
  const positions = new Map(m.allItems.map((item, i) => [item.sourceId, i]));
  const decided = new Set(decisions.map((d) => d.agendaItem.sourceId));
  const extras: ExtraRow[] = [];
  const agendaItems = m.allItems.map((item, i): AgendaItemRow => {
    const linked = item.moduleItemSourceIds.filter((id) => moduleItems.has(id));
    for (const id of linked) {
      const doc = moduleItemOf(moduleItems.get(id)!);
      extras.push({ id: moduleItemRowId(m.sourceId, id), kind: MODULE_ITEM, sourceId: id, parentId: item.id, sortKey: String(i).padStart(6, '0'), search: searchText([doc.title, ...doc.documents.map((d) => d.title)]), doc });
    }
    return {
      id: item.id,
      meetingId: m.id,
      position: i,
      parentId: item.parentSourceId ? agendaItemGid(item.parentSourceId) : null,
      decisionId: decided.has(item.sourceId) ? decisionGid(item.sourceId) : null,
      doc: agendaItemDoc(item, linked.map((id) => moduleItemRowId(m.sourceId, id))),
    };
  });
  for (const ref of caseReferencesOf(m)) {
    extras.push({
      id: gid('casereference', `${m.sourceId}-${ref.document.sourceId}`),
      kind: CASE_REFERENCE,
      sourceId: ref.caseCode,
      parentId: caseGid(ref.caseCode),
      sortKey: ref.meetingStart ?? '',
      search: '',
      doc: ref,
    });
  }
  return {
    key: meetingUnitKey(m.sourceId),
    meetings: [meetingRow(m)],
    agendaItems,
    decisions: decisions.map((d) => decisionRow(d, positions.get(d.agendaItem.sourceId) ?? 0)),
    documents: [
      ...m.attachments.map((a, i): DocumentRow => ({ ownerId: m.id, position: i, doc: a })),
      ...m.allItems.flatMap((item) => pointDocuments(item, moduleItems).map((a, i): DocumentRow => ({ ownerId: item.id, position: i, doc: a }))),
    ],
    extras,
    unmappedValues: unmappedOutcomeRows(decisions),
  };
}

/** The unit of a meeting Notubiz lists but does not publish ("No rights to see this meeting"): a marker only. */
export function unpublishedMeetingUnit(sourceId: string): Unit {
  return {
    key: meetingUnitKey(sourceId),
    extras: [{ id: meetingGid(sourceId), kind: UNPUBLISHED_MEETING, sourceId, sortKey: '', search: '', doc: { sourceId } }],
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
export function caseUnit(code: string, references: CaseReference[]): Unit {
  const sorted = [...references].sort(byFirstAppearance);
  const first = sorted[0];
  const documents: Document[] = [];
  const seen = new Set<string>();
  for (const ref of sorted) {
    if (seen.has(ref.document.id)) continue;
    seen.add(ref.document.id);
    documents.push(ref.document);
  }
  const doc: StoredCase = { id: caseGid(code), sourceId: code, label: code, title: first.document.title, openedAt: first.meetingStart, openedOn: first.meetingDate };
  const row: CaseRow = {
    id: doc.id,
    sourceId: code,
    date: first.meetingDate,
    sortKey: first.meetingDate ?? '',
    status: 'UNKNOWN',
    search: searchText([code, doc.title, ...documents.map((d) => d.title)]),
    texts: { nl: [doc.title, ...documents.map((d) => d.title)].join('\n') },
    doc,
  };
  return { key: caseUnitKey(code), cases: [row], documents: documents.map((d, i): DocumentRow => ({ ownerId: doc.id, position: i, doc: d })) };
}

export function bodyRow(b: Body): BodyRow {
  return {
    id: b.id,
    sourceId: b.sourceId,
    sortKey: b.name.toLocaleLowerCase('nl'),
    type: b.type,
    // Notubiz does not say whether a body still exists: null, so an `active` filter matches none.
    active: null,
    parentId: b.gremiumId === null ? null : bodyGid(String(b.organisationId)),
    search: searchText([b.name]),
    doc: b,
  };
}

export function bodiesUnit(bodies: Body[]): Unit {
  return { key: 'bodies', bodies: bodies.map(bodyRow) };
}
