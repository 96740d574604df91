/**
 * Parsers for plenary agreement files in Barcelona's format ("Acords del Plenari"). The shapes follow excerpts
 * of the real files (the project's issue 11); where they disagree with the older third-party notes
 * (research/barcelona-plenary-csv.md), the excerpts win.
 *
 * Nothing about the layout is assumed: caption lines (`sense filtres`) before the header are
 * skipped, the header is found by its column names, the delimiter (`;` or `,`) is read from it, and
 * columns are taken by name. Leading TABs, a BOM and trailing spaces around fields are tolerated.
 *
 * - A file with a `text` column (the current term's) is NOT valid CSV: `text` (HTML) holds unquoted
 *   `;`, `ref_proposta` may hold several `;`-separated references, and records may span lines. It
 *   is parsed by anchoring on both ends: the fields right of `text` are fixed in number, and on the
 *   left `data_sessio` is the first field shaped like a date after `ref_proposta`.
 * - Any other file (the 2019–2023 one: `;`-separated, `resum` quoted RFC 4180 style) is read by
 *   csv-parse with the detected delimiter.
 *
 * A record that cannot be placed is reported with its line number, never dropped silently. A value
 * that is placed but not recognised (a new vote wording) keeps its raw text and maps to null; the
 * rows (mapping/rows.ts) report it as an unmapped value.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { decodeHTML } from 'entities';
import { fold } from '../../shared/store/search';

export type VoteOption = 'YES' | 'NO' | 'ABSTAIN' | 'ABSENT' | 'NOT_VOTING';

/** How the vote was taken: by group (one vote per group) or nominal (per councillor). */
export type VotingMethod = 'GROUP' | 'NOMINAL';

export interface PlenaryVote {
  /** The column label as the file writes it, e.g. `Junts per Catalunya`. */
  label: string;
  /** Canonical group (stable across label changes), e.g. `Junts`. */
  group: string;
  /**
   * null when nothing is recorded (empty cell) or when the cell holds a value the mapping does not
   * recognise (then `raw` is not blank, and the rows report it); NOT_VOTING for `-` (did not take
   * part), ABSENT for `absencia`.
   */
  option: VoteOption | null;
  /** The cell as written (trimmed). */
  raw: string;
}

export interface CouncillorVote extends PlenaryVote {
  /** Councillor name from the column label `Nom Cognoms (Grup)`. */
  name: string;
}

export interface PlenaryAgreement {
  /** Which file: `mandat_actual` or `mandat_2019_2023`. */
  file: string;
  /** First physical line of the record in its file (1-based). */
  line: number;
  sessionRef: string;
  proposalRefs: string[];
  /** ISO date of the session. */
  sessionDate: string;
  titleCa: string | null;
  titleEs: string | null;
  /** True when the file had resum_cat and resum_cast the wrong way round (fixed here). */
  titlesSwapped: boolean;
  textHtml: string | null;
  proposer: string | null;
  governmentGroups: string[];
  result: string;
  /** `sistema_votacio` / `sistema votació` as written (trimmed), e.g. `Votació per grup`, `grup`, `nominal`. */
  votingSystem: string | null;
  /** votingSystem mapped; null when empty or not recognised (see votingMethodOf). */
  votingMethod: VotingMethod | null;
  /** `part_acta` as written (trimmed); it may name two parts, comma-separated. */
  minutesPart: string | null;
  /** The parts of `part_acta`, e.g. [`C) Part decisòria / Executiva`, `D) Part d'impuls i control`]. */
  minutesParts: string[];
  themeCa: string | null;
  themeEs: string | null;
  body: string;
  groupVotes: PlenaryVote[];
  councillorVotes: CouncillorVote[];
}

export interface UnplacedRow {
  file: string;
  line: number;
  reason: string;
}

export interface ParsedPlenaryFile {
  agreements: PlenaryAgreement[];
  unplaced: UnplacedRow[];
}

/**
 * What a city's files need besides their text: canonical political groups by the (lower-case)
 * labels its files use (labels change mid-term; a label not listed is its own group), and the name
 * of the body an agreement names when `organ_resolucio` is empty.
 */
export interface PlenaryOptions {
  groups: Record<string, string>;
  bodyName: string;
}

const NO_OPTIONS: PlenaryOptions = { groups: {}, bodyName: '' };

export function canonicalGroup(label: string, groups: Record<string, string>): string {
  return groups[label.trim().toLowerCase()] ?? label.trim();
}

/**
 * Folds a value for matching: case, accents, underscores and runs of spaces do not matter
 * (`aprovat_unanimitat` = `Aprovat unanimitat`, `Abstenció` = `abstencio`).
 */
export function foldValue(value: string): string {
  return fold(value).replace(/[_\s]+/g, ' ').trim();
}

/** Vote cells of both files, folded: `A favor`/`a_favor`, `En contra`/`en_contra`, `Abstenció`/`abstencio`, `absencia`, `-`. */
const VOTE_VALUES: Record<string, VoteOption> = {
  'a favor': 'YES',
  'en contra': 'NO',
  abstencio: 'ABSTAIN',
  absencia: 'ABSENT',
  '-': 'NOT_VOTING',
};

/** A vote cell: its option, null when empty (nothing recorded), undefined when not recognised. */
export function voteOptionOf(cell: string): VoteOption | null | undefined {
  const v = foldValue(cell);
  if (v === '') return null;
  return VOTE_VALUES[v];
}

/**
 * Whether a cell can be a vote at all (known or not): short, one line, no markup, not a date. A
 * cell that cannot means the record's fields are misplaced (the record is set aside); a vote-like
 * cell with an unknown value is kept raw and reported instead.
 */
export function looksLikeVoteCell(cell: string): boolean {
  const v = cell.trim();
  return v.length <= 40 && !/[<>\n]/.test(v) && isoDateOf(v) === null;
}

/** `sistema_votacio`: `Votació per grup`/`grup` → GROUP, `nominal` → NOMINAL, empty → null, else undefined (not recognised). */
export function votingMethodOf(value: string): VotingMethod | null | undefined {
  const v = foldValue(value);
  if (v === '') return null;
  if (v === 'grup' || v === 'per grup' || v === 'votacio per grup') return 'GROUP';
  if (v === 'nominal' || v === 'votacio nominal') return 'NOMINAL';
  return undefined;
}

/** `part_acta` split where a comma is followed by the next part's letter: `C) …,D) …` → two parts. */
export function minutesPartsOf(value: string): string[] {
  return value.split(/,(?=\s*[A-Z]\)\s)/).map((p) => p.trim()).filter(Boolean);
}

/** `&aacute:` → `&aacute;` (entities that end with `:` in the files), then decode; NBSP → space. */
export function fixEntities(text: string): string {
  return text.replace(/&([a-zA-Z]{2,8}):/g, (m, name: string) => (decodeHTML(`&${name};`) !== `&${name};` ? `&${name};` : m));
}

function cleanTitle(text: string | undefined): string | null {
  if (!text) return null;
  const t = decodeHTML(fixEntities(text)).replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
  return t || null;
}

/** `dd/mm/yyyy` or `d/m/yyyy` → ISO. */
export function isoDateOf(value: string): string | null {
  const m = value.trim().match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  if (!m) return null;
  const [, d, mo, y] = m;
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ? null : iso;
}

/**
 * Words and endings that only one of the two languages uses: enough to see that the two titles of
 * a row are the wrong way round (four rows of the current file), not a general language detector.
 */
const word = (alternatives: string) => new RegExp(`(?<!\\p{L})(?:${alternatives})(?!\\p{L})`, 'giu');
const CA_MARKERS = [
  word("aprovar|aprovació|modificació|proposició|grup|pla|dret|habitatge|millorar|lluita|amb|per|dels|les|els|i|sobre la|d'un|d'una|contractes|ciutat|districte|mesura|mesures"),
  /(?<!\p{L})[dl]'\p{L}/giu,
  /\p{L}ció(?!\p{L})/giu,
  /ç|l·l|ny/giu,
];
const ES_MARKERS = [
  word('aprobar|aprobación|modificación|proposición|grupo|plan|derecho|vivienda|mejorar|lucha|con|para|del|los|las|y|de un|de una|contratos|ciudad|distrito|medida|medidas'),
  /\p{L}ción(?!\p{L})/giu,
  /ñ/giu,
];

function languageScore(text: string): number {
  const count = (res: RegExp[]) => res.reduce((n, re) => n + (text.match(re) ?? []).length, 0);
  return count(CA_MARKERS) - count(ES_MARKERS); // > 0: reads as Catalan, < 0: as Spanish
}

/** True when resum_cat reads as Spanish and resum_cast as Catalan. */
export function titlesLookSwapped(ca: string | null, es: string | null): boolean {
  if (!ca || !es) return false;
  return languageScore(ca) < 0 && languageScore(es) > 0;
}

// ---- layout: caption lines, header, delimiter ---------------------------------------------------------

/** Column names as the files write them, folded to one key: `sistema votació` = `sistema_votacio`. */
export function columnKey(name: string): string {
  return foldValue(name.replace(/^"|"$/g, '')).replace(/ /g, '_');
}

/** Columns every file has: the header is the line that names them. */
const REQUIRED = ['ref_sessio', 'data_sessio', 'resultat'];
/** Columns that are not votes (every other named column is a group's or a councillor's vote). */
const META = new Set([
  'ref_sessio', 'ref_proposta', 'data_sessio', 'resum', 'resum_cat', 'resum_cast', 'text', 'proposta', 'resultat',
  'sistema_votacio', 'part_acta', 'tema', 'tema_cat', 'tema_cast', 'organ_resolucio', 'equip_govern',
]);
/** How far down the header may be (caption lines above it). */
const HEADER_SEARCH_LINES = 20;

export interface PlenaryLayout {
  /** 1-based line of the header. */
  headerLine: number;
  delimiter: ';' | ',';
  /** Header cells as written (trimmed) and their keys; a trailing delimiter gives an empty last name. */
  names: string[];
  keys: string[];
  /** The content from the header's first character on (BOM and caption lines cut off). */
  fromHeader: string;
}

const stripLead = (s: string) => s.replace(/^[\s\uFEFF]+/, '');

/**
 * Finds the header (skipping caption lines such as `sense filtres`) and its delimiter. A file
 * without one throws: an empty or different file must not read as "no agreements" (the sync keeps
 * its last good copy).
 */
export function plenaryLayout(content: string, file: string): PlenaryLayout {
  const text = content.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new Error(`${file}: the file is empty; a header with ${REQUIRED.join(', ')} was expected.`);
  const lines = text.split('\n', HEADER_SEARCH_LINES).map((l) => l.replace(/\r$/, ''));
  let offset = 0;
  for (const [i, line] of lines.entries()) {
    // The delimiter is the one that splits the line into the known names.
    const best = ([';', ','] as const)
      .map((delimiter) => ({ delimiter, names: stripLead(line).split(delimiter).map((n) => n.trim()) }))
      .map((c) => ({ ...c, keys: c.names.map(columnKey) }))
      .filter((c) => REQUIRED.every((k) => c.keys.includes(k)))
      .sort((a, b) => b.keys.filter((k) => META.has(k)).length - a.keys.filter((k) => META.has(k)).length)[0];
    if (best) return { headerLine: i + 1, delimiter: best.delimiter, names: best.names, keys: best.keys, fromHeader: text.slice(offset) };
    offset += line.length + (text[offset + line.length] === '\r' ? 2 : 1);
  }
  // No header: name the first line that looks like one (it has a delimiter).
  const at = lines.findIndex((l) => /[;,]/.test(l));
  const n = at < 0 ? 1 : at + 1;
  const got = lines[n - 1] ?? '';
  const keys = got.split(/[;,]/).map(columnKey);
  throw new Error(`${file}, line ${n}: the header lacks ${REQUIRED.filter((k) => !keys.includes(k)).join(', ')} (got ${got.slice(0, 120)}…).`);
}

// ---- records → agreements ---------------------------------------------------------------------------

/** Result of reading one record: an agreement, or why it cannot be placed. */
type Placed = { agreement: PlenaryAgreement } | { reason: string };

/** The fields of one record by column key, and the refs and text the anchored reading separated. */
interface RecordFields {
  get: (key: string) => string;
  proposalRefs: string[];
}

type VoteColumn = { index: number; label: string; councillor: { name: string; group: string } | null };

/** Builds an agreement from a record's fields and vote cells (in voteColumns order), or says why the record cannot be placed. */
function agreementOf(file: string, line: number, voteColumns: VoteColumn[], f: RecordFields, voteCells: string[], options: PlenaryOptions): Placed {
  const date = isoDateOf(f.get('data_sessio'));
  if (!date) return { reason: `data_sessio "${f.get('data_sessio').trim().slice(0, 40)}" is not d/m/yyyy` };
  const result = f.get('resultat').trim();
  if (!result) return { reason: 'empty resultat' };
  // A long, marked-up or date-shaped resultat is another field that slid into its column.
  if (result.length > 80 || /[<>\n]/.test(result) || isoDateOf(result)) return { reason: `resultat holds "${result.slice(0, 40)}", not a result` };
  const bad = voteColumns.findIndex((_, i) => !looksLikeVoteCell(voteCells[i] ?? ''));
  if (bad >= 0) return { reason: `vote column "${voteColumns[bad].label}" holds "${(voteCells[bad] ?? '').trim().slice(0, 40)}", not a vote` };

  let titleCa = cleanTitle(f.get('resum_cat') || f.get('resum'));
  let titleEs = cleanTitle(f.get('resum_cast'));
  const swapped = titlesLookSwapped(titleCa, titleEs);
  if (swapped) [titleCa, titleEs] = [titleEs, titleCa];
  const groupVotes: PlenaryVote[] = [];
  const councillorVotes: CouncillorVote[] = [];
  voteColumns.forEach(({ label, councillor }, i) => {
    const raw = (voteCells[i] ?? '').trim();
    const option = voteOptionOf(raw) ?? null;
    if (councillor) {
      if (raw) councillorVotes.push({ label, name: councillor.name, group: canonicalGroup(councillor.group, options.groups), option, raw });
    } else {
      groupVotes.push({ label, group: canonicalGroup(label, options.groups), option, raw });
    }
  });
  const votingSystem = f.get('sistema_votacio').trim() || null;
  const minutesPart = f.get('part_acta').trim() || null;
  const textHtml = f.get('text') ? fixEntities(f.get('text')).trim() || null : null;
  return {
    agreement: {
      file,
      line,
      sessionRef: f.get('ref_sessio').trim(),
      proposalRefs: f.proposalRefs,
      sessionDate: date,
      titleCa,
      titleEs,
      titlesSwapped: swapped,
      textHtml,
      proposer: f.get('proposta').trim() || null,
      governmentGroups: f.get('equip_govern').split(/[,;]/).map((g) => g.trim()).filter(Boolean),
      result,
      votingSystem,
      votingMethod: votingMethodOf(votingSystem ?? '') ?? null,
      minutesPart,
      minutesParts: minutesPartsOf(minutesPart ?? ''),
      themeCa: (f.get('tema_cat') || f.get('tema')).trim() || null,
      themeEs: f.get('tema_cast').trim() || null,
      body: f.get('organ_resolucio').trim() || options.bodyName,
      groupVotes,
      councillorVotes,
    },
  };
}

/** The vote columns of a header: every named column that is not metadata; `Nom Cognoms (Grup)` is a councillor. */
function voteColumnsOf(layout: PlenaryLayout): VoteColumn[] {
  return layout.names
    .map((label, index) => ({ index, label, key: layout.keys[index] }))
    .filter(({ label, key }) => label !== '' && !META.has(key))
    .map(({ index, label }) => {
      const m = label.match(/^(.*)\s\(([^)]+)\)$/);
      return { index, label, councillor: m ? { name: m[1].trim(), group: m[2] } : null };
    });
}

/** Proposal references: `s/n`, one, or several separated by `;` / `; `. */
const splitRefs = (value: string) => value.split(';').map((r) => r.trim()).filter(Boolean);

// ---- the unquoted file (a `text` column): anchored on both ends --------------------------------------

/** A record starts with a session reference (`CP 12/23`, `CP 14/25 EXT`), after an optional TAB. */
const SESSION_START = /^[\t \uFEFF]*[A-Z]{1,4} ?\d{1,2}\/\d{2}\b/;

function parseAnchored(layout: PlenaryLayout, file: string, options: PlenaryOptions): ParsedPlenaryFile {
  const { delimiter: d, keys } = layout;
  const lines = layout.fromHeader.split(/\r?\n/);
  const first = layout.headerLine; // lines[i] is physical line first + i
  const unplaced: UnplacedRow[] = [];
  const textAt = keys.indexOf('text');
  const leftKeys = keys.slice(0, textAt);
  // Right of `text`: a fixed number of fields (metadata, votes and, when the header ends with the
  // delimiter, the empty last field).
  const rightCount = keys.length - textAt - 1;
  const minFields = keys.length;
  // `ref_proposta` right before `data_sessio` may hold several references: data_sessio is then the
  // first date-shaped field after it. Otherwise every left column is one field.
  const refsAt = leftKeys.indexOf('ref_proposta');
  const variableRefs = refsAt >= 0 && leftKeys[refsAt + 1] === 'data_sessio';
  const trailingEmpty = layout.names[layout.names.length - 1] === '';
  const voteColumns = voteColumnsOf(layout);

  // Assemble records: a line starts a new record when it starts like a ref_sessio and the record
  // so far is complete; otherwise it continues `text` (embedded newline).
  const records: Array<{ line: number; text: string }> = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const last = records[records.length - 1];
    const lastComplete = !last || last.text.split(d).length >= minFields;
    if (SESSION_START.test(line) && lastComplete) records.push({ line: first + i, text: line });
    else if (last) last.text += `\n${line}`;
    else if (line.trim()) unplaced.push({ file, line: first + i, reason: 'text before the first record' });
  }
  // A trailing newline leaves an empty continuation, and a line may end in spaces: drop both.
  for (const r of records) r.text = r.text.replace(/\s+$/, '');

  const agreements: PlenaryAgreement[] = [];
  for (const record of records) {
    const fields = record.text.split(d);
    if (fields.length < minFields) {
      unplaced.push({ file, line: record.line, reason: `has ${fields.length} fields; at least ${minFields} expected` });
      continue;
    }
    const right = fields.slice(fields.length - rightCount);
    const left = fields.slice(0, fields.length - rightCount);
    if (trailingEmpty && right[right.length - 1].trim() !== '') {
      unplaced.push({ file, line: record.line, reason: 'the record does not end with the empty last field' });
      continue;
    }
    const byKey = new Map<string, string>();
    let proposalRefs: string[] = [];
    if (variableRefs) {
      const dateIndex = left.findIndex((f, i) => i > refsAt && isoDateOf(f) !== null);
      const after = leftKeys.length - refsAt - 2; // columns between data_sessio and text
      if (dateIndex < 0 || left.length < dateIndex + after + 2) {
        unplaced.push({ file, line: record.line, reason: `no data_sessio (dd/mm/yyyy) followed by ${leftKeys.slice(refsAt + 2).join(', ')} and text` });
        continue;
      }
      leftKeys.slice(0, refsAt).forEach((k, i) => byKey.set(k, left[i]));
      proposalRefs = splitRefs(left.slice(refsAt, dateIndex).join(';'));
      byKey.set('data_sessio', left[dateIndex]);
      leftKeys.slice(refsAt + 2).forEach((k, i) => byKey.set(k, left[dateIndex + 1 + i]));
      byKey.set('text', left.slice(dateIndex + 1 + after).join(d));
    } else {
      leftKeys.forEach((k, i) => byKey.set(k, left[i]));
      byKey.set('text', left.slice(leftKeys.length).join(d));
      proposalRefs = splitRefs(byKey.get('ref_proposta') ?? '');
    }
    keys.slice(textAt + 1).forEach((k, i) => {
      if (k && !byKey.has(k)) byKey.set(k, right[i]);
    });
    const cells = voteColumns.map(({ index }) => right[index - textAt - 1]);
    const placed = agreementOf(file, record.line, voteColumns, { get: (k) => byKey.get(k) ?? '', proposalRefs }, cells, options);
    if ('reason' in placed) unplaced.push({ file, line: record.line, reason: placed.reason });
    else agreements.push(placed.agreement);
  }
  return { agreements, unplaced };
}

// ---- a CSV file (quoted fields): csv-parse with the detected delimiter --------------------------------

function parseQuoted(layout: PlenaryLayout, file: string, options: PlenaryOptions): ParsedPlenaryFile {
  const { keys } = layout;
  // trim: a leading TAB or trailing spaces around a field (also before an opening quote);
  // relax_quotes: a stray `"` inside an unquoted field is text, not a parse error of the whole file.
  const rows = parseCsv(layout.fromHeader, {
    delimiter: layout.delimiter,
    record_delimiter: ['\r\n', '\n'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
  }) as unknown as Array<{ record: string[]; info: { bytes: number } }>;
  const [, ...dataRows] = rows;
  const named = keys.length - [...keys].reverse().findIndex((k) => k !== ''); // columns up to the last named one
  const voteColumns = voteColumnsOf(layout);
  const col = new Map(keys.map((k, i) => [k, i]).filter(([k]) => k !== '') as Array<[string, number]>);
  const agreements: PlenaryAgreement[] = [];
  const unplaced: UnplacedRow[] = [];

  // Line numbers from byte offsets: csv-parse reports how many bytes each record ended at; the next
  // record starts after them and after any empty lines.
  const bytes = Buffer.from(layout.fromHeader);
  let pos = 0;
  let line = layout.headerLine;
  const advanceTo = (end: number) => {
    for (; pos < end && pos < bytes.length; pos++) if (bytes[pos] === 0x0a) line++;
  };
  advanceTo(rows[0]?.info.bytes ?? 0);
  for (const { record, info } of dataRows) {
    while (pos < bytes.length && (bytes[pos] === 0x0a || bytes[pos] === 0x0d)) advanceTo(pos + 1);
    const start = line;
    advanceTo(info.bytes);
    const extra = record.slice(named);
    if (record.length < named || extra.length > Math.max(keys.length - named, 1) || extra.some((x) => x !== '')) {
      unplaced.push({ file, line: start, reason: `has ${record.length} fields; ${named} expected` });
      continue;
    }
    const get = (k: string) => (col.has(k) ? record[col.get(k)!] ?? '' : '');
    const placed = agreementOf(file, start, voteColumns, { get, proposalRefs: splitRefs(get('ref_proposta')) }, voteColumns.map(({ index }) => record[index]), options);
    if ('reason' in placed) unplaced.push({ file, line: start, reason: placed.reason });
    else agreements.push(placed.agreement);
  }
  return { agreements, unplaced };
}

// ---- entry points -------------------------------------------------------------------------------------

/** Parses a plenary file of either shape (the layout decides, not the file's name). */
export function parsePlenaryFile(content: string, file: string, options: PlenaryOptions = NO_OPTIONS): ParsedPlenaryFile {
  const layout = plenaryLayout(content, file);
  return layout.keys.includes('text') ? parseAnchored(layout, file, options) : parseQuoted(layout, file, options);
}

/** A file of the current-term shape (a `text` column, not valid CSV). */
export function parseCurrentTermFile(content: string, file = 'mandat_actual', options: PlenaryOptions = NO_OPTIONS): ParsedPlenaryFile {
  return parsePlenaryFile(content, file, options);
}

/** A file of the 2019–2023 shape (quoted CSV). */
export function parsePreviousTermFile(content: string, file = 'mandat_2019_2023', options: PlenaryOptions = NO_OPTIONS): ParsedPlenaryFile {
  return parsePlenaryFile(content, file, options);
}
