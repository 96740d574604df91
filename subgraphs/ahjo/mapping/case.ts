/** Ahjo cases → Cases, with handlings and records. */
import { attachmentOf, type Attachment } from './attachment';
import { categoryOf, type Category } from './category';
import { dateTimeOf, gid, nonEmpty, pageUrl, selfLink, type MappingCity } from './common';
import type { AhjoCase } from '../upstream/types';

export type CaseStatus = 'OPEN' | 'CLOSED' | 'DECIDED' | 'UNKNOWN';

export interface Case {
  id: string;
  sourceId: string;
  label: string | null;
  title: string;
  status: CaseStatus;
  statusRaw: string | null;
  openedAt: string | null;
  /** The city's local date the case was opened (for sorting and the from/to filter). */
  openedOn: string | null;
  categories: Category[];
  attachments: Attachment[];
  /** NativeIds (upper case) of the case's decision records (Type "päätös", "viranhaltijan päätös"). */
  decisionIds: string[];
  url: string | null;
  sourceUrl: string | null;
  classificationCode: string | null;
  classificationTitle: string | null;
  publicityClass: string | null;
  language: string | null;
  acquiredAt: string | null;
  handlings: Array<{
    workSequenceNumber: number | null;
    sector: string | null;
    sectorId: string | null;
    status: string | null;
    createdAt: string | null;
    nearestDeadline: string | null;
  }>;
}

/** Ahjo case statuses: pending, resolved, and "Päätetty" (decided; may still be appealed or carried out). */
const STATUSES: Record<string, CaseStatus> = { vireillä: 'OPEN', ratkaistu: 'CLOSED', päätetty: 'DECIDED' };

/**
 * A record that is a decision: "päätös" (a body's) and "viranhaltijan päätös" (an officer's, whose
 * decision often names no case itself: the case's Records are then its only link to the case).
 */
export function isDecisionRecord(type: string | null | undefined): boolean {
  return !!type && /päätös$/i.test(type.trim());
}

export function caseStatusOf(status: string | null | undefined): CaseStatus {
  return (status && STATUSES[status.trim().toLowerCase()]) || 'UNKNOWN';
}

export function caseOf(city: MappingCity, c: AhjoCase): Case {
  const records = c.Records ?? [];
  const openedAt = dateTimeOf(city, c.Created);
  return {
    id: gid(city, 'case', c.CaseID),
    sourceId: c.CaseID,
    label: nonEmpty(c.CaseIDLabel),
    title: c.Title,
    status: caseStatusOf(c.Status),
    statusRaw: nonEmpty(c.Status),
    openedAt,
    openedOn: openedAt ? openedAt.slice(0, 10) : null,
    categories: categoryOf(city, c.ClassificationCode, c.ClassificationTitle),
    attachments: records.map((r) => attachmentOf(city, r)),
    decisionIds: records.filter((r) => isDecisionRecord(r.Type) && r.NativeId).map((r) => (r.NativeId as string).toUpperCase()),
    url: pageUrl(city.caseUrl, c.CaseID),
    sourceUrl: selfLink(c.links),
    classificationCode: nonEmpty(c.ClassificationCode),
    classificationTitle: nonEmpty(c.ClassificationTitle),
    publicityClass: nonEmpty(c.PublicityClass),
    language: nonEmpty(c.Language),
    acquiredAt: dateTimeOf(city, c.Acquired),
    handlings: (c.Handlings ?? []).map((h) => ({
      workSequenceNumber: typeof h.WorkSequenceNumber === 'number' ? h.WorkSequenceNumber : null,
      sector: nonEmpty(h.Sector),
      sectorId: nonEmpty(h.SectorID),
      status: nonEmpty(h.Status),
      createdAt: dateTimeOf(city, h.Created),
      nearestDeadline: dateTimeOf(city, h.DateNearestDeadline),
    })),
  };
}
