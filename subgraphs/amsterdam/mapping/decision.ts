/**
 * What an Amsterdam decision is. Notubiz publishes meetings, agendas and documents, not decisions
 * or outcomes. We count as a Decision an agenda point of a held, public meeting of a
 * decision-making body (the Gemeenteraad, or a district's Stadsdeelcommissie/Bestuurscommissie/
 * Dagelijks bestuur — raadscommissies only advise) that carries a decision document (Raadsvoorstel,
 * Voordracht, Raadsbesluit, Besluit, Initiatiefvoorstel, Motie or Amendement). Its outcome is
 * UNKNOWN: results are only in the meeting's Uitslagenlijst/Besluitenlijst PDFs, which we link.
 */
import { gid } from './common';
import type { Document } from './document';
import type { AgendaItem, Meeting } from './meeting';

export const DECISION_DOCUMENT_TYPES = ['Raadsvoorstel', 'Voordracht', 'Raadsbesluit', 'Besluit', 'Initiatiefvoorstel', 'Motie', 'Amendement'];
export const RESULT_DOCUMENT_TYPES = ['Uitslagenlijst', 'Besluitenlijst'];
const DECIDING_BODY = /^(gemeenteraad|stadsdeelcommissie|bestuurscommissie|dagelijks bestuur)\b/i;

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
}

export function isDecidingBody(gremiumTitle: string | null | undefined): boolean {
  return !!gremiumTitle && DECIDING_BODY.test(gremiumTitle.trim());
}

const hasType = (doc: Document, types: string[]) => doc.documentTypes.some((t) => types.includes(t));

/** The decisions of one meeting (see the module comment for the rule). */
export function decisionsOfMeeting(meeting: Meeting, gremiumTitle: string | null | undefined): Decision[] {
  if (!meeting.isPublic || meeting.status !== 'HELD' || !isDecidingBody(gremiumTitle)) return [];
  const resultDocuments = meeting.attachments.filter((d) => hasType(d, RESULT_DOCUMENT_TYPES));
  return meeting.allItems
    .filter((item) => item.documents.some((d) => hasType(d, DECISION_DOCUMENT_TYPES)))
    .map((item) => ({
      id: gid('decision', item.sourceId),
      sourceId: item.sourceId,
      title: item.title,
      date: meeting.date,
      decidedAt: meeting.start,
      number: item.number,
      meeting,
      agendaItem: item,
      bodySourceId: meeting.bodySourceId,
      decisionDocuments: item.documents.filter((d) => hasType(d, DECISION_DOCUMENT_TYPES)),
      resultDocuments,
      attachments: item.documents,
      caseCodes: [...new Set(item.documents.map((d) => d.caseCode).filter((c): c is string => !!c))],
      documentTypes: [...new Set(item.documents.flatMap((d) => d.documentTypes))],
    }));
}
