/**
 * OParl Paper (Drucksache) → the contract's Case, with its embedded Consultations: each links the
 * paper to the agenda item (and so the decision) where a body dealt with it.
 */
import type { OParlConsultation, OParlPaper } from '../upstream/types';
import { gid, nonEmpty, relOf, startOfDay, urlsOf, localDateOf, type OParlCity } from './common';
import { filesOf, type Attachment } from './file';

export interface CaseDoc {
  id: string;
  sourceId: string;
  label: string | null;
  title: string;
  paperType: string | null;
  date: string | null;
  openedAt: string | null;
  relatedPaperSourceIds: string[];
  url: string | null;
  sourceUrl: string;
}

export interface ConsultationDoc {
  id: string;
  sourceId: string;
  paperSourceId: string;
  agendaItemSourceId: string | null;
  meetingSourceId: string | null;
  organizationSourceIds: string[];
  authoritative: boolean | null;
  role: string | null;
  /** Order within the paper. */
  position: number;
}

export interface MappedPaper {
  case: CaseDoc;
  consultations: ConsultationDoc[];
  attachments: Attachment[];
}

export function consultationOf(c: OParlCity, x: OParlConsultation, paperSourceId: string, position: number): ConsultationDoc {
  const sourceId = relOf(c, x.id);
  return {
    id: gid(c, 'consultation', sourceId),
    sourceId,
    paperSourceId: typeof x.paper === 'string' ? relOf(c, x.paper) : paperSourceId,
    agendaItemSourceId: typeof x.agendaItem === 'string' ? relOf(c, x.agendaItem) : null,
    meetingSourceId: typeof x.meeting === 'string' ? relOf(c, x.meeting) : null,
    // 1.1: an array of URLs; 1.0 drafts: one URL.
    organizationSourceIds: urlsOf(x.organization).map((u) => relOf(c, u)),
    authoritative: typeof x.authoritative === 'boolean' ? x.authoritative : null,
    role: nonEmpty(x.role),
    position,
  };
}

export function paperOf(c: OParlCity, p: OParlPaper): MappedPaper {
  const sourceId = relOf(c, p.id);
  const doc: CaseDoc = {
    id: gid(c, 'case', sourceId),
    sourceId,
    label: nonEmpty(p.reference),
    title: nonEmpty(p.name) ?? nonEmpty(p.reference) ?? sourceId,
    paperType: nonEmpty(p.paperType),
    date: localDateOf(c, p.date),
    openedAt: startOfDay(c, p.date),
    relatedPaperSourceIds: urlsOf(p.relatedPaper).map((u) => relOf(c, u)),
    url: nonEmpty(p.web),
    sourceUrl: p.id,
  };
  const consultations = (Array.isArray(p.consultation) ? p.consultation : [])
    .filter((x): x is OParlConsultation => !!x && typeof x === 'object' && typeof x.id === 'string' && !x.deleted)
    .map((x, i) => consultationOf(c, x, sourceId, i));
  return { case: doc, consultations, attachments: filesOf(c, [[p.mainFile, 'mainFile'], [p.auxiliaryFile, 'auxiliaryFile']]) };
}
