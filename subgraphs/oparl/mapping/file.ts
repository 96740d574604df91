/** OParl File → the contract's Attachment (the file's metadata; the file itself is at `accessUrl`). */
import type { OParlFile } from '../upstream/types';
import { dateTimeOf, gid, nonEmpty, relOf, startOfDay, type OParlCity } from './common';

export interface Attachment {
  id: string;
  sourceId: string;
  title: string;
  url: string | null;
  mimeType: string | null;
  language: string | null;
  /** Where the file is attached, as the OParl property names it: `invitation`, `mainFile`, `auxiliaryFile` … */
  typeRaw: string;
  publishedAt: string | null;
  fileName: string | null;
  size: number | null;
  downloadUrl: string | null;
  sourceUrl: string;
}

/** A file as attached in `role`; null for an entry that is not a file object (no id). */
export function fileOf(c: OParlCity, f: OParlFile | null | undefined, role: string): Attachment | null {
  if (!f || typeof f !== 'object' || typeof f.id !== 'string' || f.deleted) return null;
  const sourceId = relOf(c, f.id);
  return {
    id: gid(c, 'attachment', sourceId),
    sourceId,
    title: nonEmpty(f.name) ?? nonEmpty(f.fileName) ?? sourceId,
    url: nonEmpty(f.accessUrl) ?? nonEmpty(f.downloadUrl),
    mimeType: nonEmpty(f.mimeType),
    // OParl has no language per file.
    language: null,
    typeRaw: role,
    // The file's own date (the day it was issued) when given, else when the server created it.
    publishedAt: startOfDay(c, f.date) ?? dateTimeOf(c, f.created),
    fileName: nonEmpty(f.fileName),
    size: typeof f.size === 'number' && Number.isSafeInteger(f.size) && f.size >= 0 ? f.size : null,
    downloadUrl: nonEmpty(f.downloadUrl),
    sourceUrl: f.id,
  };
}

/** Files of several roles, in order, without entries that are not files. */
export function filesOf(c: OParlCity, entries: Array<[OParlFile | OParlFile[] | null | undefined, string]>): Attachment[] {
  return entries.flatMap(([value, role]) => (Array.isArray(value) ? value : [value]).flatMap((f) => {
    const a = fileOf(c, f, role);
    return a ? [a] : [];
  }));
}
