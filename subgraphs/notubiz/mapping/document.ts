/** Notubiz documents → Attachments (current version's file name, type and size). */
import { dateTimeOf, flagOf, gid, nonEmpty, type NotubizCity } from './common';
import { localToOffset } from '../../shared/time';
import type { NotubizDocument } from '../upstream/types';

export interface Document {
  id: string;
  sourceId: string;
  title: string;
  url: string | null;
  mimeType: string | null;
  language: string;
  typeRaw: string | null;
  publishedAt: string | null;
  documentTypes: string[];
  fileName: string | null;
  fileSize: number | null;
  version: number | null;
  versionCount: number;
  caseCode: string | null;
  lastModified: string | null;
  confidential: boolean;
  description: string | null;
}

export function documentOf(c: NotubizCity, doc: NotubizDocument): Document {
  // The current version is the one whose id equals `version` (ORI's get_version_definition).
  const current = doc.versions?.find((v) => v.id === doc.version) ?? doc.versions?.[doc.versions.length - 1];
  const types = (doc.types ?? []).map((t) => t.value);
  return {
    id: gid(c, 'attachment', doc.id),
    sourceId: String(doc.id),
    title: doc.title,
    url: nonEmpty(doc.url),
    mimeType: nonEmpty(current?.mime_type),
    language: c.language,
    typeRaw: types.join(', ') || null,
    // publication_date is a date only: its start in the city's time.
    publishedAt: doc.publication_date ? localToOffset(`${doc.publication_date} 00:00:00`, c.zone) : null,
    documentTypes: types,
    fileName: nonEmpty(current?.file_name),
    fileSize: typeof current?.file_size === 'number' ? current.file_size : null,
    version: typeof doc.version === 'number' ? doc.version : null,
    versionCount: doc.versions?.length ?? 0,
    caseCode: nonEmpty(doc.case_code),
    lastModified: dateTimeOf(c, doc.last_modified),
    confidential: flagOf(doc.confidential),
    description: nonEmpty(doc.description),
  };
}
