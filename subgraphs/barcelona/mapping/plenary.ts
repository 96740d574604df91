/**
 * Parsers for Barcelona's plenary agreement files ("Acords del Plenari"). Facts about the files:
 * research/barcelona-plenary-csv.md (third-party notes; see subgraphs/barcelona/replica/data/plenary).
 *
 * The current-term file is NOT valid CSV: `text` (HTML) holds unquoted `;`, one `ref_proposta`
 * holds three `;`-separated references, and records may span lines. It is parsed by anchoring on
 * both ends: the fields right of `text` are fixed in number, and on the left `data_sessio` is the
 * first field shaped like a date. A record that cannot be placed is reported with its line number
 * (never dropped silently). The 2019–2023 file is valid RFC 4180 CSV: csv-parse reads it.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { decodeHTML } from 'entities';

export type VoteOption = 'YES' | 'NO' | 'ABSTAIN' | 'NOT_VOTING';

export interface PlenaryVote {
  /** The column label as the file writes it, e.g. `Junts per Catalunya`. */
  label: string;
  /** Canonical group (stable across label changes), e.g. `Junts`. */
  group: string;
  /** null when nothing is recorded (empty cell); NOT_VOTING for `-` (did not take part). */
  option: VoteOption | null;
  /** The cell as written. */
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
  votingSystem: string | null;
  minutesPart: string | null;
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

/** Canonical political groups by the labels the files use (labels change mid-term). */
const GROUPS: Record<string, string> = {
  'barcelona en comú': 'Barcelona en Comú',
  bcomú: 'Barcelona en Comú',
  'partit dels socialistes de catalunya': 'PSC',
  psc: 'PSC',
  'esquerra republicana': 'ERC',
  erc: 'ERC',
  'partit popular': 'PP',
  pp: 'PP',
  vox: 'Vox',
  'vox barcelona': 'Vox',
  'junts per catalunya': 'Junts',
  'junts per barcelona': 'Junts',
  jxcat: 'Junts',
  cs: 'Ciutadans',
  'bcn canvi': 'Valents',
  valents: 'Valents',
};

export function canonicalGroup(label: string): string {
  return GROUPS[label.trim().toLowerCase()] ?? label.trim();
}

/** Vote cells: `A favor`/`a_favor`, `En contra`, `Abstenció`, `-` (did not take part), empty (not recorded). */
export function voteOptionOf(cell: string): VoteOption | null | undefined {
  const v = cell.trim().toLowerCase().replace(/_/g, ' ');
  if (v === '') return null;
  if (v === 'a favor') return 'YES';
  if (v === 'en contra') return 'NO';
  if (v === 'abstenció' || v === 'abstencio') return 'ABSTAIN';
  if (v === '-') return 'NOT_VOTING';
  return undefined; // not a vote value: the row is misplaced
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

const SESSION_START = /^[A-Z]{1,4} ?\d{1,2}\/\d{2}\b/;
const CURRENT_FIXED_LEFT = ['ref_sessio', 'ref_proposta', 'data_sessio', 'resum_cat', 'resum_cast', 'text'];
const CURRENT_META_RIGHT = ['resultat', 'sistema_votacio', 'part_acta', 'tema_cat', 'tema_cast', 'organ_resolucio'];

/** Parses the current-term file (2023–2027). */
export function parseCurrentTermFile(content: string, file = 'mandat_actual'): ParsedPlenaryFile {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0].split(';');
  const unplaced: UnplacedRow[] = [];
  const expect = [...CURRENT_FIXED_LEFT, ...CURRENT_META_RIGHT];
  if (expect.some((name, i) => header[i] !== name) || header[header.length - 1] !== '') {
    throw new Error(`${file}, line 1: the header is not ${expect.join(';')};…; as the current-term file's (got ${lines[0].slice(0, 120)}…).`);
  }
  const voteColumns = header.slice(expect.length, -1);
  // Right of `text`: the six metadata fields, the vote columns and the final empty field.
  const rightCount = CURRENT_META_RIGHT.length + voteColumns.length + 1;
  const minFields = CURRENT_FIXED_LEFT.length + rightCount;

  // Assemble records: a line starts a new record when it starts like a ref_sessio and the record
  // so far is complete; otherwise it continues `text` (embedded newline).
  const records: Array<{ line: number; text: string }> = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const last = records[records.length - 1];
    const lastComplete = !last || last.text.split(';').length >= minFields;
    if (SESSION_START.test(line) && lastComplete) records.push({ line: i + 1, text: line });
    else if (last) last.text += `\n${line}`;
    else if (line.trim()) unplaced.push({ file, line: i + 1, reason: 'text before the first record' });
  }
  // A trailing newline leaves an empty continuation: drop it.
  for (const r of records) r.text = r.text.replace(/\n+$/, '');

  const agreements: PlenaryAgreement[] = [];
  for (const record of records) {
    const fields = record.text.split(';');
    if (fields.length < minFields) {
      unplaced.push({ file, line: record.line, reason: `has ${fields.length} fields; at least ${minFields} expected` });
      continue;
    }
    const right = fields.slice(fields.length - rightCount);
    const left = fields.slice(0, fields.length - rightCount);
    const dateIndex = left.findIndex((f, i) => i >= 2 && isoDateOf(f) !== null);
    if (dateIndex < 0 || left.length < dateIndex + 4) {
      unplaced.push({ file, line: record.line, reason: 'no data_sessio (dd/mm/yyyy) followed by resum_cat, resum_cast and text' });
      continue;
    }
    if (right[right.length - 1] !== '') {
      unplaced.push({ file, line: record.line, reason: 'the record does not end with the empty last field' });
      continue;
    }
    const [result, votingSystem, minutesPart, themeCa, themeEs, organ] = right;
    const cells = right.slice(CURRENT_META_RIGHT.length, -1);
    const badCell = cells.findIndex((c) => voteOptionOf(c) === undefined);
    if (!result.trim() || badCell >= 0) {
      unplaced.push({ file, line: record.line, reason: badCell >= 0 ? `vote column "${voteColumns[badCell]}" holds "${cells[badCell].slice(0, 40)}", not a vote` : 'empty resultat' });
      continue;
    }
    let titleCa = cleanTitle(left[dateIndex + 1]);
    let titleEs = cleanTitle(left[dateIndex + 2]);
    const swapped = titlesLookSwapped(titleCa, titleEs);
    if (swapped) [titleCa, titleEs] = [titleEs, titleCa];
    const groupVotes: PlenaryVote[] = [];
    const councillorVotes: CouncillorVote[] = [];
    voteColumns.forEach((label, i) => {
      const raw = cells[i];
      const councillor = label.match(/^(.*)\s\(([^)]+)\)$/);
      if (councillor) {
        if (raw.trim()) councillorVotes.push({ label, name: councillor[1].trim(), group: canonicalGroup(councillor[2]), option: voteOptionOf(raw)!, raw });
      } else {
        groupVotes.push({ label, group: canonicalGroup(label), option: voteOptionOf(raw)!, raw });
      }
    });
    agreements.push({
      file,
      line: record.line,
      sessionRef: left[0].trim(),
      proposalRefs: left.slice(1, dateIndex).map((r) => r.trim()).filter(Boolean),
      sessionDate: isoDateOf(left[dateIndex])!,
      titleCa,
      titleEs,
      titlesSwapped: swapped,
      textHtml: fixEntities(left.slice(dateIndex + 3).join(';')).trim() || null,
      proposer: null,
      governmentGroups: [],
      result: result.trim(),
      votingSystem: votingSystem.trim() || null,
      minutesPart: minutesPart.trim() || null,
      themeCa: themeCa.trim() || null,
      themeEs: themeEs.trim() || null,
      body: organ.trim() || 'Consell Municipal',
      groupVotes,
      councillorVotes,
    });
  }
  return { agreements, unplaced };
}

const PREVIOUS_REQUIRED = ['ref_sessio', 'data_sessio', 'resultat'];
const PREVIOUS_META = new Set(['ref_sessio', 'data_sessio', 'ref_proposta', 'proposta', 'resum', 'resultat', 'sistema_votacio', 'part_acta', 'tema', 'tema_cat', 'organ_resolucio', 'equip_govern']);

/** Parses the 2019–2023 file: valid CSV after its `sense filtres` caption line. */
export function parsePreviousTermFile(content: string, file = 'mandat_2019_2023'): ParsedPlenaryFile {
  const text = content.replace(/^\uFEFF/, '');
  const captionLines = /^sense filtres\r?\n/i.test(text) ? 1 : 0;
  const rows = parseCsv(text, { from_line: captionLines + 1, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  const [headerRow, ...dataRows] = rows;
  if (!headerRow) throw new Error(`${file}: the file is empty; a header row with ${PREVIOUS_REQUIRED.join(', ')} was expected.`);
  const header = headerRow.record.map((h) => h.trim());
  const col = (name: string) => header.findIndex((h) => h.toLowerCase() === name);
  // An empty or different file must not read as "no agreements": the caller keeps its last good copy.
  const missing = PREVIOUS_REQUIRED.filter((name) => col(name) < 0);
  if (missing.length) throw new Error(`${file}, line ${captionLines + 1}: the header lacks ${missing.join(', ')} (got ${headerRow.record.join(',').slice(0, 120)}…).`);
  const voteColumns = header.map((h, i) => ({ h, i })).filter(({ h }) => !PREVIOUS_META.has(h.toLowerCase()));
  const agreements: PlenaryAgreement[] = [];
  const unplaced: UnplacedRow[] = [];
  // csv-parse counts lines from the start of the input, caption included.
  let lineOfNext = headerRow.info.lines + 1;
  for (const { record, info } of dataRows) {
    const line = lineOfNext;
    lineOfNext = info.lines + 1;
    const get = (name: string) => (col(name) >= 0 ? record[col(name)] ?? '' : '');
    const date = isoDateOf(get('data_sessio'));
    if (record.length !== header.length || !date || !get('resultat').trim()) {
      unplaced.push({ file, line, reason: record.length !== header.length ? `has ${record.length} fields; ${header.length} expected` : !date ? `data_sessio "${get('data_sessio')}" is not d/m/yyyy` : 'empty resultat' });
      continue;
    }
    const bad = voteColumns.find(({ i }) => voteOptionOf(record[i]) === undefined);
    if (bad) {
      unplaced.push({ file, line, reason: `vote column "${bad.h}" holds "${record[bad.i].slice(0, 40)}", not a vote` });
      continue;
    }
    agreements.push({
      file,
      line,
      sessionRef: get('ref_sessio').trim(),
      proposalRefs: get('ref_proposta').split(';').map((r) => r.trim()).filter(Boolean),
      sessionDate: date,
      titleCa: cleanTitle(get('resum')),
      titleEs: null,
      titlesSwapped: false,
      textHtml: null,
      proposer: get('proposta').trim() || null,
      governmentGroups: get('equip_govern').split(/[,;]/).map((g) => g.trim()).filter(Boolean),
      result: get('resultat').trim(),
      votingSystem: get('sistema_votacio').trim() || null,
      minutesPart: get('part_acta').trim() || null,
      themeCa: (get('tema') || get('tema_cat')).trim() || null,
      themeEs: null,
      body: get('organ_resolucio').trim() || 'Consell Municipal',
      groupVotes: voteColumns.map(({ h, i }) => ({ label: h, group: canonicalGroup(h), option: voteOptionOf(record[i])!, raw: record[i] })),
      councillorVotes: [],
    });
  }
  return { agreements, unplaced };
}
