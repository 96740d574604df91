/**
 * The shared topic scheme: the UN Classification of the Functions of Government (COFOG, 1999), and
 * one reviewed table per city that maps the city's own values onto it (topics/<city>.yaml, named by
 * the city's `topics` in the registry).
 *
 * A table says how its city's decisions get a topic (its method):
 *   SOURCE_CODE   the city's own classification code (Helsinki's archive ClassificationCode): the
 *                 most specific code prefix in the table wins;
 *   SOURCE_LABEL  the city's own theme or category label (Barcelona's plenary `tema`, Decidim
 *                 categories): the first of the decision's labels in the table;
 *   COMMITTEE     a stated proxy for cities whose data has no topics: the committee that handled the
 *                 decision's item before the deciding body decided it (the row's `committeeIds`, most
 *                 recent first; the adapters link them: a Notubiz case code, an OParl consultation),
 *                 else the deciding body itself; each mapped by its source id.
 * A value not in the table gives no topic (and is reported as unmapped): nothing is guessed from
 * free text.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { CityEntry } from './cities';

export type TopicMethod = 'SOURCE_CODE' | 'SOURCE_LABEL' | 'COMMITTEE';
export const TOPIC_METHODS: readonly TopicMethod[] = ['SOURCE_CODE', 'SOURCE_LABEL', 'COMMITTEE'];

export interface CofogCode {
  /** A division (`06`) or a group (`06.1`). */
  code: string;
  name: string;
  /** The division the code is in (itself for a division). */
  division: string;
  divisionName: string;
}

export interface CofogScheme {
  /** Where the names come from (the file's `source`). */
  source: string;
  divisions: Array<{ code: string; name: string; groups: Array<{ code: string; name: string }> }>;
}

export interface TopicEntry {
  /** The city's value: a code prefix, a label (lower case) or a body's source id. */
  value: string;
  /** A COFOG division or group. */
  code: string;
  note?: string;
}

export interface TopicTable {
  city: string;
  /** Repository-relative, e.g. topics/helsinki.yaml. */
  file: string;
  method: TopicMethod;
  /** The city's own scheme the values come from. */
  scheme: string;
  /** What the mapping was reviewed against. */
  review: string;
  /** SHA-256 of the file's text and the assignment rules' version: changes whenever either does (stores recompute topics then). */
  hash: string;
  entries: TopicEntry[];
  /** COMMITTEE: body source ids that are never a topic's proxy (the municipality as a whole). */
  skip: string[];
  /** value → entry. */
  byValue: ReadonlyMap<string, TopicEntry>;
}

/** What GraphQL's Topic shows. */
export interface TopicView extends CofogCode {
  method: TopicMethod;
  sourceValue: string;
}

export interface AssignedTopic {
  code: string;
  method: TopicMethod;
  /** The city's value that gave the topic. */
  sourceValue: string;
}

export const ROOT = path.resolve(__dirname, '..');
/** Version of assignTopic's rules, part of every table's hash: change it when the rules change, so stores recompute. */
const ASSIGNMENT_RULES = 'assignTopic/2';
export const COFOG_FILE = 'topics/cofog.yaml';

export class TopicTableError extends Error {
  constructor(public readonly file: string, public readonly problems: string[]) {
    super(`${file}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  - ${problems.join('\n  - ')}`}`);
    this.name = 'TopicTableError';
  }
}

function yamlOf(text: string, file: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length) throw new TopicTableError(file, doc.errors.map((e) => `not valid YAML: ${e.message}`));
  return doc.toJS();
}

function issuesOf(error: z.ZodError, raw: unknown): string[] {
  return error.issues.map((i) => {
    // An entry's problem names the entry by its value too, so it can be found in the file.
    let where = i.path.join('.');
    if (i.path[0] === 'entries' && typeof i.path[1] === 'number') {
      const value = (raw as { entries?: Array<{ value?: unknown }> })?.entries?.[i.path[1]]?.value;
      where = `entries[${i.path[1]}]${typeof value === 'string' ? ` (value "${value}")` : ''}${i.path.length > 2 ? `.${i.path.slice(2).join('.')}` : ''}`;
    }
    return `${where ? `${where}: ` : ''}${i.message}`;
  });
}

// ---- COFOG ----------------------------------------------------------------------------------------

const DIVISION = /^(0[1-9]|10)$/;
const GROUP = /^(0[1-9]|10)\.[1-9]$/;

const cofogFile = z.strictObject({
  source: z.string().min(1, 'expected the source of the names'),
  divisions: z
    .array(
      z.strictObject({
        code: z.string().regex(DIVISION, 'expected a division code 01 … 10'),
        name: z.string().trim().min(1),
        groups: z.array(z.strictObject({ code: z.string().regex(GROUP, 'expected a group code such as 06.1'), name: z.string().trim().min(1) })).min(1),
      }),
    )
    .length(10, 'expected the 10 COFOG divisions'),
});

/** Validates the COFOG file's text: 10 divisions in order, each group under its division, no code twice. */
export function parseCofog(text: string, file = COFOG_FILE): CofogScheme {
  const raw = yamlOf(text, file);
  const parsed = cofogFile.safeParse(raw);
  if (!parsed.success) throw new TopicTableError(file, issuesOf(parsed.error, raw));
  const problems: string[] = [];
  const seen = new Set<string>();
  parsed.data.divisions.forEach((d, i) => {
    const expected = String(i + 1).padStart(2, '0');
    if (d.code !== expected) problems.push(`divisions[${i}]: code "${d.code}": expected "${expected}" (divisions 01 … 10 in order)`);
    for (const g of d.groups) {
      if (!g.code.startsWith(`${d.code}.`)) problems.push(`divisions[${i}] (${d.code}): group "${g.code}" is not under division ${d.code}`);
      if (seen.has(g.code)) problems.push(`divisions[${i}] (${d.code}): group "${g.code}" appears twice`);
      seen.add(g.code);
    }
  });
  if (problems.length) throw new TopicTableError(file, problems);
  return parsed.data;
}

export const COFOG: CofogScheme = parseCofog(fs.readFileSync(path.join(ROOT, COFOG_FILE), 'utf8'));

const COFOG_CODES = new Map<string, CofogCode>(
  COFOG.divisions.flatMap((d) => [
    [d.code, { code: d.code, name: d.name, division: d.code, divisionName: d.name }] as const,
    ...d.groups.map((g) => [g.code, { code: g.code, name: g.name, division: d.code, divisionName: d.name }] as const),
  ]),
);

/** A COFOG division (`06`) or group (`06.1`); null for anything else. */
export function cofogCode(code: string): CofogCode | null {
  return COFOG_CODES.get(code) ?? null;
}

/**
 * The problem with a filter's topic codes, for a BAD_USER_INPUT error; null when every code is a
 * COFOG division or group.
 */
export function topicCodesProblem(codes: readonly string[]): string | null {
  const bad = codes.filter((c) => !COFOG_CODES.has(c));
  if (!bad.length) return null;
  return `topic: ${bad.map((c) => JSON.stringify(c)).join(', ')} ${bad.length === 1 ? 'is not a COFOG code' : 'are not COFOG codes'}; give a division 01 … 10 (which matches its groups too) or a group such as 06.1 (the list: the gateway's topicScheme)`;
}

/** Whether a topic code is within a filter's code: `06` matches `06` and `06.1`; `06.1` only `06.1`. */
export function topicMatches(filterCode: string, code: string): boolean {
  return code === filterCode || code.startsWith(`${filterCode}.`);
}

// ---- City tables ------------------------------------------------------------------------------------

const tableFile = z.strictObject({
  scheme: z.string().trim().min(1, 'expected the name of the city\'s own scheme'),
  method: z.enum(TOPIC_METHODS as [TopicMethod, ...TopicMethod[]], { error: `expected one of ${TOPIC_METHODS.join(', ')}` }),
  review: z.string().trim().min(1, 'expected what the mapping was reviewed against'),
  skip: z.array(z.string().min(1)).default([]),
  entries: z.array(
    z.strictObject({
      // A number is refused: YAML reads `00` as 0 and `10 03` stays a string, so codes must be quoted.
      value: z.string({ error: 'expected the city\'s value as a quoted string ("10 03"): YAML reads an unquoted 00 as the number 0' }).trim().min(1, 'expected the city\'s value'),
      code: z.string().refine((c) => COFOG_CODES.has(c), { error: (iss) => `code "${String(iss.input)}" is not a COFOG division or group (${COFOG_FILE})` }),
      note: z.string().optional(),
    }),
  ),
});

/** Validates a table's text; `file` is repository-relative and named in every error. */
export function parseTopicTable(text: string, file: string, city: string): TopicTable {
  const raw = yamlOf(text, file);
  const parsed = tableFile.safeParse(raw);
  if (!parsed.success) throw new TopicTableError(file, issuesOf(parsed.error, raw));
  const t = parsed.data;
  const problems: string[] = [];
  const byValue = new Map<string, TopicEntry>();
  t.entries.forEach((e, i) => {
    // Code and label keys are matched in lower case (the adapters' category keys are).
    if (t.method !== 'COMMITTEE' && e.value !== e.value.toLowerCase()) problems.push(`entries[${i}] (value "${e.value}"): expected lower case (category keys are lower case)`);
    if (byValue.has(e.value)) problems.push(`entries[${i}] (value "${e.value}"): duplicate value (also entries[${t.entries.indexOf(byValue.get(e.value)!)}])`);
    else byValue.set(e.value, e);
  });
  if (t.skip.length && t.method !== 'COMMITTEE') problems.push('skip: only a COMMITTEE table skips bodies');
  for (const s of t.skip) if (byValue.has(s)) problems.push(`skip: "${s}" is also an entry's value`);
  if (problems.length) throw new TopicTableError(file, problems);
  return {
    city,
    file,
    method: t.method,
    scheme: t.scheme,
    review: t.review,
    hash: crypto.createHash('sha256').update(`${ASSIGNMENT_RULES}\n${text}`).digest('hex'),
    entries: t.entries,
    skip: t.skip,
    byValue,
  };
}

/** Reads and validates a table (path relative to the repository root). */
export function loadTopicTable(file: string, city: string): TopicTable {
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(ROOT, file), 'utf8');
  } catch (err) {
    throw new TopicTableError(file, [`cannot read the topic table (${(err as Error).message})`]);
  }
  return parseTopicTable(text, file, city);
}

const loaded = new Map<string, TopicTable>();

/** The city's table (its registry entry's `topics`), loaded and validated once; null without one. */
export function topicTableOf(city: Pick<CityEntry, 'id' | 'topics'>): TopicTable | null {
  if (!city.topics) return null;
  const key = `${city.id}|${city.topics}`;
  let table = loaded.get(key);
  if (!table) loaded.set(key, (table = loadTopicTable(city.topics, city.id)));
  return table;
}

/** An assigned topic with its COFOG names (null for null, or for a code no longer in the scheme). */
export function topicView(topic: AssignedTopic | null | undefined): TopicView | null {
  const cofog = topic ? cofogCode(topic.code) : null;
  return topic && cofog ? { ...cofog, method: topic.method, sourceValue: topic.sourceValue } : null;
}

/** A global body id's source id (`amsterdam:body:281-1234` → `281-1234`; OParl's may hold colons). */
function bodySourceId(table: TopicTable, bodyId: string): string {
  const prefix = `${table.city}:body:`;
  if (bodyId.startsWith(prefix)) return bodyId.slice(prefix.length);
  const parts = bodyId.split(':');
  return parts.length > 2 ? parts.slice(2).join(':') : bodyId;
}

/**
 * Pure: the row's topic by its table's method, and the city value that was looked up (for unmapped
 * reporting; null when the row has none).
 *
 * COMMITTEE looks at the committees that handled the item before it was decided (`committeeIds`,
 * most recent first) before the deciding bodies (`bodyIds`): a council decides on every subject, the
 * committee that prepared the item has one. The first body in that order with an entry gives the
 * topic; the candidate (reported when unmapped) is the first body in that order that is not skipped.
 */
export function assignTopic(
  table: TopicTable,
  row: { categories?: string[] | null; bodyIds?: string[] | null; committeeIds?: string[] | null },
): { topic: AssignedTopic | null; candidate: string | null } {
  const categories = row.categories ?? [];
  const topicOf = (e: TopicEntry | undefined): AssignedTopic | null => (e ? { code: e.code, method: table.method, sourceValue: e.value } : null);
  switch (table.method) {
    case 'SOURCE_CODE': {
      // The keys are every prefix of the code: the longest one in the table is the most specific.
      let best: TopicEntry | undefined;
      let candidate: string | null = null;
      for (const key of categories) {
        if (candidate === null || key.length > candidate.length) candidate = key;
        const e = table.byValue.get(key);
        if (e && (!best || e.value.length > best.value.length)) best = e;
      }
      return { topic: topicOf(best), candidate: candidate?.trim() || null };
    }
    case 'SOURCE_LABEL': {
      const key = categories.find((k) => table.byValue.has(k));
      return { topic: topicOf(key === undefined ? undefined : table.byValue.get(key)), candidate: categories[0] ?? null };
    }
    case 'COMMITTEE': {
      const ids = [...new Set([...(row.committeeIds ?? []), ...(row.bodyIds ?? [])].map((b) => bodySourceId(table, b)))];
      const hit = ids.find((id) => table.byValue.has(id));
      const candidate = ids.find((id) => !table.skip.includes(id)) ?? ids[0] ?? null;
      return { topic: topicOf(hit === undefined ? undefined : table.byValue.get(hit)), candidate };
    }
  }
}
