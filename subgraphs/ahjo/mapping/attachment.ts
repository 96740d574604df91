/** Ahjo Records (attachments, decision and meeting documents) → Attachments. */
import { dateTimeOf, gid, nonEmpty, type MappingCity } from './common';
import type { AhjoRecord } from '../upstream/types';

export interface Attachment {
  id: string;
  sourceId: string | null;
  title: string;
  url: string | null;
  mimeType: string | null;
  language: string | null;
  typeRaw: string | null;
  publishedAt: string | null;
  attachmentNumber: string | null;
  personalData: string | null;
  publicityClass: string | null;
  versionSeriesId: string | null;
}

export function attachmentOf(city: MappingCity, record: AhjoRecord): Attachment {
  const sourceId = nonEmpty(record.NativeId) ?? nonEmpty(record.VersionSeriesId);
  const url = nonEmpty(record.FileURI);
  return {
    id: gid(city, 'attachment', sourceId ?? url ?? record.Title),
    sourceId,
    title: record.Title,
    url,
    // Ahjo documents are PDFs (FileURI …pdf, or /content/{guid} serving the PDF bytes).
    mimeType: url && (/\.pdf($|\?)/i.test(url) || /\/content\//.test(url)) ? 'application/pdf' : null,
    language: nonEmpty(record.Language),
    typeRaw: nonEmpty(record.Type),
    publishedAt: dateTimeOf(city, record.Issued),
    attachmentNumber: nonEmpty(record.AttachmentNumber),
    personalData: nonEmpty(record.PersonalData),
    publicityClass: nonEmpty(record.PublicityClass),
    versionSeriesId: nonEmpty(record.VersionSeriesId),
  };
}
