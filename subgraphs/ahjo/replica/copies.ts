/**
 * Copy k of an Ahjo record, for the replica at scale N (shared/replica.ts explains scaling): new ids
 * in Ahjo's own formats, every reference inside the copy rewritten the same way, every local time
 * moved back the copy's days. Bodies (organisations, decision makers) are not copied: the city has
 * one council, so `Organization`, `DecisionMakerId` and voters stay as recorded. Texts stay too.
 *
 * - NativeId (and every other GUID: attachments, records, PDFs, file names): the third group XOR k,
 *   `{AAD8B3C8-699E-44BE-…}` → copy 1 `{AAD8B3C8-699E-44BF-…}`. XOR is its own inverse, so a
 *   copied id leads back to its base record through the other 28 digits.
 * - MeetingID: the base id, `X` and k, `00400202640` → `00400202640X1` (still /^[0-9A-Za-z]{4,40}$/).
 * - CaseID: k spelled in letters after the registry prefix, `HEL-2026-002632` → `HELA-2026-002632`,
 *   `HELZ-…` (26), `HELAA-…` (27); the label follows (`HELA 2026-002632`), both still in the form
 *   /^[A-Za-z]{2,6}-\d{4}-\d{6}$/, so a 3-letter prefix leaves room for 18,278 copies.
 */
import { daysBefore, rewrite } from '../../shared/replica';
import type { AhjoAgendaItem, AhjoCase, AhjoDecision, AhjoHandling, AhjoLink, AhjoMeeting, AhjoMeetingSummary, AhjoRecord } from '../upstream/types';

const GUID = /([0-9A-Fa-f]{8})-([0-9A-Fa-f]{4})-([0-9A-Fa-f]{4})-([0-9A-Fa-f]{4})-([0-9A-Fa-f]{12})/g;
/** XOR on a 16-bit group: copies 1..65535. */
export const MAX_GUID_COPIES = 0x10000;

function xorGroup(group: string, copy: number): string {
  const hex = (parseInt(group, 16) ^ copy).toString(16).padStart(4, '0');
  return /[a-f]/.test(group) ? hex : hex.toUpperCase();
}

/** Every GUID in a NativeId, link or file URI, as copy k has it. */
export function copyGuids(text: string, copy: number): string {
  return copy === 0 ? text : text.replace(GUID, (_, a: string, b: string, c: string, d: string, e: string) => `${a}-${b}-${xorGroup(c, copy)}-${d}-${e}`);
}

/** A GUID without its third group (upper case): the same for a base id and all its copies. */
export function guidKey(guid: string): string | null {
  const m = new RegExp(GUID.source).exec(guid);
  return m ? `${m[1]}-${m[2]}-${m[4]}-${m[5]}`.toUpperCase() : null;
}

/** Which copy a GUID is of a base GUID with the same key: the XOR of their third groups. */
export function guidCopyNumber(guid: string, baseGuid: string): number | null {
  const [m, b] = [new RegExp(GUID.source).exec(guid), new RegExp(GUID.source).exec(baseGuid)];
  return m && b ? parseInt(m[3], 16) ^ parseInt(b[3], 16) : null;
}

const MEETING_COPY = /^(.+)X(\d+)$/;

export function copyMeetingId(id: string, copy: number): string {
  return copy === 0 ? id : `${id}X${copy}`;
}

/** `00400202640X12` → the base id and copy 12; null when the id is not shaped like a copy. */
export function parseMeetingCopy(id: string): { base: string; copy: number } | null {
  const m = MEETING_COPY.exec(id);
  return m && String(Number(m[2])) === m[2] ? { base: m[1], copy: Number(m[2]) } : null;
}

/** 1 → A, 26 → Z, 27 → AA: bijective base 26, so every copy number has exactly one spelling. */
export function copyLetters(copy: number): string {
  let letters = '';
  for (let n = copy; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function copyNumberOfLetters(letters: string): number | null {
  if (!/^[A-Z]+$/.test(letters)) return null;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** `HEL-2026-002632` or its label `HEL 2026-002632`: the registry prefix gets copy k's letters. */
export function copyCaseId(id: string, copy: number): string {
  return copy === 0 ? id : id.replace(/^[A-Za-z]+/, (prefix) => prefix + copyLetters(copy));
}

export const copyCaseLabel = copyCaseId;

/** The registry prefix of a case id (`HEL`), or null when it has none. */
export function casePrefix(id: string): string | null {
  return /^([A-Za-z]+)[- ]/.exec(id)?.[1] ?? null;
}

/** A link or URI of copy k: GUIDs, `/meetings/{MeetingID}` and `/cases/{CaseID}` are the copy's. */
export function copyHref(href: string, copy: number): string {
  if (copy === 0) return href;
  return copyGuids(href, copy)
    .replace(/(\/meetings\/)([0-9A-Za-z]{4,40})(?=[/?#]|$)/, (_, path: string, id: string) => path + copyMeetingId(id, copy))
    .replace(/(\/cases\/)([A-Za-z]{2,6}-\d{4}-\d{6})(?=[/?#]|$)/, (_, path: string, id: string) => path + copyCaseId(id, copy));
}

const links = (copy: number) => (list: AhjoLink[]) => list.map((l) => rewrite(l, { href: (h) => copyHref(h, copy) }));

/** What a copy changes in a record: ids, references and dates (everything else is shared with the base). */
export interface Copy {
  copy: number;
  days: number;
}

function record(r: AhjoRecord, { copy, days }: Copy): AhjoRecord {
  const guids = (v: string) => copyGuids(v, copy);
  return rewrite(r, { links: links(copy), NativeId: guids, VersionSeriesId: guids, FileURI: guids, Issued: (v) => daysBefore(v, days) });
}

function summaryFields({ copy, days }: Copy) {
  return { links: links(copy), MeetingID: (id: string) => copyMeetingId(id, copy), DateMeeting: (v: string) => daysBefore(v, days) };
}

function meetingSummary(m: AhjoMeetingSummary, c: Copy): AhjoMeetingSummary {
  return rewrite(m, summaryFields(c));
}

export function copyDecision(d: AhjoDecision, c: Copy): AhjoDecision {
  if (c.copy === 0) return d;
  return rewrite(d, {
    links: links(c.copy),
    NativeId: (id) => copyGuids(id, c.copy),
    CaseIDLabel: (label) => copyCaseLabel(label, c.copy),
    CaseID: (id) => copyCaseId(id, c.copy),
    Meeting: (m) => meetingSummary(m, c),
    Attachments: (list) => list.map((r) => record(r, c)),
    DateDecision: (v) => daysBefore(v, c.days),
    PDF: (pdf) => rewrite(pdf, { VersionSeriesId: (id) => copyGuids(id, c.copy), Issued: (v) => daysBefore(v, c.days) }),
  });
}

function agendaItem(item: AhjoAgendaItem, c: Copy): AhjoAgendaItem {
  return rewrite(item, { links: links(c.copy), PDF: (pdf) => record(pdf, c) });
}

export function copyMeeting(m: AhjoMeeting, c: Copy): AhjoMeeting {
  if (c.copy === 0) return m;
  return rewrite(m, {
    ...summaryFields(c),
    Agenda: (items) => items.map((item) => agendaItem(item, c)),
    PreviousMeeting: (p) => meetingSummary(p, c),
    NextMeeting: (n) => meetingSummary(n, c),
    MeetingDocuments: (docs) => docs.map((r) => record(r, c)),
  });
}

function handling(h: AhjoHandling, { copy, days }: Copy): AhjoHandling {
  return rewrite(h, { links: links(copy), Created: (v) => daysBefore(v, days), DateNearestDeadline: (v) => daysBefore(v, days) });
}

export function copyCase(x: AhjoCase, c: Copy): AhjoCase {
  if (c.copy === 0) return x;
  return rewrite(x, {
    links: links(c.copy),
    CaseID: (id) => copyCaseId(id, c.copy),
    CaseIDLabel: (label) => copyCaseLabel(label, c.copy),
    Created: (v) => daysBefore(v, c.days),
    Acquired: (v) => daysBefore(v, c.days),
    Handlings: (list) => list.map((h) => handling(h, c)),
    Records: (list) => list.map((r) => record(r, c)),
  });
}
