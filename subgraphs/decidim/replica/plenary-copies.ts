/**
 * The plenary files at scale N (shared/replica.ts explains scaling): each file is served as one
 * bigger file, its own records followed by copies 1..N-1 of them, built once at start in exactly
 * the file's textual form (the current-term file's TAB-prefixed records, unquoted `;` fields and
 * multi-line records; the 2019–2023 file's caption line, `;`-separated RFC 4180 quoting and CRLF),
 * so the subgraph's parsers read them unchanged. The header is found by its `ref_sessio` column and
 * its delimiter read from it, as the parsers do. Only three fields of a copied record change,
 * everything else (titles, text, votes, a leading TAB, trailing spaces) is the base's:
 *
 * - ref_sessio: `CP 09/23` → copy 3 `CP 09/23-3`; extraordinary sessions keep their ending,
 *   `CP 14/25 EXT   ` → `CP 14/25-3 EXT   `, so the ref still starts like `CP nn/yy` and ends in `EXT`.
 * - ref_proposta (when the file has it): every reference gets the copy's number, `M2327/156` →
 *   `M2327/156-3` (`s/n`, "no number", stays), so a copy's proposals are its own cases.
 * - data_sessio: moved back the copy's days, written as the row wrote it (`11/07/2023` or `16/7/2019`).
 */
import type { CopyCalendar } from '../../shared/replica';

/** A current-term record starts with a session reference, after an optional TAB (as the subgraph's parser reads it). */
const SESSION_START = /^[\t \uFEFF]*[A-Z]{1,4} ?\d{1,2}\/\d{2}\b/;
const SESSION_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** `CP 14/23 EXT.` as copy k: the copy's number right after `nn/yy`. */
export function copySessionRef(ref: string, copy: number): string {
  if (copy === 0) return ref;
  const m = /^(\s*[A-Z]{1,4} ?\d{1,2}\/\d{2})(.*)$/.exec(ref);
  return m ? `${m[1]}-${copy}${m[2]}` : `${ref}-${copy}`;
}

export function copyProposalRef(ref: string, copy: number): string {
  return copy === 0 || !ref.trim() || ref.trim().toLowerCase() === 's/n' ? ref : `${ref}-${copy}`;
}

/** `dd/mm/yyyy` or `d/m/yyyy` as ISO, or null. */
export function isoOfSessionDate(value: string): string | null {
  const m = SESSION_DATE.exec(value.trim());
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : null;
}

/** A session date moved back `days` days, zero-padded only where the row padded it. */
export function sessionDateBefore(value: string, days: number): string {
  const m = SESSION_DATE.exec(value);
  if (!m || days === 0) return value;
  const d = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]) - days));
  const pad = (n: number, like: string) => String(n).padStart(like.length, '0');
  return `${pad(d.getUTCDate(), m[1])}/${pad(d.getUTCMonth() + 1, m[2])}/${d.getUTCFullYear()}`;
}

// ---- the current-term file: `;`-separated, nothing quoted, records may span lines ------------------

/** The header and the raw records (continuation lines included) of the current-term file. */
function currentTermRecords(content: string): { header: string; records: string[] } {
  const lines = content.split('\n');
  const at = Math.max(0, lines.findIndex((l) => /(^|;)\s*ref_sessio\s*;/.test(l)));
  const fieldCount = lines[at].split(';').length;
  const records: string[] = [];
  for (const line of lines.slice(at + 1)) {
    const last = records[records.length - 1];
    // As the parser does: a new record starts like a session reference once the last one is complete.
    if (SESSION_START.test(line) && (last === undefined || last.split(';').length >= fieldCount)) records.push(line);
    else if (last !== undefined) records[records.length - 1] = `${last}\n${line}`;
  }
  return { header: lines.slice(0, at + 1).join('\n'), records: records.map((r) => r.replace(/\n+$/, '')) };
}

/** A current-term record as copy k: session ref, proposal refs (up to the date) and the date. */
function copyCurrentTermRecord(record: string, copy: number, days: number): string {
  const newline = record.indexOf('\n');
  const first = newline < 0 ? record : record.slice(0, newline);
  const fields = first.split(';');
  const dateIndex = fields.findIndex((f, i) => i >= 2 && isoOfSessionDate(f) !== null);
  if (dateIndex < 0) return record;
  fields[0] = copySessionRef(fields[0], copy);
  for (let i = 1; i < dateIndex; i++) fields[i] = copyProposalRef(fields[i], copy);
  fields[dateIndex] = sessionDateBefore(fields[dateIndex], days);
  return fields.join(';') + (newline < 0 ? '' : record.slice(newline));
}

// ---- the 2019–2023 file: RFC 4180 (`;` or `,`) after a caption line ----------------------------------

/** Records with their line endings, split where a line break is outside quotes. */
function csvRecords(text: string): string[] {
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n' && !quoted) {
      records.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) records.push(text.slice(start));
  return records;
}

/** The raw fields of one record (quotes kept), split on the delimiter outside quotes. */
function csvFields(record: string, delimiter: string): string[] {
  const fields: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    if (record[i] === '"') quoted = !quoted;
    else if (record[i] === delimiter && !quoted) {
      fields.push(record.slice(start, i));
      start = i + 1;
    }
  }
  fields.push(record.slice(start));
  return fields;
}

/** Rewrites a raw CSV field's value, quoted if it was or where RFC 4180 needs it (as the file does). */
function rewriteCsvField(raw: string, delimiter: string, change: (value: string) => string): string {
  const quoted = raw.startsWith('"');
  const next = change(quoted ? raw.slice(1, -1).replace(/""/g, '"') : raw);
  return quoted || next.includes(delimiter) || /["\r\n]/.test(next) ? `"${next.replace(/"/g, '""')}"` : next;
}

interface PreviousColumns {
  delimiter: string;
  session: number;
  date: number;
  proposal: number;
}

function copyPreviousTermRecord(record: string, columns: PreviousColumns, copy: number, days: number): string {
  const ending = /\r?\n$/.exec(record)?.[0] ?? '';
  const fields = csvFields(record.slice(0, record.length - ending.length), columns.delimiter);
  const change = (i: number, fn: (value: string) => string) => {
    if (i >= 0 && i < fields.length) fields[i] = rewriteCsvField(fields[i], columns.delimiter, fn);
  };
  change(columns.session, (v) => copySessionRef(v, copy));
  change(columns.date, (v) => sessionDateBefore(v, days));
  change(columns.proposal, (v) => v.split(';').map((r) => copyProposalRef(r, copy)).join(';'));
  return fields.join(columns.delimiter) + ending;
}

/** The header line: the first that names ref_sessio (caption lines such as `sense filtres` come before it). */
function headerLineOf(content: string): { index: number; line: string } {
  const lines = content.split('\n', 20);
  const index = Math.max(0, lines.findIndex((l) => /(^|[;,])[\s\uFEFF"]*ref_sessio[\s"]*([;,]|$)/.test(l.replace(/\r$/, ''))));
  return { index, line: (lines[index] ?? '').replace(/\r$/, '') };
}

function previousTermParts(content: string): { lead: string[]; records: string[]; columns: PreviousColumns } {
  const all = csvRecords(content);
  const { index, line } = headerLineOf(content);
  const delimiter = line.split(';').length >= line.split(',').length ? ';' : ',';
  const lead = all.slice(0, index + 1);
  const header = csvFields(line, delimiter).map((h) => h.replace(/"/g, '').trim().toLowerCase());
  const columns = { delimiter, session: header.indexOf('ref_sessio'), date: header.indexOf('data_sessio'), proposal: header.indexOf('ref_proposta') };
  return { lead, records: all.slice(lead.length).filter((r) => r.trim() !== ''), columns };
}

// ---- both files ----------------------------------------------------------------------------------------

/** A file without a `text` column is CSV (the 2019–2023 file); with one, the unquoted current-term form. */
const isPreviousTerm = (content: string) => !/(^|[;,])\s*text\s*([;,]|$)/.test(headerLineOf(content).line);

/** The session dates of a plenary file (ISO), to see how far back copies may go. */
export function plenarySessionDates(content: string): string[] {
  if (isPreviousTerm(content)) {
    const { records, columns } = previousTermParts(content);
    return records.map((r) => isoOfSessionDate(csvFields(r.replace(/\r?\n$/, ''), columns.delimiter)[columns.date]?.replace(/"/g, '') ?? '')).filter((d): d is string => !!d);
  }
  return currentTermRecords(content)
    .records.map((r) => r.split('\n')[0].split(';').slice(2).map(isoOfSessionDate).find((d) => d !== null) ?? null)
    .filter((d): d is string => !!d);
}

/**
 * A plenary file with copies 1..scale-1 of its records after its own content, as chunks of bytes
 * (a copy at a time: at scale 1000 the current-term file is ~100 MB, never one string).
 */
export function scalePlenaryFile(content: string, scale: number, calendar: CopyCalendar): Buffer[] {
  const chunks = [Buffer.from(content)];
  if (scale === 1) return chunks;
  const previous = isPreviousTerm(content);
  const parts = previous ? previousTermParts(content) : null;
  const current = previous ? null : currentTermRecords(content);
  const lineEnd = previous ? '\r\n' : '\n';
  if (!/\n$/.test(content)) chunks.push(Buffer.from(lineEnd));
  for (let copy = 1; copy < scale; copy++) {
    const days = calendar.daysBack(copy);
    const text = parts
      ? parts.records.map((r) => copyPreviousTermRecord(r, parts.columns, copy, days)).map((r) => (/\n$/.test(r) ? r : r + lineEnd)).join('')
      : current!.records.map((r) => copyCurrentTermRecord(r, copy, days) + lineEnd).join('');
    chunks.push(Buffer.from(text));
  }
  return chunks;
}
