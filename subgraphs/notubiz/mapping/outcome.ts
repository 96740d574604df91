/**
 * Outcomes from Notubiz module items. A module item (a motion, amendment or proposal in one of the
 * organisation's modules) labels its own attributes; Amsterdam's items state a vote's result in the
 * attribute labelled **Uitslag** ("aangenomen", "verworpen" …), and may explain it in Toelichting
 * ("met de stemmen tegen van … aangenomen"), which is not read: the outcome is the Uitslag only.
 *
 * Sources (no real module item is in our stored sources, see test/fixtures/amsterdam):
 * - the shape, version 1.17.0: Open Raadsinformatie's extractor fetches each `module_items[].self`
 *   and keeps its `item` (openstate/open-raadsinformatie@011448171ebe816da060de45c185d421a1ed1254:
 *   ocd_backend/extractors/notubiz.py); its transformer (ocd_backend/transformers/notubiz_meeting.py,
 *   the version that reads `module_item_contents`) reads `attributes[] {datatype, label, values}`,
 *   takes documents from `values[].document` of the attributes whose datatype is "document" or
 *   label "Hoofddocument", and from `attachments.document[]`. ORI reads no result from module items.
 * - the labels and values: two public clients of Amsterdam's Notubiz (organisation 281), version
 *   1.10.8 (XML-to-JSON: `attributes.attribute[] {"@attributes":{id,datatype}, label, value}`):
 *   wissebarkhof/verkiezing-vibecheck@b0d6b16db61cb3e5f59d9aeabe9884a65b89a3e5:app/services/notubiz.py
 *   ("62 = Uitslag ("aangenomen" / "verworpen")", "35 = Toelichting (vote explanation, raw HTML)",
 *   "45 = Type ("Motie" / "Amendement")") and
 *   CivicStat/CivicStat@9d5e973565c01087db65157701eb2316867fb9d7:.claude/worktrees/unruffled-hermann/packages/etl/src/municipal/notubiz-client.ts
 *   (reads label "uitslag"; results "aangenomen" | "verworpen" | "ingetrokken", "aangehouden =
 *   deferred, not voted"; Toelichting wordings "met algemene stemmen aangenomen", "zonder
 *   hoofdelijke stemming aangenomen", "bij acclamatie aangenomen", "met de stem(men) tegen van …").
 * The contract's Outcome enum names Amsterdam's "Aangenomen", "Geamendeerd aangenomen",
 * "Verworpen", "Ingetrokken" and "Aangehouden".
 *
 * Where the sources are silent, the reader does what ORI's code does: it finds attributes by their
 * own label and walks `values` (taking a text from `value`, or the value itself when it is a string).
 */
import type { NotubizDocument, NotubizModuleItem, NotubizModuleItemAttribute, NotubizModuleItemValue } from '../upstream/types';

export type Outcome = 'ADOPTED' | 'AMENDED' | 'REJECTED' | 'NOTED' | 'WITHDRAWN' | 'POSTPONED' | 'REFERRED_BACK' | 'UNKNOWN';


const asList = <T>(x: T | T[] | null | undefined): T[] => (x === null || x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** A module item's attributes as one list, whichever version's shape it comes in. */
export function moduleItemAttributes(item: NotubizModuleItem): NotubizModuleItemAttribute[] {
  const attrs = item.attributes;
  if (!attrs) return [];
  if (Array.isArray(attrs)) return attrs;
  return asList(attrs.attribute);
}

const labelOf = (a: NotubizModuleItemAttribute) => (typeof a.label === 'string' ? a.label.trim() : '');
const datatypeOf = (a: NotubizModuleItemAttribute) => a.datatype ?? a['@attributes']?.datatype ?? null;

function valuesOf(a: NotubizModuleItemAttribute): NotubizModuleItemValue[] {
  const v = a.values;
  if (Array.isArray(v)) return v;
  if (v && typeof v === 'object') return asList(v.value);
  return [];
}

function textOfValue(v: NotubizModuleItemValue): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    if (typeof v.value === 'string') return v.value;
    if (typeof v['@cdata'] === 'string') return v['@cdata'];
  }
  return null;
}

/** The texts of an attribute, in order: its `values`, or its single `value`. Empty texts are left out. */
export function attributeTexts(a: NotubizModuleItemAttribute): string[] {
  const texts = valuesOf(a).map(textOfValue);
  if (typeof a.value === 'string') texts.push(a.value);
  return texts.filter((t): t is string => typeof t === 'string' && t.trim() !== '');
}

/** The texts of the item's attributes with this label (case and surrounding spaces ignored). */
export function textsByLabel(item: NotubizModuleItem, label: string): string[] {
  const wanted = label.toLowerCase();
  return moduleItemAttributes(item).filter((a) => labelOf(a).toLowerCase() === wanted).flatMap(attributeTexts);
}

/**
 * The item's documents, each once, as ORI's transformer gathers them: `attachments.document[]`, then
 * `values[].document` of the attributes whose datatype is "document" or whose label is
 * "Hoofddocument"; and a plain `documents` list first, where an item has one.
 */
export function moduleItemDocuments(item: NotubizModuleItem): NotubizDocument[] {
  const fromAttributes = moduleItemAttributes(item)
    .filter((a) => datatypeOf(a) === 'document' || labelOf(a) === 'Hoofddocument')
    .flatMap((a) => valuesOf(a).map((v) => (v && typeof v === 'object' ? v.document : null)));
  const all = [...(item.documents ?? []), ...asList(item.attachments?.document), ...fromAttributes];
  const seen = new Set<unknown>();
  return all.filter((d): d is NotubizDocument => {
    if (!d || typeof d !== 'object') return false;
    if (seen.has(d.id)) return false;
    seen.add(d.id);
    return true;
  });
}

/** A result as written, compared without case, markup, entities, repeated spaces and a final full stop. */
export function normaliseResult(raw: string): string {
  return raw
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!]+$/, '')
    .trim()
    .toLowerCase();
}

// How a vote went, before or after the verdict: "met algemene stemmen", "met de stemmen van X tegen",
// "met de stem tegen van het lid X", "zonder hoofdelijke stemming", "bij acclamatie", "unaniem".
const HOW = String.raw`(?:unaniem|met algemene stemmen|met (?:de |een )?stem(?:men)? (?:voor |tegen )?van .+?(?: tegen| voor)?|zonder (?:hoofdelijke )?stemming|bij acclamatie)`;
const verdict = (word: string) => new RegExp(String.raw`^(?:${HOW},? )?(?:is )?${word}(?:,? ${HOW})?$`);

/** Recognised results, first match wins (so "voor kennisgeving aangenomen" is NOTED, not ADOPTED). */
const RESULTS: Array<[RegExp, Outcome]> = [
  // "Voor kennisgeving aannemen": noted, nothing decided.
  [/^voor kennisgeving aangenomen$/, 'NOTED'],
  // Adopted as amended (a proposal with adopted amendments; a motion its submitters changed).
  [verdict('(?:geamendeerd|gewijzigd) aangenomen'), 'AMENDED'],
  [verdict('aangenomen'), 'ADOPTED'],
  [verdict('verworpen'), 'REJECTED'],
  // Withdrawn by its submitters, or taken off the agenda.
  [/^(?:ingetrokken|afgevoerd|afgevoerd van de agenda|van de agenda afgevoerd)$/, 'WITHDRAWN'],
  // Held over to a later meeting ("aangehouden", "aangehouden tot de volgende vergadering").
  [/^aangehouden(?: tot .+)?$/, 'POSTPONED'],
];

/**
 * A result text as an Outcome: `recognised` false when the text says something the table above does
 * not know (it is UNKNOWN then, and reported as unmapped). "Vervallen" (lapsed) and "Overgenomen"
 * (taken over by the college without a vote) are such texts: none of the Outcome values means them.
 */
export function outcomeOfResult(raw: string): { outcome: Outcome; recognised: boolean } {
  const text = normaliseResult(raw);
  for (const [pattern, outcome] of RESULTS) if (pattern.test(text)) return { outcome, recognised: true };
  return { outcome: 'UNKNOWN', recognised: false };
}

export interface ModuleItemResult {
  /** Notubiz id of the module item that states it. */
  moduleItemId: string;
  outcome: Outcome;
  /** The Uitslag exactly as Notubiz writes it. */
  raw: string;
  recognised: boolean;
}

/** A module item's result: its (first non-empty) attribute labelled `resultLabel` (the city's settings: Uitslag); null when it states none. */
export function moduleItemResult(item: NotubizModuleItem, resultLabel: string): ModuleItemResult | null {
  const [raw] = textsByLabel(item, resultLabel);
  if (raw === undefined) return null;
  return { moduleItemId: String(item.id), raw, ...outcomeOfResult(raw) };
}
