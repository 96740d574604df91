/**
 * What a decision on Notubiz is. Notubiz publishes meetings, agendas and documents, not decisions.
 * We count as a Decision an agenda point of a held, public meeting of a decision-making body (the
 * Gemeenteraad, or what else the city's settings.decidingBodies name, e.g. Amsterdam's district
 * committees and boards — raadscommissies only advise) that carries a decision document (one of
 * settings.decisionDocumentTypes: Raadsvoorstel, Raadsbesluit, Motie …), its own or one of the module
 * items it links (a motion's document often sits in its module item only; ORI's transformer, too,
 * counts module item documents among the point's attachments).
 *
 * Its outcome is the result (Uitslag) of the module item the point links, when it links exactly one
 * that states a result (mapping/outcome.ts); otherwise UNKNOWN, the results being in the meeting's
 * Uitslagenlijst/Besluitenlijst PDFs, which we link. A point that links several items with results
 * (a proposal with its motions) has no outcome of its own in the data: UNKNOWN, not a guess.
 */
import { gid, type NotubizCity } from './common';
import { documentOf, type Document } from './document';
import type { AgendaItem, Meeting } from './meeting';
import { moduleItemDocuments, moduleItemResult, type ModuleItemResult, type Outcome } from './outcome';
import type { NotubizModuleItem } from '../upstream/types';


export interface Decision {
  id: string;
  sourceId: string;
  title: string;
  date: string | null;
  decidedAt: string | null;
  number: string | null;
  meeting: Meeting;
  agendaItem: AgendaItem;
  bodySourceId: string | null;
  decisionDocuments: Document[];
  resultDocuments: Document[];
  attachments: Document[];
  caseCodes: string[];
  documentTypes: string[];
  outcome: Outcome;
  /** The Uitslag as Notubiz writes it, when the point's module item states one. */
  outcomeRaw: string | null;
  /** The module item the outcome comes from. */
  outcomeSourceId: string | null;
  /** True when `outcomeRaw` is a wording the mapping does not recognise (then `outcome` is UNKNOWN). */
  outcomeUnmapped: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether a gremium's title starts with one of the city's deciding bodies (a whole word: `Gemeenteraad`, not `Gemeenteraadsgriffie`). */
export function isDecidingBody(c: Pick<NotubizCity, 'decidingBodies'>, gremiumTitle: string | null | undefined): boolean {
  if (!gremiumTitle) return false;
  return new RegExp(`^(${c.decidingBodies.map(escape).join('|')})\\b`, 'i').test(gremiumTitle.trim());
}

const hasType = (doc: Document, types: string[]) => doc.documentTypes.some((t) => types.includes(t));

/** The module items an agenda point links that were fetched, in Notubiz's order. */
export function linkedModuleItems(item: AgendaItem, moduleItems: ReadonlyMap<string, NotubizModuleItem>): NotubizModuleItem[] {
  return item.moduleItemSourceIds.filter((id) => moduleItems.has(id)).map((id) => moduleItems.get(id)!);
}

/** The point's documents: its own, then those of its module items that it does not carry itself. */
export function pointDocuments(c: NotubizCity, item: AgendaItem, moduleItems: ReadonlyMap<string, NotubizModuleItem>): Document[] {
  const own = new Set(item.documents.map((d) => d.id));
  const extra: Document[] = [];
  for (const x of linkedModuleItems(item, moduleItems)) {
    for (const doc of moduleItemDocuments(x).map((d) => documentOf(c, d))) {
      if (own.has(doc.id)) continue;
      own.add(doc.id);
      extra.push(doc);
    }
  }
  return [...item.documents, ...extra];
}

/** The point's outcome: the result of its one module item that states a result (see the module comment). */
export function pointOutcome(c: Pick<NotubizCity, 'resultLabel'>, item: AgendaItem, moduleItems: ReadonlyMap<string, NotubizModuleItem>): Pick<Decision, 'outcome' | 'outcomeRaw' | 'outcomeSourceId' | 'outcomeUnmapped'> {
  const results = linkedModuleItems(item, moduleItems).map((x) => moduleItemResult(x, c.resultLabel)).filter((r): r is ModuleItemResult => r !== null);
  if (results.length !== 1) return { outcome: 'UNKNOWN', outcomeRaw: null, outcomeSourceId: null, outcomeUnmapped: false };
  const [r] = results;
  return { outcome: r.outcome, outcomeRaw: r.raw, outcomeSourceId: r.moduleItemId, outcomeUnmapped: !r.recognised };
}

/** The decisions of one meeting (see the module comment for the rule), with the module items its agenda links. */
export function decisionsOfMeeting(c: NotubizCity, meeting: Meeting, gremiumTitle: string | null | undefined, moduleItems: ReadonlyMap<string, NotubizModuleItem> = new Map()): Decision[] {
  if (!meeting.isPublic || meeting.status !== 'HELD' || !isDecidingBody(c, gremiumTitle)) return [];
  const resultDocuments = meeting.attachments.filter((d) => hasType(d, c.resultDocumentTypes));
  return meeting.allItems.flatMap((item) => {
    const documents = pointDocuments(c, item, moduleItems);
    if (!documents.some((d) => hasType(d, c.decisionDocumentTypes))) return [];
    return [{
      id: gid(c, 'decision', item.sourceId),
      sourceId: item.sourceId,
      title: item.title,
      date: meeting.date,
      decidedAt: meeting.start,
      number: item.number,
      meeting,
      agendaItem: item,
      bodySourceId: meeting.bodySourceId,
      decisionDocuments: documents.filter((d) => hasType(d, c.decisionDocumentTypes)),
      resultDocuments,
      attachments: documents,
      // Cases are built from the meeting's and its points' own documents (mapping/rows.ts).
      caseCodes: [...new Set(item.documents.map((d) => d.caseCode).filter((c): c is string => !!c))],
      documentTypes: [...new Set(documents.flatMap((d) => d.documentTypes))],
      ...pointOutcome(c, item, moduleItems),
    }];
  });
}
